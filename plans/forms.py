"""Forms of the plan set-up pages. Labels are Thai; rules live in plans/services.py."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plans.form_bounds import bound_to_model
from plans.form_fields import BEDateField
from plans.models import ActionPlan, DevelopmentPlan, Group, Strategy


class ActionPlanForm(forms.Form):
    be_year = forms.IntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"),
        min_value=2500,
        max_value=2700,
        error_messages={
            "min_value": _("กรุณากรอกปีเป็นพุทธศักราช เช่น 2568"),
            "max_value": _("กรุณากรอกปีเป็นพุทธศักราช เช่น 2568"),
        },
    )
    development_plan = forms.ModelChoiceField(
        label=_("แผนพัฒนาการศึกษา"), queryset=DevelopmentPlan.objects.none()
    )
    title = forms.CharField(label=_("ชื่อแผน (ถ้าไม่กรอกจะตั้งให้อัตโนมัติ)"), required=False, max_length=300)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["development_plan"].queryset = DevelopmentPlan.objects.filter(office=office)


class ActionPlanCopyForm(forms.Form):
    source = forms.ModelChoiceField(label=_("คัดลอกจากแผนปี"), queryset=ActionPlan.objects.none())
    be_year = forms.IntegerField(label=_("ไปยังปีงบประมาณ (พ.ศ.)"), min_value=2500, max_value=2700)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = ActionPlan.objects.filter(office=office).select_related(
            "fiscal_year", "office"
        )
        self.fields["source"].label_from_instance = lambda plan: f"ปีงบประมาณ พ.ศ. {plan.fiscal_year.be_year}"


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["name", "short_name", "abbreviation", "display_order", "head"]
        help_texts = {"head": _("ลงนามท้ายส่วนของกลุ่มในเล่มรายงาน")}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(memberships__office=office)
        current = [self.instance.head_id] if self.instance.pk and self.instance.head_id else []
        self.fields["head"].queryset = users.filter(Q(is_active=True) | Q(pk__in=current)).order_by("first_name")
        self.fields["head"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["head"].empty_label = _("(ยังไม่ได้กำหนด)")
        bound_to_model(self)


class StrategyForm(forms.Form):
    development_plan = forms.ModelChoiceField(
        label=_("แผนพัฒนาการศึกษา"), queryset=DevelopmentPlan.objects.none()
    )
    number = forms.IntegerField(label=_("กลยุทธ์ที่"), min_value=1, max_value=99)
    title = forms.CharField(label=_("ชื่อกลยุทธ์"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["development_plan"].queryset = DevelopmentPlan.objects.filter(office=office)

    @classmethod
    def initial_of(cls, strategy: Strategy):
        return {
            "development_plan": strategy.development_plan_id,
            "number": strategy.number,
            "title": strategy.title,
        }


class WindowOpenForm(forms.Form):
    quarter = forms.TypedChoiceField(
        label=_("ไตรมาส"), coerce=int, choices=[(q, f"ไตรมาสที่ {q}") for q in range(1, 5)]
    )
    deadline = BEDateField(label=_("กำหนดส่งรายงาน (วัน/เดือน/ปี พ.ศ.)"))
