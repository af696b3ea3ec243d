"""Accounts: every user changes their own password; the planner sees the office's sign-ins and
failed attempts and may lift a lockout."""

from axes.utils import reset
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from plans.access import require_role
from plans.account_selectors import locked_out, login_events, office_usernames
from plans.models import Role
from plans.password_validation import ThaiPasswordChangeForm
from plans.selectors import membership_of


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"
    form_class = ThaiPasswordChangeForm
    success_url = reverse_lazy("password_change_done")


class PasswordChangeDone(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_done.html"


@login_required
def login_attempts(request):
    require_role(request.user, Role.PLANNER)
    office = membership_of(request.user).office
    if request.method == "POST":
        username = request.POST.get("username", "")
        if username in office_usernames(office):
            reset(username=username)
            messages.success(request, f"ปลดล็อกบัญชี {username} แล้ว ผู้ใช้ลองเข้าสู่ระบบใหม่ได้ทันที")
        else:
            messages.error(request, "ไม่พบชื่อผู้ใช้นี้ในหน่วยงานของคุณ")
        return redirect("login_attempts")
    return render(request, "registration/login_attempts.html", {
        "events": login_events(office),
        "locked": locked_out(office),
    })
