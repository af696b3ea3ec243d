"""The quarterly report form: the report itself plus one small form per activity and per indicator.

Composed by hand rather than with formsets: the rows are fixed by the project (one per activity
and indicator), so there is nothing to add or delete, and prefixes by id keep the markup simple.
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from plans.fast_widgets import WidgetsInPython
from plans.form_bounds import VersionField
from plans.form_fields import MoneyField
from plans.thai_formats import parse_money
from projects.models import ProgressStatus, QuarterlyReport
from projects.reporting.help_text import NARRATIVE_HELP
from projects.reporting.services import (
    CARRIED_OVER_FIELDS,
    CONTRIBUTION_FIELDS,
    NO_EFFECT_SENTENCE,
    REPORT_FIELDS,
    ReportInput,
)

CHOOSE = [("", _("— เลือกสถานะ —"))]


def _textarea(rows=3):
    return forms.Textarea(attrs={"rows": rows})


# The report form's widgets (one form of the report's own fields, and an activity and an indicator
# form per row) are written in Python (plans/fast_widgets.py).
WIDGETS_IN_PYTHON = WidgetsInPython()


class ReportForm(forms.Form):
    """The report's own fields, labelled by the model; completeness is the service's rule (at submit)."""

    default_renderer = WIDGETS_IN_PYTHON

    version = VersionField()
    # The values as first shown (JSON): after a conflict, fields this user left alone take the
    # other person's newer value, so neither person's change is lost.
    original = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(fields_for_model(
            QuarterlyReport, fields=REPORT_FIELDS,
            widgets={name: _textarea() for name in REPORT_FIELDS if name not in ("status", "spent_amount")},
        ))
        self.fields["status"] = forms.ChoiceField(
            label=self.fields["status"].label, choices=CHOOSE + list(ProgressStatus.choices), required=False,
        )
        self.fields["spent_amount"] = MoneyField(
            label=_("ใช้จ่ายจริงในไตรมาสนี้ (บาท)"), required=False,
            help_text=_("รวมที่ก่อหนี้ผูกพันแล้ว พิมพ์ได้ทั้ง 12,500 หรือ ๑๒,๕๐๐ ถ้าไม่ได้ใช้ ให้กรอก 0"),
        )
        for name, text in NARRATIVE_HELP.items():
            self.fields[name].help_text = text
        for name in CONTRIBUTION_FIELDS:
            self.fields[name].widget.attrs["data-no-effect"] = NO_EFFECT_SENTENCE


class ActivityProgressForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON
    status = forms.ChoiceField(label=_("สถานะ"), choices=CHOOSE + list(ProgressStatus.choices),
                               required=False)
    text = forms.CharField(label=_("สิ่งที่ทำในไตรมาสนี้"), widget=_textarea(), required=False)


class IndicatorValueField(forms.DecimalField):
    """An indicator's numeric result; Thai digits and thousands separators are accepted as for money."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(max_digits=14, decimal_places=2, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_money(str(value))
        except ValueError as exc:
            raise ValidationError(str(exc).replace("จำนวนเงิน", "ตัวเลข"), code="invalid") from exc


ACHIEVED_CHOICES = [("", _("ยังไม่ทราบ")), ("yes", _("บรรลุเป้าหมาย")), ("no", _("ยังไม่บรรลุเป้าหมาย"))]


class IndicatorResultForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON
    value = IndicatorValueField(label=_("ผล (ตัวเลข)"), required=False)
    text = forms.CharField(label=_("ผล (ข้อความ)"), widget=_textarea(2), required=False)
    achieved = forms.TypedChoiceField(
        label=_("บรรลุเป้าหมายหรือไม่"), choices=ACHIEVED_CHOICES, required=False,
        coerce=lambda v: {"yes": True, "no": False}.get(v), empty_value=None,
    )


def _achieved_initial(value):
    return {True: "yes", False: "no"}.get(value, "")


def ordered_activities(project):
    """Main activities each followed by their sub-activities, as the booklet numbers them."""
    activities = list(project.activities.all())
    children = {}
    for activity in activities:
        children.setdefault(activity.parent_id, []).append(activity)
    ordered = []

    def walk(parent_id, depth):
        for activity in children.get(parent_id, []):
            activity.depth = depth
            ordered.append(activity)
            walk(activity.pk, depth + 1)

    walk(None, 0)
    return ordered


