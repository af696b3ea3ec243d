"""plans/fast_widgets.py writes the plain widgets exactly as Django's templates do, character for character:
the report form's own, activity and indicator fields, blank, filled, chosen, invalid, and with text that must be
escaped; anything else is left to Django's templates."""

from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from plans.fast_widgets import WidgetsInPython
from projects.reporting.forms import ActivityProgressForm, IndicatorResultForm, ReportForm

TRICKY = 'ทำแล้ว <script>alert("x")</script> & \'quotes\''


def both(form_class, name, **kwargs):
    """The field's widget through Django's templates and through WidgetsInPython."""
    django = form_class(renderer=DjangoTemplates(), **kwargs)
    python = form_class(renderer=WidgetsInPython(), **kwargs)
    for form in (django, python):
        form.is_valid() if form.is_bound else None
    attrs = {"class": "select form-select is-invalid", "aria-describedby": "x_error"}
    return str(django[name].as_widget(attrs=attrs)), str(python[name].as_widget(attrs=attrs))


ACTIVITY_CASES = [
    {"prefix": "a1"},
    {"prefix": "a2", "initial": {"status": "in_progress", "text": TRICKY}},
    {"prefix": "a3", "data": {"a3-status": "completed", "a3-text": "สิ่งที่ทำ\nบรรทัดที่สอง"}},
    {"prefix": "a4", "data": {"a4-status": "zz", "a4-text": TRICKY}},  # an invalid choice
]
INDICATOR_CASES = [
    {"prefix": "i1"},
    {"prefix": "i2", "initial": {"value": Decimal("90.50"), "text": TRICKY, "achieved": "yes"}},
    {"prefix": "i3", "data": {"i3-value": "abc", "i3-achieved": "maybe", "i3-text": "ผล"}},
    {"prefix": "i4", "data": {"i4-value": '1"2<', "i4-achieved": "no", "i4-text": ""}},
]


@pytest.mark.parametrize("kwargs", ACTIVITY_CASES)
@pytest.mark.parametrize("name", ["status", "text"])
def test_the_activity_widgets_are_djangos_own(kwargs, name):
    django, python = both(ActivityProgressForm, name, **kwargs)
    assert python == django


@pytest.mark.parametrize("kwargs", INDICATOR_CASES)
@pytest.mark.parametrize("name", ["value", "text", "achieved"])
def test_the_indicator_widgets_are_djangos_own(kwargs, name):
    django, python = both(IndicatorResultForm, name, **kwargs)
    assert python == django


REPORT_CASES = [
    {},
    {"initial": {"status": "delayed", "results": TRICKY, "spent_amount": Decimal("1250.50"), "version": 3}},
    {"data": {"status": "zz", "results": TRICKY, "spent_amount": "abc", "problems": "", "version": "x",
              "original": '{"a": "<b>"}'}},
]


@pytest.mark.parametrize("kwargs", REPORT_CASES)
def test_the_report_fields_widgets_are_djangos_own(kwargs):
    for name in ReportForm().fields:
        django, python = both(ReportForm, name, **kwargs)
        assert python == django, name


def test_the_report_forms_use_it():
    assert isinstance(ReportForm().renderer, WidgetsInPython)
    assert isinstance(ActivityProgressForm().renderer, WidgetsInPython)
    assert isinstance(IndicatorResultForm().renderer, WidgetsInPython)


class Other(forms.Form):
    grouped = forms.ChoiceField(choices=[("ก", [("1", "หนึ่ง"), ("2", "สอง")]), ("3", "สาม")])
    when = forms.DateField(widget=forms.DateInput)
    ticked = forms.BooleanField(required=False)


@pytest.mark.parametrize("name", ["grouped", "when", "ticked"])
def test_other_widgets_are_left_to_djangos_templates(name):
    django, python = both(Other, name, initial={"grouped": "2"})
    assert python == django
