"""Writes of the development plan: targets per year, results, composites, validation in Thai, stale edits,
and copying into a revised edition."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from plans import devplan_services as services
from plans.concurrency import StaleEdit
from plans.devplan_revision import development_plan_revise
from plans.devplan_selectors import plan_outline, targets_vs_results
from plans.models import PlanItem, StrategyIndicator, StrategyIndicatorResult, StrategyIndicatorTarget
from tests import factories

pytestmark = pytest.mark.django_db


def fields(**changes):
    base = {"code": "1.1", "text": "ร้อยละของผู้เรียนที่ผ่านเกณฑ์", "goal": None, "approach": None, "parent": None,
            "kind": "percent", "comparator": "gte", "unit": "ร้อยละ", "level_scale": "", "baseline_be_year": 2565,
            "baseline_value": D("70"), "baseline_text": "", "responsible_group": None, "display_order": 0}
    return {**base, **changes}


@pytest.fixture
def strategy():
    return factories.StrategyFactory()  # plan 2566–2570


def test_it_saves_a_target_for_every_plan_year_and_blank_is_na(strategy):
    indicator = services.indicator_save(strategy=strategy, typed_targets={2566: "75", 2567: "๘๐", 2568: "N/A"},
                                        **fields())
    targets = {t.be_year: (t.value, t.text) for t in indicator.targets.all()}
    assert targets == {2566: (D("75.00"), ""), 2567: (D("80.00"), ""), 2568: (None, ""), 2569: (None, ""),
                       2570: (None, "")}


def test_a_bad_target_names_its_year_and_writes_nothing(strategy):
    with pytest.raises(ValidationError) as error:
        services.indicator_save(strategy=strategy, typed_targets={2567: "แปดสิบ", 2568: "120"}, **fields())
    assert "ค่าเป้าหมายปี 2567" in str(error.value.message_dict["target_2567"])
    assert "ไม่เกิน 100" in str(error.value.message_dict["target_2568"])
    assert not StrategyIndicator.objects.exists() and not StrategyIndicatorTarget.objects.exists()


def test_a_level_target_must_be_on_the_scale(strategy):
    scale = "ระดับ 1\nระดับ 2\nระดับ 3\nระดับ 4\nระดับ 5"
    with pytest.raises(ValidationError) as error:
        services.indicator_save(strategy=strategy, typed_targets={2567: "ระดับ 6"},
                                **fields(kind="level", level_scale=scale, baseline_value=None))
    assert "ไม่อยู่ในลำดับขั้น" in str(error.value)
    indicator = services.indicator_save(strategy=strategy, typed_targets={2567: "ระดับ ๕"},
                                        **fields(kind="level", level_scale=scale, baseline_value=None,
                                                 baseline_text="ระดับ 3"))
    assert indicator.targets.get(be_year=2567).text == "ระดับ 5"


def test_a_level_indicator_needs_its_scale(strategy):
    with pytest.raises(ValidationError) as error:
        services.indicator_save(strategy=strategy, typed_targets={}, **fields(kind="level"))
    assert "ลำดับขั้น" in str(error.value.message_dict["level_scale"])


def test_sub_indicators_nest_one_level_only(strategy):
    parent = services.indicator_save(strategy=strategy, typed_targets={}, **fields(code="2.4"))
    child = services.indicator_save(strategy=strategy, typed_targets={2567: "50"},
                                    **fields(code="2.4.1", parent=parent))
    with pytest.raises(ValidationError) as error:
        services.indicator_save(strategy=strategy, typed_targets={}, **fields(code="2.4.1.1", parent=child))
    assert "ชั้นเดียว" in str(error.value)


def test_the_same_code_twice_in_a_strategy_is_refused(strategy):
    services.indicator_save(strategy=strategy, typed_targets={}, **fields())
    with pytest.raises(ValidationError) as error:
        services.indicator_save(strategy=strategy, typed_targets={}, **fields())
    assert "1.1" in str(error.value)


def test_an_indicator_saved_by_someone_else_meanwhile_is_not_overwritten(strategy):
    indicator = services.indicator_save(strategy=strategy, typed_targets={2567: "80"}, **fields())
    services.indicator_save(strategy=strategy, indicator=StrategyIndicator.objects.get(pk=indicator.pk),
                            expected_version=1, typed_targets={2567: "85"}, **fields(text="ของคนแรก"))
    with pytest.raises(StaleEdit):
        services.indicator_save(strategy=strategy, indicator=StrategyIndicator.objects.get(pk=indicator.pk),
                                expected_version=1, typed_targets={2567: "90"}, **fields(text="ของคนที่สอง"))
    indicator.refresh_from_db()
    assert indicator.text == "ของคนแรก"
    assert indicator.targets.get(be_year=2567).value == D("85.00")


def test_results_give_verdicts_and_counts_with_composites(strategy):
    a = services.indicator_save(strategy=strategy, typed_targets={2567: "80"}, **fields(code="1"))
    b = services.indicator_save(strategy=strategy, typed_targets={2567: "80"}, **fields(code="2"))
    services.indicator_save(strategy=strategy, typed_targets={2567: ""}, **fields(code="3"))  # N/A
    services.indicator_save(strategy=strategy, typed_targets={2567: "10"}, **fields(code="4"))  # not reported
    parent = services.indicator_save(strategy=strategy, typed_targets={}, **fields(code="5"))
    kids = [services.indicator_save(strategy=strategy, typed_targets={2567: "50"},
                                    **fields(code=f"5.{n}", parent=parent)) for n in (1, 2)]
    services.result_save(indicator=a, be_year=2567, typed="81.5", source="DMC")
    services.result_save(indicator=b, be_year=2567, typed="79")
    services.result_save(indicator=kids[0], be_year=2567, typed="55")
    services.result_save(indicator=kids[1], be_year=2567, typed="45")
    report = targets_vs_results(strategy.development_plan, 2567)
    statuses = {row.indicator.code: row.verdict.status
                for block in report.outline.strategies for row in block.indicators}
    assert statuses == {"1": "achieved", "2": "not_achieved", "3": "not_assessed", "4": "not_reported",
                        "5": "not_achieved"}
    t = report.overall
    assert (t.achieved, t.not_achieved, t.not_assessed, t.not_reported, t.assessed, t.total) == (1, 2, 1, 1, 3, 5)
    assert t.achieved_percent == D("33.33") and t.not_achieved_percent == D("66.67")


def test_a_composite_takes_no_result_of_its_own(strategy):
    parent = services.indicator_save(strategy=strategy, typed_targets={}, **fields(code="5"))
    services.indicator_save(strategy=strategy, typed_targets={2567: "50"}, **fields(code="5.1", parent=parent))
    with pytest.raises(ValidationError) as error:
        services.result_save(indicator=parent, be_year=2567, typed="50")
    assert "ตัวชี้วัดย่อย" in str(error.value)


def test_a_blank_result_removes_it_and_a_year_outside_the_plan_is_refused(strategy):
    indicator = services.indicator_save(strategy=strategy, typed_targets={2567: "80"}, **fields())
    services.result_save(indicator=indicator, be_year=2567, typed="90")
    services.result_save(indicator=indicator, be_year=2567, typed="", expected_version=1)
    assert not StrategyIndicatorResult.objects.exists()
    with pytest.raises(ValidationError) as error:
        services.result_save(indicator=indicator, be_year=2571, typed="90")
    assert "ไม่อยู่ในช่วงของแผน" in str(error.value)


def test_plan_items_are_numbered_once_per_kind(strategy):
    plan = strategy.development_plan
    services.plan_item_save(plan=plan, kind="goal", number=1, text="ผู้เรียนมีคุณภาพ", strategies=[strategy])
    services.plan_item_save(plan=plan, kind="mission", number=1, text="จัดการศึกษา")
    with pytest.raises(ValidationError) as error:
        services.plan_item_save(plan=plan, kind="goal", number=1, text="ซ้ำ")
    assert "ลำดับที่ 1" in str(error.value)
    assert list(PlanItem.objects.get(kind="goal").strategies.all()) == [strategy]


def test_a_revised_edition_copies_everything_but_results(strategy):
    plan = strategy.development_plan
    other = factories.StrategyFactory(development_plan=plan)
    item = services.plan_item_save(plan=plan, kind="goal", number=1, text="เป้าหมาย", strategies=[other])
    goal = services.strategy_part_save(model=type(strategy.goals.model()), strategy=strategy, number=1, text="ป1")
    parent = services.indicator_save(strategy=strategy, typed_targets={}, **fields(code="2.4", goal=goal))
    kid = services.indicator_save(strategy=strategy, typed_targets={2567: "50"}, **fields(code="2.4.1", parent=parent))
    services.result_save(indicator=kid, be_year=2567, typed="55")
    new = development_plan_revise(plan=plan, title=plan.title, edition="ฉบับปรับปรุง พ.ศ. 2568")
    assert new.revises == plan and new.pk != plan.pk
    outline = plan_outline(new)
    assert [b.strategy.number for b in outline.strategies] == sorted([strategy.number, other.number])
    copied_parent = StrategyIndicator.objects.get(strategy__development_plan=new, code="2.4")
    copied_kid = StrategyIndicator.objects.get(strategy__development_plan=new, code="2.4.1")
    assert copied_kid.parent == copied_parent and copied_parent.goal.strategy.development_plan == new
    assert copied_kid.targets.get(be_year=2567).value == D("50.00")
    assert not StrategyIndicatorResult.objects.filter(indicator__strategy__development_plan=new).exists()
    copied_item = PlanItem.objects.get(development_plan=new)
    assert [s.development_plan_id for s in copied_item.strategies.all()] == [new.pk]
    assert item.strategies.get() == other  # the old edition is untouched
