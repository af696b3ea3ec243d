"""แผนพัฒนาการศึกษา: the office's multi-year plans, which every yearly action plan hangs from.

A new office adds its own here (it used to need the Django admin)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from plans.access import load_in_office, require_planner
from plans.models import DevelopmentPlan

YEAR = {"min_value": 2500, "max_value": 2700,
        "error_messages": {"min_value": _("กรุณากรอกปีเป็นพุทธศักราช เช่น 2566"),
                           "max_value": _("กรุณากรอกปีเป็นพุทธศักราช เช่น 2570")}}


class DevelopmentPlanForm(forms.ModelForm):
    first_be_year = forms.IntegerField(label=_("ปีแรก (พ.ศ.)"), **YEAR)
    last_be_year = forms.IntegerField(label=_("ปีสุดท้าย (พ.ศ.)"), **YEAR)

    class Meta:
        model = DevelopmentPlan
        # Missions, goals, strategies and indicators are rows of their own, kept on the plan's page
        # (plans:devplan_detail); this form sets up the plan itself.
        fields = ["title", "first_be_year", "last_be_year", "vision"]
        widgets = {"vision": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"title": _("เช่น แผนพัฒนาการศึกษา สพป.สมุทรสาคร พ.ศ. 2566–2570")}

    def clean(self):
        data = super().clean()
        first, last = data.get("first_be_year"), data.get("last_be_year")
        if first and last and last < first:
            self.add_error("last_be_year", _("ปีสุดท้ายต้องไม่ก่อนปีแรก"))
        return data


@login_required
def development_plan_edit(request, pk=None):
    # Another office's plan is 404 whatever the role (issue #11, L6): load it before asking for the role.
    plan = (
        load_in_office(request.user, DevelopmentPlan.objects, pk, office_path="office", for_write=True) if pk else None
    )
    membership = require_planner(request.user)
    form = DevelopmentPlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.office = membership.office
            saved._history_user = request.user
            saved.save()
        messages.success(request, f"บันทึก{saved.title}แล้ว เพิ่มพันธกิจ เป้าหมาย กลยุทธ์ และตัวชี้วัดได้ที่หน้าแผนพัฒนาการศึกษา")
        return redirect("plans:setup")
    title = f"แก้ไข{plan.title}" if plan else "เพิ่มแผนพัฒนาการศึกษา"
    return render(request, "plans/form.html", {"form": form, "title": title, "back": "plans:setup"})
