"""Points 8-10 of issue #10: the owner's report form keeps a refused submission as a draft and points
at each field; asks for a variance reason only when the owner's own figure differs; speaks Thai."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from plans.models import ReportingWindow
from projects.models import ProgressStatus, QuarterlyReport, ReportState
from projects.reporting.services import CONTRIBUTION_FIELDS, NO_EFFECT_SENTENCE
from tests import factories


@pytest.fixture
def window(world):
    return ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2100, 4, 10))


def url(project, quarter=2):
    return reverse("reporting:report", kwargs={"pk": project.pk, "quarter": quarter})


def full(**values):
    data = {"version": 0, "action": "submit", "status": ProgressStatus.IN_PROGRESS, "results": "อบรมครู",
            "spent_amount": "0", **{name: NO_EFFECT_SENTENCE for name in CONTRIBUTION_FIELDS}}
    data.update(values)
    return data


def test_a_refused_submission_is_kept_as_a_draft_and_points_at_each_field(client, world, window):
    client.force_login(world.owner_a)
    data = full(results="", problems="ครูติดภารกิจ", spent_amount="")
    response = client.post(url(world.project_a), data)
    assert response.status_code == 200
    report = QuarterlyReport.objects.get(project=world.project_a, quarter=2)
    assert report.state == ReportState.DRAFT
    assert report.problems == "ครูติดภารกิจ"
    html = response.content.decode()
    shown = " ".join(str(m) for m in response.context["messages"])
    assert "ฉบับร่าง" in shown
    # The list links to each field to fix; the first one gets the focus.
    assert 'href="#id_results"' in html and 'href="#id_spent_amount"' in html
    assert re.search(r'id="id_spent_amount"[^>]*autofocus|autofocus[^>]*id="id_spent_amount"', html) or \
        re.search(r'id="id_results"[^>]*autofocus|autofocus[^>]*id="id_results"', html)
    # Sending again after fixing works from the kept draft (the version moved on).
    data = full(version=report.version, problems="ครูติดภารกิจ")
    response = client.post(url(world.project_a), data)
    assert response.status_code == 302
    assert QuarterlyReport.objects.get(pk=report.pk).state == ReportState.SUBMITTED


def test_no_reason_is_asked_when_the_owner_spent_to_plan_before_finance_recorded(client, world, window):
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("12500"))
    client.force_login(world.owner_a)
    response = client.post(url(world.project_a), full(spent_amount="12,500"))
    assert response.status_code == 302
    assert QuarterlyReport.objects.get(project=world.project_a).state == ReportState.SUBMITTED


def test_a_reason_is_asked_when_the_owners_figure_differs_from_the_plan(client, world, window):
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("12500"))
    client.force_login(world.owner_a)
    response = client.post(url(world.project_a), full(spent_amount="10,000"))
    assert response.status_code == 200
    assert "กรุณาระบุเหตุผล" in response.content.decode()


@pytest.mark.parametrize("field, value", [
    ("spent_amount", "1234567890123456"),
    ("spent_amount", "12.345"),
    ("spent_amount", "abc"),
])
def test_every_message_about_an_amount_is_thai(client, world, window, field, value):
    client.force_login(world.owner_a)
    response = client.post(url(world.project_a), full(**{field: value}, action="draft"))
    errors = response.context["forms"].main.errors[field]
    assert errors
    for message in errors:
        assert not re.search(r"[A-Za-z]{3,}", message.replace(value, "")), message
        assert re.search("[\u0e00-\u0e7f]", message)


def test_an_over_long_indicator_result_is_refused_in_thai(client, world, window):
    indicator = factories.IndicatorFactory(project=world.project_a)
    client.force_login(world.owner_a)
    response = client.post(url(world.project_a), full(**{f"ind-{indicator.pk}-value": "1234567890123456"},
                                                       action="draft"))
    form = dict(response.context["forms"].indicators)[indicator]
    assert form.errors["value"]
    assert not re.search(r"Ensure|digits", " ".join(form.errors["value"]))


def test_djangos_own_messages_are_thai():
    from django import forms
    from django.utils import translation

    with translation.override("th"):
        checks = [
            forms.DecimalField(max_digits=14, decimal_places=2),
            forms.CharField(max_length=5),
            forms.IntegerField(min_value=1, max_value=9),
            forms.ChoiceField(choices=[("a", "a")]),
            forms.DateField(),
            forms.URLField(assume_scheme="https"),
            forms.EmailField(),
        ]
        bad = ["1234567890123456.5", "abcdefgh", "99", "z", "x", "not a url", "no"]
        for field, value in zip(checks, bad, strict=True):
            with pytest.raises(forms.ValidationError) as caught:
                field.clean(value)
            for message in caught.value.messages:
                assert re.search("[\u0e00-\u0e7f]", message), message
                assert not re.search(r"Ensure|Enter|Select", message), message
