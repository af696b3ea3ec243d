"""Forms of the project set-up pages. Labels are Thai; rules live in projects/services.py."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from budget.models import BudgetSource
from budget.plan_services import money_version
from plans.form_bounds import VersionField, bound_to_model, guard_ids
from plans.form_fields import BEDateField, MoneyField
from plans.models import AlignmentItem, Group, Strategy
from plans.query import IdField, SearchField
from projects.models import Activity, ProgressStatus, Project

# Only a planner sets who owns a project and where it sits in the plan; an owner edits the rest.
PLANNER_ONLY_FIELDS = ["code", "strategy", "group", "owners", "alignment", "display_order"]


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
        self.fields["owners"].queryset = (
            get_user_model()
            .objects.filter(memberships__office=action_plan.office_id)
            .order_by("first_name", "username")
        )
        self.fields["owners"].label_from_instance = lambda u: u.get_full_name() or u.username
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


class ProjectMoneyForm(forms.Form):
    """One amount per budget source (จัดสรร) and one per quarter (แผนการใช้จ่าย); blank means none."""

    version = forms.CharField(widget=forms.HiddenInput, max_length=64, error_messages={
        "required": _("หน้านี้ไม่ได้ส่งรุ่นของข้อมูลมาด้วย กรุณาเปิดหน้านี้ใหม่แล้วบันทึกอีกครั้ง"),
    })

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = money_version(project)
        self.sources = list(BudgetSource.objects.all())
        # Shown as staff type money ("12,500.00"); MoneyField reads it back.
        allocated = {a.source_id: f"{a.amount:,.2f}" for a in project.allocations.all()}
        planned = {line.quarter: f"{line.amount:,.2f}" for line in project.spending_plan.all()}
        for source in self.sources:
            self.fields[f"source_{source.pk}"] = MoneyField(
                label=source.name, required=False, initial=allocated.get(source.pk)
            )
        for quarter in range(1, 5):
            self.fields[f"quarter_{quarter}"] = MoneyField(
                label=_("ไตรมาสที่ %(q)s") % {"q": quarter}, required=False, initial=planned.get(quarter)
            )

    def source_fields(self):
        return [self[f"source_{s.pk}"] for s in self.sources]

    def quarter_fields(self):
        return [self[f"quarter_{q}"] for q in range(1, 5)]

    def allocations(self):
        return {s: self.cleaned_data.get(f"source_{s.pk}") for s in self.sources}

    def spending(self):
        return {q: self.cleaned_data.get(f"quarter_{q}") for q in range(1, 5)}


class ProjectListQuery(forms.Form):
    """The project list's filters (?group=, ?strategy=, ?status=, ?q=), read through plans.query."""

    group = IdField()
    strategy = IdField()
    status = forms.ChoiceField(required=False, choices=[("", ""), *ProgressStatus.choices,
                                                         ("not_reported", "not_reported")])
    q = SearchField()
