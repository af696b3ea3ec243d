"""The year-end report form: the report's fields, its objectives and steps (rows the owner may add
to), and one small form per project indicator. Completeness is the service's rule, at submit."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plans.form_bounds import VersionField
from plans.form_fields import BEDateField, MoneyField
from projects.models import RemainingDisposition, YearEndReport, YearEndVerdict
from projects.reporting.forms import IndicatorValueField
from projects.year_end.services import REPORT_FIELDS, YearEndInput
from projects.year_end.verdicts import verdict_from_typed

# A narrative longer than this is a paste gone wrong, not a report (PostgreSQL would hold it).
MAX_TEXT = 5000
EXTRA_OBJECTIVES = 1
EXTRA_STEPS = 1

NARRATIVES = ["verdict_reason", "quantitative_results", "qualitative_results", "carried_activities",
              "carried_reason", "highlights", "problems", "suggestions", "next_year_approach"]
HELP = {
    "quantitative_results": _("เช่น จัดอบรมครู ๑๒๐ คน จาก ๔๐ โรงเรียน ครบตามเป้าหมาย"),
    "qualitative_results": _("เช่น ครูนำความรู้ไปจัดกิจกรรมการเรียนรู้เชิงรุกในชั้นเรียน"),
    "highlights": _("ถ้าไม่มี ให้พิมพ์ “ไม่มี”"),
    "next_year_approach": _("สิ่งที่จะทำต่อ ปรับปรุง หรือขยายผลในปีงบประมาณถัดไป"),
}


def _label(name):
    return YearEndReport._meta.get_field(name).verbose_name


class YearEndForm(forms.Form):
    version = VersionField()
    verdict = forms.ChoiceField(label=_label("verdict"), required=False, widget=forms.RadioSelect,
                                choices=list(YearEndVerdict.choices))
    disposition = forms.ChoiceField(label=_label("disposition"), required=False, widget=forms.RadioSelect,
                                    choices=list(RemainingDisposition.choices))
    moved_to = forms.ModelChoiceField(label=_label("moved_to"), required=False, queryset=None,
                                      empty_label=_("— เลือกโครงการ —"))
    moved_amount = MoneyField(label=_label("moved_amount"), required=False)
    carried_amount = MoneyField(label=_label("carried_amount"), required=False)

    def __init__(self, *args, projects=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["moved_to"].queryset = projects
        self.fields["moved_to"].label_from_instance = lambda p: f"{p.code} {p.title}"[:120]
        for name in NARRATIVES:
            self.fields[name] = forms.CharField(
                label=_label(name), required=False, max_length=MAX_TEXT, help_text=HELP.get(name, ""),
                widget=forms.Textarea(attrs={"rows": 3}))


MET_CHOICES = [("", _("— เลือก —")), ("yes", _("บรรลุ")), ("no", _("ไม่บรรลุ"))]


class ObjectiveForm(forms.Form):
    text = forms.CharField(label=_("วัตถุประสงค์"), required=False, max_length=MAX_TEXT,
                           widget=forms.Textarea(attrs={"rows": 2}))
    met = forms.TypedChoiceField(label=_("บรรลุหรือไม่"), choices=MET_CHOICES, required=False,
                                 coerce=lambda v: {"yes": True, "no": False}.get(v), empty_value=None)
    note = forms.CharField(label=_("หมายเหตุ"), required=False, max_length=MAX_TEXT)


class StepForm(forms.Form):
    activity_id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1,
                                     max_value=2_147_483_647)
    title = forms.CharField(label=_("กิจกรรม/ขั้นตอนหลัก"), required=False, max_length=MAX_TEXT,
                            widget=forms.Textarea(attrs={"rows": 2}))
    planned_period = forms.CharField(label=_("ช่วงเวลาตามแผน"), required=False, max_length=200)
    started_on = BEDateField(label=_("วันที่เริ่มจริง"), required=False)
    finished_on = BEDateField(label=_("วันที่เสร็จจริง"), required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("started_on"), data.get("finished_on")
        if start and end and end < start:
            self.add_error("finished_on", _("วันที่เสร็จต้องไม่ก่อนวันที่เริ่ม"))
        return data


class IndicatorYearForm(forms.Form):
    value = IndicatorValueField(label=_("ผล (ตัวเลข)"), required=False)
    text = forms.CharField(label=_("ผล (ข้อความ)"), required=False, max_length=300)
    miss_reason = forms.CharField(label=_("สาเหตุที่ไม่บรรลุ"), required=False, max_length=MAX_TEXT,
                                  widget=forms.Textarea(attrs={"rows": 2}))


ObjectiveFormSet = forms.formset_factory(ObjectiveForm, extra=0, max_num=50, absolute_max=50, validate_max=True)
StepFormSet = forms.formset_factory(StepForm, extra=0, max_num=100, absolute_max=100, validate_max=True)


def _met_initial(value):
    return {True: "yes", False: "no"}.get(value, "")


class YearEndForms:
    """The report form with its rows, validated and read as one."""

    def __init__(self, project, report=None, prefill=None, data=None, other_projects=None):
        self.project = project
        initial = {"version": report.version if report else 0}
        if report is not None:
            initial.update({name: getattr(report, name) for name in REPORT_FIELDS})
            initial["moved_to"] = report.moved_to_id
            objectives = [{"text": o.text, "met": _met_initial(o.met), "note": o.note} for o in report.objectives.all()]
            steps = [{"activity_id": s.activity_id, "title": s.title, "planned_period": s.planned_period,
                      "started_on": s.started_on, "finished_on": s.finished_on} for s in report.steps.all()]
            results = {r.indicator_id: {"value": r.value, "text": r.text, "miss_reason": r.miss_reason}
                       for r in report.indicator_results.all()}
        else:
            initial.update(prefill.values)
            objectives = [{**o, "met": _met_initial(o["met"])} for o in prefill.objectives]
            steps, results = prefill.steps, prefill.indicators
        self.main = YearEndForm(data=data, initial=initial, projects=other_projects)
        objectives += [{}] * EXTRA_OBJECTIVES
        steps = steps + [{}] * EXTRA_STEPS
        self.objectives = ObjectiveFormSet(data=data, prefix="obj", initial=objectives)
        self.steps = StepFormSet(data=data, prefix="step", initial=steps)
        if data is None:
            # The blank rows to add to are initial rows with nothing in them.
            self.objectives.extra = self.steps.extra = 0
        self.indicators = [(i, IndicatorYearForm(data=data, prefix=f"ind-{i.pk}", initial=results.get(i.pk, {})))
                           for i in project.indicators.all()]

    def all_forms(self):
        return [self.main, *self.objectives, *self.steps, *(f for _, f in self.indicators)]

    def is_valid(self):
        # A formset whose management form is missing or tampered is invalid, not a 500.
        return all([self.main.is_valid(), self.objectives.is_valid(), self.steps.is_valid(),
                    *[form.is_valid() for _, form in self.indicators]])

    @property
    def expected_version(self):
        return self.main.cleaned_data.get("version") or 0

    def to_input(self):
        values = {name: self.main.cleaned_data.get(name) for name in REPORT_FIELDS}
        for name in NARRATIVES + ["verdict", "disposition"]:
            values[name] = values.get(name) or ""
        activity_ids = {a.pk for a in self.project.activities.all()}
        steps = []
        for form in self.steps:
            row = dict(form.cleaned_data)
            if row.get("activity_id") not in activity_ids:
                row["activity_id"] = None  # a tampered id is dropped, not trusted
            steps.append(row)
        return YearEndInput(
            values=values,
            objectives=[dict(form.cleaned_data) for form in self.objectives],
            steps=steps,
            indicators={i.pk: dict(form.cleaned_data) for i, form in self.indicators},
        )

    def add_service_errors(self, error: ValidationError):
        indicator_forms = {form.prefix: form for _, form in self.indicators}
        for key, messages in error.message_dict.items():
            prefix, _sep, name = key.rpartition("-")
            if prefix in indicator_forms:
                indicator_forms[prefix].add_error(name, messages)
            elif key.startswith("obj-"):
                number = int(key.split("-")[1]) - 1
                filled = [f for f in self.objectives if (f.cleaned_data.get("text") or "").strip()]
                form = filled[number] if number < len(filled) else self.main
                form.add_error("met" if form is not self.main else None, messages)
            elif key == "objectives":
                self.main.add_error(None, messages)
            else:
                self.main.add_error(key if key in self.main.fields else None, messages)

    def error_links(self):
        """(field id, label, message) of every error, in page order (the list at the top links to each)."""
        links = [("year-end-form", "", m) for m in self.main.non_field_errors()]
        # In page order: objectives, steps, indicators, then the report's own fields (sections 4–6).
        forms_in_order = [*[(_("วัตถุประสงค์ข้อ %(n)s") % {"n": n}, f)
                            for n, f in enumerate(self.objectives, start=1)],
                          *[(_("ขั้นตอนที่ %(n)s") % {"n": n}, f) for n, f in enumerate(self.steps, start=1)],
                          *[(i.text, f) for i, f in self.indicators], (None, self.main)]
        for title, form in forms_in_order:
            for name, messages in form.errors.items():
                if name == "__all__":
                    continue
                label = f"{form.fields[name].label} “{title}”" if title else str(form.fields[name].label)
                links.extend((form[name].auto_id, label, m) for m in messages)
        for formset in (self.objectives, self.steps):
            links.extend(("year-end-form", "", m) for m in formset.non_form_errors())
        return links


def shown_verdict(indicator, form):
    """The verdict of what the indicator's form shows now (typed, prefilled or saved), by the shared rule."""
    field = form.fields["value"]
    try:
        value = field.clean(form["value"].value())
    except ValidationError:
        value = None
    return verdict_from_typed(indicator, value, form["text"].value() or "")
