import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from plans.models import ReportingWindow
from projects.models import ProgressStatus, QuarterlyReport, ReportState
from projects.reporting.services import (
    CONTRIBUTION_FIELDS,
    NO_EFFECT_SENTENCE,
    ReportInput,
    report_save_draft,
    report_submit,
)
from tests import factories


@pytest.fixture
def window(world):
    return ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))


def url(project, quarter=2):
    return reverse("reporting:report", kwargs={"pk": project.pk, "quarter": quarter})


def form_data(project, version=0, **values):
    data = {
        "version": version,
        "action": "draft",
        "status": ProgressStatus.IN_PROGRESS,
        "results": "อบรมครู",
        "spent_amount": "0",
        **{name: NO_EFFECT_SENTENCE for name in CONTRIBUTION_FIELDS},
    }
    for activity in project.activities.all():
        data[f"act-{activity.pk}-status"] = ProgressStatus.COMPLETED
        data[f"act-{activity.pk}-text"] = "ทำแล้ว"
    data.update(values)
    return data


def test_it_shows_the_form_with_the_quarter_money_to_the_owner(client, world, window):
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("12500"))
    client.force_login(world.owner_a)
    response = client.get(url(world.project_a))
    assert response.status_code == 200
    assert 'id="report-form"' in response.content.decode()
    assert "๑๒,๕๐๐.๐๐" in response.content.decode()
    assert NO_EFFECT_SENTENCE in response.content.decode()


def test_it_refuses_the_owner_in_thai_when_no_window_is_open(client, world):
    client.force_login(world.owner_a)
    response = client.get(url(world.project_a))
    assert "ยังไม่เปิดรอบการรายงาน" in response.content.decode()
    assert 'id="report-form"' not in response.content.decode()
    response = client.post(url(world.project_a), form_data(world.project_a), follow=True)
    assert "ยังไม่เปิดรอบการรายงาน" in response.content.decode()
    assert not QuarterlyReport.objects.exists()


def test_it_saves_thai_digit_money_and_submits(client, world, window):
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("12500"))
    client.force_login(world.owner_a)
    # Finance has disbursed nothing yet against a plan of 12,500, so a reason comes with it.
    response = client.post(
        url(world.project_a),
        form_data(world.project_a, spent_amount="๑๒,๕๐๐", action="submit", disbursement_variance_reason="รอเบิก"),
    )
    assert response.status_code == 302
    report = QuarterlyReport.objects.get()
    assert report.spent_amount == Decimal("12500")
    assert report.state == ReportState.SUBMITTED


