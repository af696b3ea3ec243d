"""The development plan pages as the planner and a reader use them."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from plans import devplan_services as services
from plans.models import DevelopmentPlan, PlanItem, StrategyIndicator, StrategyIndicatorResult


def indicator_post(**changes):
    data = {"code": "1.1", "text": "ร้อยละของผู้เรียน", "kind": "percent", "comparator": "gte", "unit": "ร้อยละ",
            "baseline_be_year": "2565", "baseline_value": "70", "display_order": "0", "version": "",
            "target_2566": "72", "target_2567": "75", "target_2568": "", "target_2569": "80", "target_2570": "85"}
    return {**data, **changes}


def test_it_lets_the_planner_create_a_plan_and_fill_its_parts(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("plans:devplan_create"), {
        "title": "แผนพัฒนาการศึกษา", "first_be_year": "2568", "last_be_year": "2572", "edition": "",
        "document_number": "",
        "foreword": "", "foreword_signed_by": "", "context": "", "vision": "ผู้เรียนมีคุณภาพ", "identity": "",
        "culture": ""})
    plan = DevelopmentPlan.objects.get(first_be_year=2568)
    assert response.status_code == 302 and plan.office == world.office
    client.post(reverse("plans:devplan_item_create", args=[plan.pk, "mission"]), {"number": "1", "text": "จัดการศึกษา"})
    assert PlanItem.objects.get(development_plan=plan).text == "จัดการศึกษา"
    page = client.get(reverse("plans:devplan_detail", args=[plan.pk]))
    assert "จัดการศึกษา" in page.content.decode() and "ผู้เรียนมีคุณภาพ" in page.content.decode()


def test_it_rejects_a_last_year_before_the_first_in_thai(client, world):
    client.force_login(world.planner)
    plan = world.plan.development_plan
    response = client.post(reverse("plans:devplan_edit", args=[plan.pk]), {
        "title": plan.title, "first_be_year": "2570", "last_be_year": "2566", "version": plan.version})
    assert response.status_code == 200
    assert "ปีสุดท้ายต้องไม่ก่อนปีแรกของแผน" in response.content.decode()


def test_it_shows_the_other_persons_change_instead_of_overwriting(client, world):
    client.force_login(world.planner)
    plan = world.plan.development_plan
    services.development_plan_update(plan=plan, expected_version=1, title="ชื่อที่คนแรกบันทึก")
    response = client.post(reverse("plans:devplan_edit", args=[plan.pk]), {
        "title": "ชื่อของฉัน", "first_be_year": "2566", "last_be_year": "2570", "version": "1"})
    assert "ถูกแก้ไขโดยผู้อื่น" in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "ชื่อที่คนแรกบันทึก"


def test_it_saves_an_indicator_with_its_targets_and_shows_them(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("plans:indicator_create", args=[world.strategy.pk]), indicator_post())
    assert response.status_code == 302
    indicator = StrategyIndicator.objects.get(strategy=world.strategy)
    assert indicator.targets.get(be_year=2567).value == D("75.00")
    assert indicator.targets.get(be_year=2568).is_na
    page = client.get(reverse("plans:devplan_detail", args=[world.strategy.development_plan_id])).content.decode()
    assert ">๗๕</td>" in page and "N/A" in page


def test_a_bad_target_comes_back_in_thai_next_to_its_year(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("plans:indicator_create", args=[world.strategy.pk]),
                           indicator_post(target_2567="เจ็ดสิบห้า"))
    assert response.status_code == 200
    assert "ค่าเป้าหมายปี ๒๕๖๗ “เจ็ดสิบห้า” ต้องเป็นตัวเลข" in response.content.decode()
    assert not StrategyIndicator.objects.exists()


def test_a_result_shows_its_verdict_and_rule(client, world):
    client.force_login(world.planner)
    client.post(reverse("plans:indicator_create", args=[world.strategy.pk]), indicator_post())
    indicator = StrategyIndicator.objects.get()
    response = client.post(reverse("plans:result_edit", args=[indicator.pk, 2567]),
                           {"result": "78.5", "source": "ระบบ DMC", "note": "", "version": ""})
    assert response.status_code == 302
    assert StrategyIndicatorResult.objects.get().value == D("78.50")
    page = client.get(reverse("plans:devplan_results", args=[indicator.strategy.development_plan_id, 2567]))
    html = page.content.decode()
    assert "บรรลุ" in html and "ผล ๗๘.๕๐ ≥ เป้าหมาย ๗๕.๐๐" in html


def test_a_result_that_is_not_a_number_is_refused_in_thai(client, world):
    client.force_login(world.planner)
    client.post(reverse("plans:indicator_create", args=[world.strategy.pk]), indicator_post())
    indicator = StrategyIndicator.objects.get()
    response = client.post(reverse("plans:result_edit", args=[indicator.pk, 2567]), {"result": "ดีมาก"})
    assert "ผลปี ๒๕๖๗ “ดีมาก” ต้องเป็นตัวเลข" in response.content.decode()
    assert not StrategyIndicatorResult.objects.exists()


@pytest.mark.parametrize("user", ["director", "owner_a", "finance"])
def test_readers_see_the_plan_but_get_403_when_writing(client, world, user):
    client.force_login(getattr(world, user))
    plan = world.plan.development_plan
    assert client.get(reverse("plans:devplan_detail", args=[plan.pk])).status_code == 200
    response = client.post(reverse("plans:indicator_create", args=[world.strategy.pk]), indicator_post())
    assert response.status_code == 403
    assert not StrategyIndicator.objects.exists()


def test_another_office_gets_404(client, world):
    client.force_login(world.other_planner)
    plan = world.plan.development_plan
    assert client.get(reverse("plans:devplan_detail", args=[plan.pk])).status_code == 404
    assert client.post(reverse("plans:devplan_edit", args=[plan.pk]), {"title": "x"}).status_code == 404
    assert client.get(reverse("reports:devplan_pdf", args=[plan.pk])).status_code == 404


def test_the_setup_page_no_longer_sends_the_planner_to_the_administrator(client, world):
    DevelopmentPlan.objects.filter(office=world.office).update(office=world.other_office)
    client.force_login(world.planner)
    html = client.get(reverse("plans:setup")).content.decode()
    assert "ผู้ดูแลระบบ" not in html
    assert reverse("plans:devplan_list") in html


def test_a_strategy_page_lists_its_projects_with_budget_and_status(client, world):
    from budget.models import Allocation
    from tests import factories

    Allocation.objects.create(project=world.project_a, source=factories.budget_source("office"), amount=D("12500"))
    client.force_login(world.director)
    html = client.get(reverse("plans:strategy_projects", args=[world.strategy.pk])).content.decode()
    assert world.project_a.title in html and "๑๒,๕๐๐.๐๐" in html and "ยังไม่รายงาน" in html


def test_an_owner_links_their_project_to_the_indicators_it_serves(client, world):
    indicator = StrategyIndicator.objects.create(strategy=world.strategy, code="1.1", text="ร้อยละ", kind="percent")
    client.force_login(world.owner_a)
    response = client.post(reverse("projects:plan_indicators", args=[world.project_a.pk]),
                           {"indicators": [indicator.pk]})
    assert response.status_code == 302
    assert list(world.project_a.strategy_indicators.all()) == [indicator]
    history = world.project_a.history.first()
    assert [row.strategyindicator_id for row in history.strategy_indicators.all()] == [indicator.pk]


@pytest.mark.parametrize(("field", "value"), [("code", "1" * 21), ("unit", "ร" * 51), ("baseline_text", "ก" * 201),
                                              ("baseline_value", "1e20"), ("baseline_be_year", "3000")])
def test_too_long_or_too_large_input_comes_back_as_a_form_error(client, world, field, value):
    client.force_login(world.planner)
    url = reverse("plans:indicator_create", args=[world.strategy.pk])
    response = client.post(url, indicator_post(**{field: value}))
    assert response.status_code == 200
    assert response.context["form"].errors.get(field)
    assert not StrategyIndicator.objects.exists()


def test_a_too_long_result_source_is_refused(client, world):
    client.force_login(world.planner)
    client.post(reverse("plans:indicator_create", args=[world.strategy.pk]), indicator_post())
    indicator = StrategyIndicator.objects.get()
    response = client.post(reverse("plans:result_edit", args=[indicator.pk, 2567]),
                           {"result": "80", "source": "ก" * 301, "note": ""})
    assert response.status_code == 200 and response.context["form"].errors.get("source")
    assert not StrategyIndicatorResult.objects.exists()
