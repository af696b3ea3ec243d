import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from plans.concurrency import StaleEdit
from plans.models import ReportingWindow
from projects.models import ProgressStatus, QuarterlyReport, ReportState
from projects.reporting.services import (
    CONTRIBUTION_FIELDS,
    NO_EFFECT_SENTENCE,
    ReportInput,
    ReportRefused,
    report_accept,
    report_reopen,
    report_return,
    report_save_draft,
    report_submit,
)
from tests import factories


def open_window(plan, quarter=2):
    return ReportingWindow.objects.create(action_plan=plan, quarter=quarter, deadline=datetime.date(2024, 4, 10))


def complete_input(project, **values):
    """A report that may be sent: planned 0, nothing disbursed, spent 0."""
    base = {"status": ProgressStatus.IN_PROGRESS, "results": "จัดอบรมครู 40 คน", "spent_amount": Decimal("0")}
    base.update({name: NO_EFFECT_SENTENCE for name in CONTRIBUTION_FIELDS})
    base.update(values)
    activities = {a.pk: {"status": ProgressStatus.COMPLETED, "text": "ทำแล้ว"} for a in project.activities.all()}
    return ReportInput(values=base, activities=activities)


@pytest.fixture
def window(world):
    return open_window(world.plan)


def test_it_saves_a_draft_with_an_audit_entry(world, window):
    report = report_save_draft(
        project=world.project_a, quarter=2, user=world.owner_a, data=ReportInput(values={"results": "ร่างแรก"})
    )
    assert report.state == ReportState.DRAFT
    record = report.history.latest()
    assert record.history_user == world.owner_a
    assert record.history_change_reason == "บันทึกฉบับร่าง"


def test_it_refuses_an_owner_when_no_window_is_open(world):
    with pytest.raises(ReportRefused, match="ยังไม่เปิดรอบการรายงาน"):
        report_save_draft(project=world.project_a, quarter=2, user=world.owner_a, data=ReportInput(values={}))
    assert not QuarterlyReport.objects.exists()


def test_it_lets_a_planner_write_without_an_open_window(world):
    report = report_save_draft(
        project=world.project_a, quarter=3, user=world.planner, data=ReportInput(values={"results": "x"})
    )
    assert report.pk


def test_it_refuses_to_submit_an_incomplete_report_and_says_what_is_missing(world, window):
    factories.ActivityFactory(project=world.project_a, title="อบรมครู")
    with pytest.raises(ValidationError) as caught:
        report_submit(project=world.project_a, quarter=2, user=world.owner_a, data=ReportInput(values={}))
    errors = caught.value.message_dict
    assert "status" in errors and "spent_amount" in errors
    assert any(
        "อบรมครู" in message for key, messages in errors.items() for message in messages if key.startswith("act-")
    )
    assert not QuarterlyReport.objects.exists()


def test_it_requires_a_reason_when_money_differs_from_the_plan(world, window):
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("5000"))
    with pytest.raises(ValidationError) as caught:
        report_submit(
            project=world.project_a,
            quarter=2,
            user=world.owner_a,
            data=complete_input(world.project_a, spent_amount=Decimal("4000")),
        )
    assert "disbursement_variance_reason" in caught.value.message_dict
    report = report_submit(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        data=complete_input(world.project_a, spent_amount=Decimal("4000"), disbursement_variance_reason="รอเบิกค่าอาหาร"),
    )
    assert report.state == ReportState.SUBMITTED


def test_it_asks_no_reason_when_disbursed_and_spent_match_the_plan(world, window):
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("5000"))
    # 15 Feb 2024 is in Q2 of fiscal year 2567.
    factories.DisbursementFactory(project=world.project_a, date=datetime.date(2024, 2, 15), amount=Decimal("5000"))
    report = report_submit(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        data=complete_input(world.project_a, spent_amount=Decimal("5000")),
    )
    assert report.state == ReportState.SUBMITTED
    assert report.submitted_by == world.owner_a


