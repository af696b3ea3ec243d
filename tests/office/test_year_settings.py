"""Per fiscal year (issue #15): the office's cabinet targets, budget sources in use and usual report
deadlines, kept by the planner with history, and used by the figures, the money form and the
window form."""

from decimal import Decimal

import pytest
from django.urls import reverse

from budget.models import BudgetSource, CabinetTarget
from budget.selectors import cabinet_targets
from reports.context import BookletParams, booklet_context
from tests import factories

pytestmark = pytest.mark.django_db


def _post(client, world, **changes):
    data = {"target_1": "20", "target_2": "50", "target_3": "", "target_4": "100",
            "deadline_1": "10/01/2567", "deadline_2": "", "deadline_3": "", "deadline_4": "",
            "sources": [BudgetSource.objects.get(code="office").pk]}
    client.force_login(world.planner)
    return client.post(reverse("office:year_edit", args=[2567]), {**data, **changes})


def test_the_office_keeps_its_own_targets_over_the_national_ones(client, world):
    factories.CabinetTargetFactory(fiscal_year=world.plan.fiscal_year, quarter=2, cumulative_percent=Decimal("54"))
    factories.CabinetTargetFactory(fiscal_year=world.plan.fiscal_year, quarter=3, cumulative_percent=Decimal("77"))
    assert _post(client, world).url == reverse("office:years")
    targets = cabinet_targets(world.office.pk, world.plan.fiscal_year_id)
    assert targets == {1: Decimal("20"), 2: Decimal("50"), 3: Decimal("77"), 4: Decimal("100")}
    # Office 2 still reads the national targets.
    assert cabinet_targets(world.other_office.pk, world.plan.fiscal_year_id) == {2: Decimal("54"), 3: Decimal("77")}
    # The 6-month booklet and the dashboard compare disbursement with the office's own Q2 target.
    money = booklet_context(BookletParams(action_plan=world.plan, months=6))["fig"].money
    assert money.target_percent == Decimal("50")
    page = client.get(reverse("office:year_edit", args=[2567])).content.decode()
    assert "ตั้งเป้าหมายการเบิกจ่ายไตรมาสที่ ๒: ร้อยละ ๕๐" in page and "โดย" in page


def test_targets_must_grow_and_stay_percentages(client, world):
    response = _post(client, world, target_1="60", target_2="50", target_4="120")
    page = response.content.decode()
    assert "เป้าหมายสะสมต้องไม่น้อยกว่าไตรมาสก่อนหน้า" in page and "ร้อยละต้องอยู่ระหว่าง ๐ ถึง ๑๐๐" in page
    assert not CabinetTarget.objects.filter(office=world.office).exists()
    assert "ทศนิยมได้ไม่เกิน ๒ ตำแหน่ง" in _post(client, world, target_1="10.125").content.decode()


def test_a_deadline_before_its_quarter_is_refused(client, world):
    page = _post(client, world, deadline_2="01/10/2566").content.decode()
    assert "กำหนดส่งต้องไม่ก่อนวันเริ่มไตรมาส" in page


def test_the_money_form_offers_the_sources_in_use_and_the_window_form_the_usual_deadline(client, world):
    _post(client, world)
    page = client.get(reverse("projects:money", args=[world.project_a.pk])).content.decode()
    assert "งบ สพป." in page and "งบ สพฐ." not in page
    window = client.get(reverse("plans:window_open")).content.decode()
    assert 'value="10/01/2567"' in window


def test_clearing_a_setting_deletes_it_with_history(client, world):
    _post(client, world)
    _post(client, world, target_1="", deadline_1="", sources=[])
    assert not CabinetTarget.objects.filter(office=world.office, quarter=1).exists()
    page = client.get(reverse("office:year_edit", args=[2567])).content.decode()
    assert "ลบเป้าหมายการเบิกจ่ายไตรมาสที่ ๑" in page and "เลิกใช้แหล่งงบประมาณ งบ สพป." in page


def test_a_year_without_a_plan_is_not_found(client, world):
    client.force_login(world.planner)
    assert client.get(reverse("office:year_edit", args=[2570])).status_code == 404


def test_saving_only_deadlines_keeps_following_the_national_targets(client, world):
    factories.CabinetTargetFactory(fiscal_year=world.plan.fiscal_year, quarter=2, cumulative_percent=Decimal("54"))
    client.force_login(world.planner)
    page = client.get(reverse("office:year_edit", args=[2567])).content.decode()
    assert 'placeholder="54.00"' in page
    _post(client, world, target_1="", target_2="", target_4="")
    assert not CabinetTarget.objects.filter(office=world.office).exists()
