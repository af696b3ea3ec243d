"""Every member changes their own password; a temporary password must be changed at first sign-in.
The e-mailed one-time link is Django's password-reset confirm view with our templates."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from plans.models import Membership
from plans.selectors import membership_of


@login_required
def password_change(request):
    membership = membership_of(request.user)
    forced = membership is not None and membership.must_change_password
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            Membership.objects.filter(user=user).update(must_change_password=False)
        update_session_auth_hash(request, user)
        messages.success(request, "เปลี่ยนรหัสผ่านแล้ว ครั้งต่อไปให้เข้าสู่ระบบด้วยรหัสผ่านใหม่")
        return redirect("home")
    return render(request, "registration/password_change.html", {"form": form, "forced": forced})


class LinkPasswordSetView(auth_views.PasswordResetConfirmView):
    """The one-time link: Django checks the token (it dies once the password changes)."""

    template_name = "registration/password_set.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        Membership.objects.filter(user=form.user).update(must_change_password=False)
        messages.success(self.request, "ตั้งรหัสผ่านแล้ว กรุณาเข้าสู่ระบบด้วยรหัสผ่านใหม่")
        return response
