"""Forms of the development plan pages. Labels are Thai; rules live in plans/devplan_services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plans.development_plan import KINDS_WITH_STRATEGIES, KINDS_WITH_TERM
from plans.devplan_services import INDICATOR_FIELDS, PLAN_FIELDS
from plans.indicator_values import typed_value
from plans.models import AlignmentItem, DevelopmentPlan, Group, StrategyIndicator

YEAR_ERRORS = {
    "min_value": _("กรุณากรอกปีเป็นพุทธศักราช เช่น 2566"),
    "max_value": _("กรุณากรอกปีเป็นพุทธศักราช เช่น 2570"),
}


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def be_year_field(label, required=True):
    return forms.IntegerField(label=label, min_value=2500, max_value=2700, required=required,
                              error_messages=YEAR_ERRORS)


class DevelopmentPlanForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    first_be_year = be_year_field(_("ปีแรก (พ.ศ.)"))
    last_be_year = be_year_field(_("ปีสุดท้าย (พ.ศ.)"))

    class Meta:
        model = DevelopmentPlan
        fields = PLAN_FIELDS
        widgets = {
            "foreword": forms.Textarea(attrs={"rows": 6}),
            "context": forms.Textarea(attrs={"rows": 6}),
            "vision": forms.Textarea(attrs={"rows": 2}),
            "title": forms.TextInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        # Before the model's constraint check, whose message is not the planner's language.
        data = super().clean()
        first, last = data.get("first_be_year"), data.get("last_be_year")
        if first and last and last < first:
            self.add_error("last_be_year", "ปีสุดท้ายต้องไม่ก่อนปีแรกของแผน")
        return data


class PlanItemForm(forms.Form):
    number = forms.IntegerField(label=_("ลำดับที่"), min_value=1, max_value=999)
    term = forms.CharField(label=_("คำ/หัวข้อย่อย"), max_length=200, required=False)
    text = forms.CharField(label=_("ข้อความ"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    strategies = forms.ModelMultipleChoiceField(
        label=_("กลยุทธ์ที่ตอบสนอง"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, plan, kind, **kwargs):
        super().__init__(*args, **kwargs)
        if kind in KINDS_WITH_STRATEGIES:
            self.fields["strategies"].queryset = plan.strategies.order_by("number")
        else:
            del self.fields["strategies"]
        if kind not in KINDS_WITH_TERM:
            del self.fields["term"]


class StrategyPartForm(forms.Form):
    number = forms.IntegerField(label=_("ลำดับที่"), min_value=1, max_value=999)
    text = forms.CharField(label=_("ข้อความ"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class AlignmentForm(forms.Form):
    items = forms.ModelMultipleChoiceField(
        label=_("ความสอดคล้องกับแผนระดับชาติและนโยบาย"), queryset=AlignmentItem.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].label_from_instance = lambda item: f"{item.get_kind_display()} {item.code} {item.title}"


class IndicatorForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    baseline_be_year = be_year_field(_("ปีของข้อมูลฐาน (พ.ศ.)"), required=False)
    baseline_value = forms.DecimalField(label=_("ค่าฐาน (ตัวเลข)"), required=False, min_value=0,
                                        max_value=999999999999, decimal_places=2,
                                        error_messages={"min_value": _("ค่าฐานต้องไม่ติดลบ"),
                                                        "max_decimal_places": _("ค่าฐานมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง")})

    class Meta:
        model = StrategyIndicator
        fields = INDICATOR_FIELDS
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "level_scale": forms.Textarea(attrs={"rows": 3, "placeholder": "ระดับ 1\nระดับ 2\nระดับ 3\nระดับ 4\nระดับ 5"}),
        }

    def __init__(self, *args, strategy, **kwargs):
        super().__init__(*args, **kwargs)
        plan = strategy.development_plan
        self.strategy = strategy
        self.fields["goal"].queryset = strategy.goals.all()
        self.fields["approach"].queryset = strategy.approaches.all()
        self.fields["parent"].queryset = strategy.indicators.filter(parent=None).exclude(pk=self.instance.pk)
        self.fields["responsible_group"].queryset = Group.objects.filter(office=plan.office)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        targets = {t.be_year: t for t in self.instance.targets.all()} if self.instance.pk else {}
        for year in plan.years:
            target = targets.get(year)
            self.fields[f"target_{year}"] = forms.CharField(
                label=f"ค่าเป้าหมายปี {year}", required=False, max_length=200,
                help_text=_("ตัวเลข ระดับ หรือ มี/ไม่มี ตามชนิด; เว้นว่าง = N/A"),
                initial=typed_value(self.instance.kind, target.value, target.text) if target else "",
            )

    def typed_targets(self):
        return {year: self.cleaned_data.get(f"target_{year}", "") for year in self.strategy.development_plan.years}

    def indicator_fields(self):
        return {name: self.cleaned_data[name] for name in INDICATOR_FIELDS}


class ResultForm(VersionedForm):
    result = forms.CharField(
        label=_("ผลการดำเนินงาน"), required=False, max_length=200,
        help_text=_("ตัวเลข ระดับ หรือ มี/ไม่มี ตามชนิดตัวชี้วัด; เว้นว่าง = ยังไม่รายงานผล"),
    )
    source = forms.CharField(label=_("แหล่งข้อมูล"), required=False, max_length=300)
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           max_length=4000)


class ReviseForm(forms.Form):
    title = forms.CharField(label=_("ชื่อแผน"), max_length=300)
    edition = forms.CharField(label=_("ฉบับ"), max_length=100, help_text=_("เช่น ฉบับปรับปรุง พ.ศ. 2568"))
    document_number = forms.CharField(label=_("เอกสารลำดับที่"), max_length=50, required=False)