def test_it_walks_submit_return_resubmit_accept_and_locks(world, window):
    world.owner_a.email = "owner_a@example.org"
    world.owner_a.save()
    report = report_submit(project=world.project_a, quarter=2, user=world.owner_a, data=complete_input(world.project_a))
    report = report_return(
        report=report, user=world.planner, comment="เพิ่มจำนวนผู้เข้าอบรม", expected_version=report.version
    )
    assert report.state == ReportState.RETURNED
    assert report.review_comment == "เพิ่มจำนวนผู้เข้าอบรม"
    report = report_submit(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        data=complete_input(world.project_a, results="อบรมครู 42 คน"),
        expected_version=report.version,
    )
    report = report_accept(report=report, user=world.planner, expected_version=report.version)
    assert report.is_locked
    with pytest.raises(ReportRefused, match="ตรวจรับแล้ว"):
        report_save_draft(
            project=world.project_a,
            quarter=2,
            user=world.owner_a,
            data=ReportInput(values={"results": "แก้หลังล็อก"}),
            expected_version=report.version,
        )
    reasons = list(report.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons == ["ส่งรายงาน", "ส่งกลับ: เพิ่มจำนวนผู้เข้าอบรม", "ส่งรายงาน", "ตรวจรับรายงาน"]


def test_it_mails_the_owners_when_a_report_is_returned(world, window, django_capture_on_commit_callbacks):
    world.owner_a.email = "owner_a@example.org"
    world.owner_a.save()
    report = report_submit(project=world.project_a, quarter=2, user=world.owner_a, data=complete_input(world.project_a))
    with django_capture_on_commit_callbacks(execute=True):
        report_return(report=report, user=world.planner, comment='ขาดผลตัวชี้วัด & "ภาพ"', expected_version=report.version)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner_a@example.org"]
    assert 'ขาดผลตัวชี้วัด & "ภาพ"' in mail.outbox[0].body  # plain text, not HTML-escaped


def test_it_requires_a_comment_to_return(world, window):
    report = report_submit(project=world.project_a, quarter=2, user=world.owner_a, data=complete_input(world.project_a))
    with pytest.raises(ValidationError):
        report_return(report=report, user=world.planner, comment="  ", expected_version=report.version)
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_it_lets_only_planners_review(world, window):
    report = report_submit(project=world.project_a, quarter=2, user=world.owner_a, data=complete_input(world.project_a))
    with pytest.raises(ReportRefused):
        report_accept(report=report, user=world.owner_a, expected_version=report.version)


def test_it_reopens_an_accepted_report_with_a_reason(world, window):
    report = report_submit(project=world.project_a, quarter=2, user=world.owner_a, data=complete_input(world.project_a))
    report = report_accept(report=report, user=world.planner, expected_version=report.version)
    with pytest.raises(ValidationError):
        report_reopen(report=report, user=world.planner, reason="", expected_version=report.version)
    report = report_reopen(report=report, user=world.planner, reason="ตัวเลขผิด", expected_version=report.version)
    assert report.state == ReportState.RETURNED
    assert report.history.latest().history_change_reason == "เปิดรายงานอีกครั้ง: ตัวเลขผิด"


def test_it_refuses_a_save_based_on_an_older_version_and_reports_the_difference(world, window):
    activity = factories.ActivityFactory(project=world.project_a, title="อบรมครู")
    first = report_save_draft(
        project=world.project_a, quarter=2, user=world.owner_a, data=ReportInput(values={"results": "เดิม"})
    )
    opened_at = first.version
    report_save_draft(
        project=world.project_a,
        quarter=2,
        user=world.planner,
        expected_version=opened_at,
        data=ReportInput(
            values={"results": "ของผู้วางแผน"},
            activities={activity.pk: {"status": "completed", "text": "เสร็จ"}},
        ),
    )
    with pytest.raises(StaleEdit) as caught:
        report_save_draft(
            project=world.project_a,
            quarter=2,
            user=world.owner_a,
            expected_version=opened_at,
            data=ReportInput(
                values={"results": "ของเจ้าของ"},
                activities={activity.pk: {"status": "in_progress", "text": "กำลังทำ"}},
            ),
        )
    changes = caught.value.changes
    assert changes["ผลการดำเนินงาน"] == ("ของผู้วางแผน", "ของเจ้าของ")
    assert changes["ผลกิจกรรม “อบรมครู”"] == ("เสร็จ", "กำลังทำ")
    assert QuarterlyReport.objects.get().results == "ของผู้วางแผน"


def test_it_refuses_a_second_new_report_for_the_same_quarter(world, window):
    report_save_draft(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        expected_version=0,
        data=ReportInput(values={"results": "คนแรก"}),
    )
    with pytest.raises(StaleEdit):
        report_save_draft(
            project=world.project_a,
            quarter=2,
            user=world.planner,
            expected_version=0,
            data=ReportInput(values={"results": "คนที่สอง"}),
        )
    assert QuarterlyReport.objects.get().results == "คนแรก"


def test_it_lets_the_owner_fix_a_returned_report_after_the_window_closed(world, window):
    report = report_submit(project=world.project_a, quarter=2, user=world.owner_a, data=complete_input(world.project_a))
    report = report_return(report=report, user=world.planner, comment="แก้ผล", expected_version=report.version)
    window.closed_at = timezone.now()
    window.save()
    report = report_submit(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        data=complete_input(world.project_a, results="แก้แล้ว"),
        expected_version=report.version,
    )
    assert report.state == ReportState.SUBMITTED
    with pytest.raises(ReportRefused):
        report_save_draft(project=world.project_b, quarter=2, user=world.owner_b, data=ReportInput(values={}))


def test_it_asks_for_the_contributions_and_every_indicator_result_before_sending(world, window):
    indicator = factories.IndicatorFactory(project=world.project_a, text="ครูผ่านการอบรม")
    data = complete_input(world.project_a, contribution_master_plan="")
    with pytest.raises(ValidationError) as caught:
        report_submit(project=world.project_a, quarter=2, user=world.owner_a, data=data)
    errors = caught.value.message_dict
    assert "contribution_master_plan" in errors
    assert "ครูผ่านการอบรม" in errors[f"ind-{indicator.pk}-text"][0]
    data = complete_input(world.project_a)
    data.indicators = {indicator.pk: {"value": None, "text": "อยู่ระหว่างดำเนินการ", "achieved": None}}
    assert report_submit(project=world.project_a, quarter=2, user=world.owner_a, data=data).state == "submitted"