class ReportForms:
    """The report form and its activity and indicator rows, validated and read as one."""

    def __init__(self, project, report=None, previous=None, data=None):
        self.project = project
        source = report or previous
        initial = {"version": report.version if report else 0}
        if report is not None:
            initial.update({name: getattr(report, name) for name in REPORT_FIELDS})
        elif previous is not None:
            initial.update({name: getattr(previous, name) for name in CARRIED_OVER_FIELDS})
        else:
            initial["status"] = ""
        self.main = ReportForm(data=data, initial=initial)
        progress = {row.activity_id: row for row in source.activity_progress.all()} if source else {}
        results = {row.indicator_id: row for row in source.indicator_results.all()} if source else {}
        self.activities = []
        for activity in ordered_activities(project):
            row = progress.get(activity.pk)
            form = ActivityProgressForm(
                data=data, prefix=f"act-{activity.pk}",
                initial={"status": row.status, "text": row.text} if row else {},
            )
            self.activities.append((activity, form))
        self.indicators = []
        for indicator in project.indicators.all():
            row = results.get(indicator.pk)
            form = IndicatorResultForm(
                data=data, prefix=f"ind-{indicator.pk}",
                initial={"value": row.value, "text": row.text, "achieved": _achieved_initial(row.achieved)}
                if row else {},
            )
            self.indicators.append((indicator, form))
        if data is None:
            self.main.initial["original"] = json.dumps(self.values(), ensure_ascii=False)

    def _fields(self):
        """(html name, form, field name, label) of every editable field, in page order."""
        rows = [(None, self.main)] + [(a.title, f) for a, f in self.activities] + \
               [(i.text, f) for i, f in self.indicators]
        for title, form in rows:
            for name, field in form.fields.items():
                if name in ("version", "original"):
                    continue
                label = f"{field.label} “{title}”" if title else str(field.label)
                yield form.add_prefix(name), form, name, label

    def values(self):
        """What the form shows, as the strings a browser would send back."""
        return {html: _as_text(form[name].value()) for html, form, name, _label in self._fields()}

    def labels(self):
        return {html: label for html, _form, _name, label in self._fields()}

    def display(self, html_name, value):
        for html, form, name, _label in self._fields():
            if html == html_name:
                choices = dict(getattr(form.fields[name], "choices", []) or [])
                return str(choices.get(value, value)) if value != "" else "-"
        return value

    def all_forms(self):
        return [self.main, *(f for _, f in self.activities), *(f for _, f in self.indicators)]

    def is_valid(self):
        return all([form.is_valid() for form in self.all_forms()])

    @property
    def expected_version(self):
        return self.main.cleaned_data.get("version") or 0

    def to_input(self):
        return ReportInput(
            values={name: self.main.cleaned_data.get(name) for name in REPORT_FIELDS},
            activities={a.pk: dict(form.cleaned_data) for a, form in self.activities},
            indicators={i.pk: dict(form.cleaned_data) for i, form in self.indicators},
        )

    def add_service_errors(self, error: ValidationError):
        """Put the service's {key: message} errors next to the fields they are about."""
        rows = {form.prefix: form for form in self.all_forms() if form.prefix}
        for key, messages in error.message_dict.items():
            prefix, _, name = key.rpartition("-")
            form = rows.get(prefix, self.main)
            form.add_error(name if name in form.fields else None, messages)

    def error_links(self):
        """(field id, label, message) of every error, in page order: the list at the top links to each field."""
        return [
            (form[name].auto_id, label, message)
            for _html, form, name, label in self._fields()
            for message in form.errors.get(name, [])
        ] + [("report-form", "", message) for message in self.main.non_field_errors()]

    def focus_first_error(self):
        """The first field to fix takes the focus when the page opens."""
        for _html, form, name, _label in self._fields():
            if form.errors.get(name):
                form.fields[name].widget.attrs["autofocus"] = "autofocus"
                return

    @property
    def error_count(self):
        return sum(len(form.errors) for form in self.all_forms())


def _as_text(value):
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").strip()


def merge_after_conflict(project, latest_report, data):
    """Three-way merge of what this user typed with what someone else saved meanwhile.

    A field this user did not touch takes the newer stored value; a field only this user changed
    keeps their input; a field both changed differently keeps this user's input and is listed as a
    conflict (label, theirs, ours) for them to decide. Returns (new form data, conflicts, taken).
    """
    theirs_forms = ReportForms(project, latest_report)
    theirs = theirs_forms.values()
    try:
        original = json.loads(data.get("original") or "{}")
    except ValueError:
        original = {}
    if not isinstance(original, dict):  # a tampered field ("NaN", "[]"): no known starting point
        original = {}
    merged = data.copy()
    conflicts, taken = [], []
    labels = theirs_forms.labels()
    for html, their_value in theirs.items():
        ours = _as_text(data.get(html))
        if html not in original:
            # Unknown starting point: keep this user's input and show any difference.
            if ours != their_value:
                conflicts.append((labels[html], theirs_forms.display(html, their_value),
                                  theirs_forms.display(html, ours)))
            continue
        base = original[html]
        if ours == base and their_value != base:
            merged[html] = their_value
            taken.append(labels[html])
        elif ours != base and their_value != base and ours != their_value:
            conflicts.append((labels[html], theirs_forms.display(html, their_value),
                              theirs_forms.display(html, ours)))
    merged["version"] = latest_report.version
    merged["original"] = json.dumps(theirs, ensure_ascii=False)
    return merged, conflicts, taken


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("ความเห็นถึงผู้รับผิดชอบ"), widget=_textarea(), required=False,
                              help_text=_("จำเป็นเมื่อส่งกลับให้แก้ไข"))
    version = VersionField(required=True)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผลที่เปิดรายงานอีกครั้ง"), widget=_textarea(2),
                             error_messages={"required": _("กรุณาระบุเหตุผลที่เปิดรายงานอีกครั้ง")})
    version = VersionField(required=True)
