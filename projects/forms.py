"""Forms of the project set-up pages. Labels are Thai; rules live in projects/services.py."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plans.development_plan import Comparator
from plans.form_bounds import VersionField, bound_to_model, guard_ids
from plans.form_fields import BEDateField, MoneyField
from plans.models import AlignmentItem, Group, Strategy
from projects.models import Activity, Project

# Only a planner sets who owns a project and where it sits in the plan; an owner edits the rest.
PLANNER_ONLY_FIELDS = ["code", "strategy", "group", "owners", "alignment", "display_order"]


def _owner_choice(user):
    """ "นางสาวกัลยา คงบัน · กสศ. · นักวิชาการศึกษาชำนาญการ": the name first, then what tells namesakes apart."""
    membership = next(iter(user.memberships.all()), None)
    parts = [user.get_full_name() or user.username]
    if membership is not None and membership.group is not None:
        parts.append(membership.group.abbreviation)
    if membership is not None and membership.position:
        parts.append(membership.position)
    if not user.is_active:
        parts.append("ปิดการใช้งานแล้ว")
    return " · ".join(parts)


class ProjectForm(forms.ModelForm):
    version = VersionField()
    start_date = BEDateField(label=_("วันเริ่มโครงการ"), required=False)
    end_date = BEDateField(label=_("วันสิ้นสุดโครงการ"), required=False)

    class Meta:
        model = Project
        fields = [
            "code",
            "title",
            "strategy",
            "group",
            "owners",
            "display_order",
            "rationale",
            "output_goal",
            "outcome_goal",
            "start_date",
            "end_date",
            "alignment",
            "reported_to_national_system",
            "remark",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3}),
            "rationale": forms.Textarea(attrs={"rows": 4}),
            "output_goal": forms.Textarea(attrs={"rows": 3}),
            "outcome_goal": forms.Textarea(attrs={"rows": 3}),
            "remark": forms.Textarea(attrs={"rows": 2}),
            "owners": forms.CheckboxSelectMultiple,
            "alignment": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, action_plan, planner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy"].queryset = Strategy.objects.filter(
            development_plan=action_plan.development_plan_id
        )
        self.fields["group"].queryset = Group.objects.filter(office=action_plan.office_id)
        # Active members by real name; a deactivated owner stays listed on the projects they own.
        current = self.instance.owners.all() if self.instance.pk else get_user_model().objects.none()
        self.fields["owners"].queryset = (
            get_user_model()
            .objects.filter(memberships__office=action_plan.office_id)
            .filter(Q(is_active=True) | Q(pk__in=current))
            .select_related(None)
            .prefetch_related("memberships__group")
            .order_by("first_name", "username")
            .distinct()
        )
        self.fields["owners"].label_from_instance = _owner_choice
        self.fields["alignment"].queryset = AlignmentItem.objects.filter(
            Q(be_year__isnull=True) | Q(be_year=action_plan.fiscal_year.be_year)
        )
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        bound_to_model(self)
        guard_ids(self)
        if not planner:
            # Left out rather than shown disabled: the catalogue and the member list are long on a phone.
            for name in PLANNER_ONLY_FIELDS:
                del self.fields[name]

    def _post_clean(self):
        # Cross-model rules (code unique in the plan, strategy of the plan, ...) are checked by the service.
        pass


class ProjectStatusForm(forms.Form):
    version = VersionField(required=True)
    added_mid_year = forms.BooleanField(label=_("โครงการเพิ่มระหว่างปี"), required=False)
    added_mid_year_reason = forms.CharField(
        label=_("เหตุผลที่เพิ่มระหว่างปี"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    cancelled = forms.BooleanField(label=_("ยกเลิกโครงการ"), required=False)
    cancelled_reason = forms.CharField(
        label=_("เหตุผลที่ยกเลิก"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActivityForm(forms.ModelForm):
    version = VersionField()
    budget_note = MoneyField(label=_("งบประมาณของกิจกรรม (บาท, ถ้ามี)"), required=False)

    class Meta:
        model = Activity
        fields = [
            "title",
            "parent",
            "planned_q1",
            "planned_q2",
            "planned_q3",
            "planned_q4",
            "budget_note",
            "added_mid_year",
        ]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}
        labels = {"parent": _("เป็นกิจกรรมย่อยของ (เว้นว่างถ้าเป็นกิจกรรมหลัก)")}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Activity.objects.filter(project=project, parent__isnull=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = False
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        bound_to_model(self)

    def _post_clean(self):
        pass


class IndicatorForm(forms.Form):
    version = VersionField()
    text = forms.CharField(label=_("ตัวชี้วัด"), widget=forms.Textarea(attrs={"rows": 2}))
    target_value = MoneyField(label=_("ค่าเป้าหมาย (ตัวเลข)"), required=False)
    target_unit = forms.CharField(label=_("หน่วยนับ"), required=False, max_length=50)
    target_text = forms.CharField(label=_("หรือ ค่าเป้าหมายเป็นข้อความ"), required=False, max_length=300)
    # How the year-end result is judged (#17; plans/achievement.py).
    comparator = forms.ChoiceField(label=_("เกณฑ์การบรรลุ (เมื่อค่าเป้าหมายเป็นตัวเลข)"), choices=Comparator.choices,
                                   initial=Comparator.AT_LEAST, required=False)
    not_assessed = forms.BooleanField(label=_("ไม่กำหนดค่าเป้าหมายปีนี้ (N/A ไม่นำมาประเมินการบรรลุ)"), required=False)

