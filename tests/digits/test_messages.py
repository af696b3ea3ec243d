"""Messages the report pages build from a service's words (a refusal, an error beside a field, the count of
fields to fix) follow the office's digits like the rest of the page; what they quote (an activity's title)
stays as it was typed."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import Office, ReportingWindow
from projects.models import ProgressStatus
from projects.reporting.services import CONTRIBUTION_FIELDS, NO_EFFECT_SENTENCE
from tests import factories


def url(project, quarter=2):
    return reverse("reporting:report", kwargs={"pk": project.pk, "quarter": quarter})


def _digits(world, digits):
    Office.objects.filter(pk=world.office.pk).update(interface_digits=digits)


@pytest.mark.parametrize(("digits", "closed", "says"), [
    ("thai", False, "ยังไม่เปิดรอบการรายงานไตรมาสที่ ๒ จึง"), ("arabic", False, "ยังไม่เปิดรอบการรายงานไตรมาสที่ 2 จึง"),
    ("thai", True, "ปิดรับรายงานไตรมาสที่ ๒ แล้ว"), ("arabic", True, "ปิดรับรายงานไตรมาสที่ 2 แล้ว")])
def test_the_window_refusal_follows_the_digits(client, world, digits, closed, says):
    """No window yet, or one closed: each says which, in the office's digits."""
    if closed:
        ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10),
                                       closed_at=timezone.now())
    _digits(world, digits)
    client.force_login(world.owner_a)
    assert says in client.get(url(world.project_a)).content.decode()


@pytest.fixture
def open_q2(world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("12500"))
    return factories.ActivityFactory(project=world.project_a, title="อบรม 2 รุ่น", planned_q2=True)


def _post(client, world, **values):
    data = {"version": 0, "action": "submit", "status": ProgressStatus.IN_PROGRESS, "results": "อบรมครู",
            "spent_amount": "4000", **{name: NO_EFFECT_SENTENCE for name in CONTRIBUTION_FIELDS}, **values}
    client.force_login(world.owner_a)
    return client.post(url(world.project_a), data).content.decode()


def test_a_service_error_beside_its_field_is_in_thai_digits_but_the_quoted_title_is_kept(client, world, open_q2):
    page = _post(client, world)
    assert "แผน ๑๒,๕๐๐.๐๐ บาท ใช้จ่าย ๔,๐๐๐.๐๐ บาท" in page
    assert "กรุณาเลือกสถานะของกิจกรรม “อบรม 2 รุ่น”" in page
    assert "กรุณาแก้ไข ๒ รายการด้านล่าง" in page


def test_an_arabic_office_reads_the_same_error_in_arabic_digits(client, world, open_q2):
    _digits(world, "arabic")
    assert "แผน 12,500.00 บาท ใช้จ่าย 4,000.00 บาท" in _post(client, world)


def test_the_count_of_fields_to_fix_follows_the_digits(client, world, open_q2):
    page = _post(client, world, spent_amount="สี่พัน")
    assert "ข้อมูลบางช่องไม่ถูกต้อง" in page and "กรุณาแก้ไข ๑ รายการด้านล่าง" in page