def test_it_keeps_the_input_and_shows_the_thai_message_when_submission_is_incomplete(client, world, window):
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("12500"))
    client.force_login(world.owner_a)
    response = client.post(
        url(world.project_a),
        form_data(world.project_a, spent_amount="12,000", results="ข้อความของฉัน", action="submit"),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "กรุณาระบุเหตุผล" in body
    assert "ข้อความของฉัน" in body
    # What was typed is kept as a draft (issue #10 point 8), never sent.
    assert QuarterlyReport.objects.get().state == ReportState.DRAFT


def test_it_says_what_is_wrong_with_badly_typed_money(client, world, window):
    client.force_login(world.owner_a)
    response = client.post(url(world.project_a), form_data(world.project_a, spent_amount="12,5OO"))
    assert "ไม่ใช่ตัวเลข" in response.content.decode()


def test_it_prefills_what_carries_over_from_the_previous_quarter(client, world, window):
    activity = factories.ActivityFactory(project=world.project_a)
    report_save_draft(
        project=world.project_a,
        quarter=1,
        user=world.planner,
        data=ReportInput(
            values={"contribution_nesdp": "ส่งผลต่อหมุดหมายที่ 12", "results": "ผลไตรมาสหนึ่ง"},
            activities={activity.pk: {"status": "in_progress", "text": "ทำไปครึ่งหนึ่ง"}},
        ),
    )
    client.force_login(world.owner_a)
    body = client.get(url(world.project_a)).content.decode()
    assert "ส่งผลต่อหมุดหมายที่ 12" in body
    assert "ทำไปครึ่งหนึ่ง" in body
    assert "ผลไตรมาสหนึ่ง" not in body


def test_it_keeps_the_later_users_input_and_shows_the_other_change_on_conflict(client, world, window):
    report = report_save_draft(
        project=world.project_a, quarter=2, user=world.owner_a, data=ReportInput(values={"results": "เดิม"})
    )
    opened = report.version
    report_save_draft(
        project=world.project_a,
        quarter=2,
        user=world.planner,
        expected_version=opened,
        data=ReportInput(values={"results": "ผู้วางแผนแก้"}),
    )
    client.force_login(world.owner_a)
    response = client.post(url(world.project_a), form_data(world.project_a, version=opened, results="เจ้าของแก้"))
    body = response.content.decode()
    assert 'id="conflict"' in body
    assert "ผู้วางแผนแก้" in body and "เจ้าของแก้" in body
    assert QuarterlyReport.objects.get().results == "ผู้วางแผนแก้"
    # Saving again from the re-rendered form (newer version) is a deliberate overwrite.
    response = client.post(url(world.project_a), form_data(world.project_a, version=opened + 1, results="เจ้าของแก้"))
    assert response.status_code == 302
    assert QuarterlyReport.objects.get().results == "เจ้าของแก้"


def test_it_merges_the_other_persons_change_into_the_form_on_conflict(client, world, window):
    report_save_draft(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        data=ReportInput(values={"status": "in_progress", "results": "เดิม", "problems": "เดิม"}),
    )
    client.force_login(world.owner_a)
    shown = client.get(url(world.project_a)).context["forms"]
    opened = {
        **shown.values(),
        "version": shown.main.initial["version"],
        "original": shown.main.initial["original"],
    }
    # Meanwhile the planner fixes the problems and also rewrites the results.
    report_save_draft(
        project=world.project_a,
        quarter=2,
        user=world.planner,
        data=ReportInput(values={"problems": "ผู้วางแผนเพิ่มปัญหา", "results": "ผู้วางแผนเขียนผล"}),
    )
    response = client.post(url(world.project_a), {**opened, "action": "draft", "results": "เจ้าของเขียนผล"})
    merged = response.context["forms"].main
    assert merged["problems"].value() == "ผู้วางแผนเพิ่มปัญหา"  # taken: the owner left it alone
    assert merged["results"].value() == "เจ้าของเขียนผล"  # the owner's input stays
    assert [label for label, _, _ in response.context["conflict"]] == ["ผลการดำเนินงาน"]
    assert QuarterlyReport.objects.get().results == "ผู้วางแผนเขียนผล"
    client.post(
        url(world.project_a),
        {**{name: merged[name].value() or "" for name in merged.fields}, "action": "draft"},
    )
    report = QuarterlyReport.objects.get()
    assert (report.results, report.problems) == ("เจ้าของเขียนผล", "ผู้วางแผนเพิ่มปัญหา")


def _submitted(world):
    return report_submit(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        data=ReportInput(
            values={
                "status": "in_progress",
                "results": "ผล",
                "spent_amount": Decimal("0"),
                **{name: NO_EFFECT_SENTENCE for name in CONTRIBUTION_FIELDS},
            }
        ),
    )


def test_it_lets_the_planner_return_with_a_comment_the_owner_sees(client, world, window):
    report = _submitted(world)
    client.force_login(world.planner)
    review = reverse("reporting:review", kwargs={"pk": report.pk})
    response = client.post(review, {"action": "return", "comment": "", "version": report.version}, follow=True)
    assert "กรุณาเขียนความเห็น" in response.content.decode()
    client.post(review, {"action": "return", "comment": "เพิ่มภาพกิจกรรม", "version": report.version})
    client.force_login(world.owner_a)
    body = client.get(url(world.project_a)).content.decode()
    assert "เพิ่มภาพกิจกรรม" in body and 'id="report-form"' in body


def test_it_locks_an_accepted_report_for_the_owner(client, world, window):
    report = _submitted(world)
    client.force_login(world.planner)
    client.post(reverse("reporting:review", kwargs={"pk": report.pk}), {"action": "accept", "version": report.version})
    client.force_login(world.owner_a)
    body = client.get(url(world.project_a)).content.decode()
    assert "ตรวจรับแล้ว" in body
    assert 'id="report-form"' not in body
    response = client.post(url(world.project_a), form_data(world.project_a, version=report.version + 1), follow=True)
    assert "ตรวจรับแล้ว" in response.content.decode()


def test_it_forbids_review_by_the_owner(client, world, window):
    report = _submitted(world)
    client.force_login(world.owner_a)
    response = client.post(
        reverse("reporting:review", kwargs={"pk": report.pk}), {"action": "accept", "version": report.version}
    )
    assert response.status_code == 403


def test_it_shows_the_report_read_only_to_the_director(client, world, window):
    _submitted(world)
    client.force_login(world.director)
    body = client.get(url(world.project_a)).content.decode()
    assert 'id="report-readonly"' in body
    assert 'id="report-form"' not in body
    assert client.post(url(world.project_a), form_data(world.project_a)).status_code == 403


def test_it_forbids_writing_another_owners_report_and_hides_other_offices(client, world, window):
    client.force_login(world.owner_b)
    assert client.post(url(world.project_a), form_data(world.project_a)).status_code == 403
    client.force_login(world.other_planner)
    assert client.get(url(world.project_a)).status_code == 404
    assert not QuarterlyReport.objects.exists()


def _page_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_it_opens_the_form_in_a_number_of_queries_that_does_not_grow_with_activities(client, world, window):
    client.force_login(world.owner_a)
    counts = []
    for extra in (2, 20):
        for _ in range(extra):
            activity = factories.ActivityFactory(project=world.project_a)
            factories.ActivityFactory(project=world.project_a, parent=activity)
            factories.IndicatorFactory(project=world.project_a)
        counts.append(_page_queries(client, url(world.project_a)))
    assert counts[0] == counts[1]


def test_it_explains_each_narrative_with_an_example(client, world, window):
    """Issue #19: every narrative field says what it asks for, with an example (reference booklets' style)."""
    from projects.reporting.help_text import NARRATIVE_HELP

    client.force_login(world.owner_a)
    body = client.get(url(world.project_a)).content.decode()
    narratives = ["output_progress", "outcome_progress", "results", "problems", "suggestions",
                  "disbursement_variance_reason", *CONTRIBUTION_FIELDS]
    for name in narratives:
        assert NARRATIVE_HELP[name] in body, name
        assert "เช่น “" in NARRATIVE_HELP[name]


@pytest.mark.parametrize("original", ["NaN", "[]", "1", "\"text\""])
def test_a_tampered_starting_point_on_conflict_is_no_server_error(client, world, window, original):
    """Found by the form fuzz after the merges: a conflict with an `original` that is JSON but not an
    object answered 500; it is now treated as an unknown starting point."""
    report = report_save_draft(
        project=world.project_a, quarter=2, user=world.owner_a, data=ReportInput(values={"results": "เดิม"})
    )
    opened = report.version
    report_save_draft(project=world.project_a, quarter=2, user=world.planner, expected_version=opened,
                      data=ReportInput(values={"results": "ผู้วางแผนแก้"}))
    client.force_login(world.owner_a)
    data = {**form_data(world.project_a, version=opened, results="เจ้าของแก้"), "original": original}
    response = client.post(url(world.project_a), data)
    assert response.status_code == 200
    assert 'id="conflict"' in response.content.decode()
    assert QuarterlyReport.objects.get().results == "ผู้วางแผนแก้"
