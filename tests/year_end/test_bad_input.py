"""No input reaches a 500 or a half-written report: over-long texts, numbers a column cannot hold,
impossible dates, tampered row counts and ids. Run on PostgreSQL too (DATABASE_URL), which enforces
lengths and ranges that SQLite does not."""

from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import YearEndReport
from tests import factories


@pytest.fixture
def project(world):
    factories.AllocationFactory(project=world.project_a, amount=Decimal("10000"))
    factories.ActivityFactory(project=world.project_a, title="อบรมครู")
    factories.IndicatorFactory(project=world.project_a, text="ร้อยละครู", target_value=Decimal("80"))
    return world.project_a


def _page_form(client, project, **changes):
    from tests.support.html_forms import post_forms

    page = client.get(reverse("year_end:report", kwargs={"pk": project.pk}))
    form = next(f for f in post_forms(page.content) if "highlights" in f.values)
    return form.data(**changes)


def _post(client, world, project, **changes):
    client.force_login(world.owner_a)
    data = _page_form(client, project, action="draft", **changes)
    return client.post(reverse("year_end:report", kwargs={"pk": project.pk}), data)


def indicator_field(project):
    return f"ind-{project.indicators.get().pk}-value"


BAD = {
    # In the office's digits, as the rest of the page (the limit itself: 5,000).
    "over-long narrative": ({"highlights": "ก" * 5001}, "กรอกได้ไม่เกิน ๕๐๐๐ ตัวอักษร"),
    "over-long indicator text": ({"ind-text": "ก" * 301}, "300"),
    "over-long planned period": ({"step-0-planned_period": "ก" * 201}, "200"),
    "money a column cannot hold": ({"moved_amount": "1" * 13 + ".00"}, "moved_amount"),
    "negative money": ({"carried_amount": "-5"}, "carried_amount"),
    "indicator value too large": ({"ind-value": "9" * 15}, "ind-value"),
    "impossible date": ({"step-0-started_on": "31/2/2567"}, "step-0-started_on"),
    "finish before start": ({"step-0-started_on": "10/3/2567", "step-0-finished_on": "1/3/2567"},
                            "วันที่เสร็จต้องไม่ก่อนวันที่เริ่ม"),
    "unknown verdict": ({"verdict": "maybe"}, "verdict"),
    "another office's project": ({"moved_to": "OTHER"}, "moved_to"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_a_thai_message_and_nothing_is_written(client, world, project, case):
    changes, hint = BAD[case]
    indicator = project.indicators.get().pk
    changes = {key.replace("ind-", f"ind-{indicator}-") if key.startswith("ind-") else key:
               (str(world.other_project.pk) if value == "OTHER" else value) for key, value in changes.items()}
    response = _post(client, world, project, **changes)
    assert response.status_code == 200
    page = response.content.decode()
    assert "ข้อมูลบางช่องไม่ถูกต้อง จึงยังไม่ได้บันทึก" in page
    assert 'id="report-errors"' in page
    assert hint.replace("ind-", f"ind-{indicator}-") in page
    assert not YearEndReport.objects.exists()


@pytest.mark.parametrize("tamper", [
    {"obj-TOTAL_FORMS": "x"},
    {"step-TOTAL_FORMS": "100000"},
    {"obj-INITIAL_FORMS": "-1"},
    {"step-0-activity_id": "99999999999999999999"},
    {"version": "99999999999"},
])
def test_tampered_form_parts_are_no_500(client, world, project, tamper):
    response = _post(client, world, project, **tamper)
    assert response.status_code in (200, 302)
    report = YearEndReport.objects.first()
    if report is not None:  # a tampered count was ignored and the draft saved as typed
        assert report.steps.count() <= 1


def test_a_missing_management_form_is_no_500(client, world, project):
    client.force_login(world.owner_a)
    response = client.post(reverse("year_end:report", kwargs={"pk": project.pk}),
                           {"action": "submit", "verdict": "achieved"})
    assert response.status_code == 200
    assert not YearEndReport.objects.exists()


def test_review_with_junk_is_no_500(client, world, project):
    report = YearEndReport.objects.create(project=project, state="submitted")
    client.force_login(world.planner)
    review = reverse("year_end:review", kwargs={"pk": report.pk})
    for data in ({"version": "x"}, {"version": "99999999999"}, {"version": "1", "comment": "ก" * 100000}):
        assert client.post(review, data).status_code == 302
    report.refresh_from_db()
    assert report.state == "returned" and len(report.review_comment) == 100000
