"""H1: reasons and comments of any length are kept whole (PostgreSQL enforces column lengths; run this
file with DATABASE_URL=postgres://... too). 249+ characters of ordinary Thai used to be a 500."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from budget.models import Disbursement
from projects.models import QuarterlyReport, ReportState
from tests import factories

# An ordinary Thai sentence, a little over 249 characters.
LONG_THAI = (
    "กรุณาแก้ไขผลการดำเนินงานของกิจกรรมที่ ๒ ให้ระบุจำนวนครูที่เข้ารับการอบรมจริง "
    "และแนบรายชื่อโรงเรียนที่เข้าร่วมโครงการทั้งหมด รวมทั้งอธิบายเหตุผลที่การเบิกจ่ายไม่เป็นไปตามแผน "
    "ในไตรมาสนี้ให้ชัดเจน เพื่อให้กลุ่มนโยบายและแผนสามารถสรุปรายงานเสนอผู้อำนวยการได้ทันกำหนด "
    "ขอบคุณครับ"
) * 2


def test_the_sentence_is_long_enough():
    assert len(LONG_THAI) >= 249


@pytest.fixture
def submitted(world):
    return QuarterlyReport.objects.create(project=world.project_a, quarter=2, state=ReportState.SUBMITTED,
                                          spent_amount=Decimal("0"))


def test_a_planner_returns_a_report_with_a_long_thai_comment(client, world, submitted):
    client.force_login(world.planner)
    url = reverse("reporting:review", kwargs={"pk": submitted.pk})
    response = client.post(url, {"action": "return", "comment": LONG_THAI, "version": submitted.version})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == ReportState.RETURNED
    assert submitted.review_comment == LONG_THAI
    assert LONG_THAI in submitted.history.first().history_change_reason


def test_a_planner_reopens_a_report_with_a_long_thai_reason(client, world, submitted):
    QuarterlyReport.objects.filter(pk=submitted.pk).update(state=ReportState.ACCEPTED)
    client.force_login(world.planner)
    url = reverse("reporting:reopen", kwargs={"pk": submitted.pk})
    response = client.post(url, {"reason": LONG_THAI, "version": submitted.version})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state != ReportState.ACCEPTED
    assert LONG_THAI in submitted.history.first().history_change_reason


@pytest.fixture
def disbursement(world):
    factories.AllocationFactory(project=world.project_a)
    return factories.DisbursementFactory(project=world.project_a, source=factories.budget_source("office"),
                                         date=datetime.date(2023, 11, 15))


def test_finance_corrects_a_disbursement_with_a_long_thai_reason(client, world, disbursement):
    client.force_login(world.finance)
    url = reverse("budget:disbursement_edit", kwargs={"pk": disbursement.pk})
    page = client.get(url)
    data = {**{k: v for k, v in page.context["form"].initial.items() if v is not None},
            "date": "15/11/2566", "amount": "2,000", "source": disbursement.source_id, "reason": LONG_THAI}
    data.update({k: v for k, v in {"version": getattr(disbursement, "version", None)}.items() if v})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    disbursement.refresh_from_db()
    assert disbursement.amount == Decimal("2000")
    assert LONG_THAI in disbursement.history.first().history_change_reason


def test_finance_deletes_a_disbursement_with_a_long_thai_reason(client, world, disbursement):
    client.force_login(world.finance)
    url = reverse("budget:disbursement_delete", kwargs={"pk": disbursement.pk})
    response = client.post(url, {"reason": LONG_THAI, "version": getattr(disbursement, "version", "")})
    assert response.status_code == 302
    assert not Disbursement.objects.filter(pk=disbursement.pk).exists()
    deleted = Disbursement.history.filter(id=disbursement.pk, history_type="-").get()
    assert LONG_THAI in deleted.history_change_reason
