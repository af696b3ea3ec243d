"""The achieved rule (plans/achievement.py) for every kind and comparator, levels, N/A and composites."""

from decimal import Decimal as D

import pytest

from plans.achievement import ACHIEVED, NOT_ACHIEVED, NOT_ASSESSED, NOT_REPORTED, assess, combine

LEVELS = ["ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]
QUALITY = ["ปรับปรุง", "พอใช้", "ดี", "ดีมาก", "ดีเยี่ยม"]


@pytest.mark.parametrize("kind", ["percent", "count", "mean"])
@pytest.mark.parametrize(
    ("comparator", "result", "status"),
    [
        ("gte", "80.00", ACHIEVED), ("gte", "80.01", ACHIEVED), ("gte", "79.99", NOT_ACHIEVED),
        ("lte", "80.00", ACHIEVED), ("lte", "0", ACHIEVED), ("lte", "80.01", NOT_ACHIEVED),
        ("eq", "80", ACHIEVED), ("eq", "80.5", NOT_ACHIEVED),
    ],
)
def test_it_compares_numbers_with_the_comparator(kind, comparator, result, status):
    verdict = assess(kind=kind, comparator=comparator, target_value=D("80"), result_value=D(result))
    assert verdict.status == status
    assert "80" in verdict.rule and {"gte": "≥", "lte": "≤", "eq": "="}[comparator] in verdict.rule


def test_it_says_the_rule_it_used():
    verdict = assess(kind="percent", target_value=D("76"), result_value=D("78.5"))
    assert verdict.rule == "ผล 78.5 ≥ เป้าหมาย 76"
    assert verdict.label == "บรรลุ"
    missed = assess(kind="percent", target_value=D("80"), result_value=D("76"))
    assert missed.rule == "ผล 76 ไม่ผ่านเกณฑ์ ≥ เป้าหมาย 80"
    assert missed.label == "ไม่บรรลุ"


def test_a_dropout_rate_of_zero_meets_an_at_most_zero_target():
    # 001's 4.2 อัตราการลาออกกลางคัน: target 0, lower is better.
    assert assess(kind="percent", comparator="lte", target_value=D("0"), result_value=D("0")).status == ACHIEVED
    assert assess(kind="percent", comparator="lte", target_value=D("0"), result_value=D("0.3")).status == NOT_ACHIEVED


@pytest.mark.parametrize(
    ("comparator", "result", "target", "status"),
    [
        ("gte", "ระดับ 5", "ระดับ 5", ACHIEVED),
        ("gte", "ระดับ 4", "ระดับ 5", NOT_ACHIEVED),
        ("gte", "ระดับ ๕", "ระดับ 3", ACHIEVED),  # Thai digits read as the same step
        ("lte", "ระดับ 2", "ระดับ 3", ACHIEVED),
        ("lte", "ระดับ 4", "ระดับ 3", NOT_ACHIEVED),
        ("eq", "ระดับ 3", "ระดับ 3", ACHIEVED),
        ("eq", "ระดับ 4", "ระดับ 3", NOT_ACHIEVED),
    ],
)
def test_it_compares_levels_by_their_place_on_the_scale(comparator, result, target, status):
    verdict = assess(kind="level", comparator=comparator, target_text=target, result_text=result, levels=LEVELS)
    assert verdict.status == status


def test_a_word_scale_orders_by_position_not_alphabet():
    # "ดี" < "ดีเยี่ยม" on 001's quality scale although a string comparison would say otherwise elsewhere.
    assert assess(kind="level", target_text="ดีเยี่ยม", result_text="ดีมาก", levels=QUALITY).status == NOT_ACHIEVED
    assert assess(kind="level", target_text="ดี", result_text="ดีเยี่ยม", levels=QUALITY).status == ACHIEVED


def test_a_level_off_the_scale_is_not_assessed_and_says_why():
    verdict = assess(kind="level", target_text="ดีเยี่ยม", result_text="เยี่ยม", levels=QUALITY)
    assert verdict.status == NOT_ASSESSED
    assert "เยี่ยม" in verdict.rule and "ไม่อยู่ในลำดับขั้น" in verdict.rule


@pytest.mark.parametrize(
    ("target", "result", "status"),
    [(1, 1, ACHIEVED), (1, 0, NOT_ACHIEVED), (0, 0, ACHIEVED), (0, 1, NOT_ACHIEVED)],
)
def test_yes_no_must_match(target, result, status):
    assert assess(kind="yes_no", target_value=D(target), result_value=D(result)).status == status


def test_text_matches_ignoring_spaces_and_digit_style():
    target = "๓ วันต่อสัปดาห์"
    assert assess(kind="text", target_text=target, result_text="3  วันต่อสัปดาห์").status == ACHIEVED
    assert assess(kind="text", target_text=target, result_text="2 วันต่อสัปดาห์").status == NOT_ACHIEVED


@pytest.mark.parametrize("kind", ["percent", "count", "mean", "level", "yes_no", "text"])
def test_an_na_target_is_not_assessed_even_with_a_result(kind):
    verdict = assess(kind=kind, target_value=None, target_text="", result_value=D("100"), result_text="ระดับ 5",
                     levels=LEVELS)
    assert verdict.status == NOT_ASSESSED
    assert "N/A" in verdict.rule
    assert assess(kind=kind, has_target=False, result_value=D("1")).status == NOT_ASSESSED


@pytest.mark.parametrize("kind", ["percent", "level", "text"])
def test_a_missing_result_is_not_reported_not_a_miss(kind):
    verdict = assess(kind=kind, target_value=D("80"), target_text="ระดับ 5", levels=LEVELS, has_result=False)
    assert verdict.status == NOT_REPORTED


def _v(status):
    return assess(kind="percent", target_value=D("1") if status != NOT_ASSESSED else None,
                  result_value={ACHIEVED: D("2"), NOT_ACHIEVED: D("0")}.get(status),
                  has_result=status != NOT_REPORTED)


@pytest.mark.parametrize(
    ("children", "status"),
    [
        ([ACHIEVED, ACHIEVED], ACHIEVED),
        ([ACHIEVED, NOT_ACHIEVED], NOT_ACHIEVED),
        ([ACHIEVED, NOT_ASSESSED, NOT_REPORTED], ACHIEVED),
        ([NOT_ASSESSED, NOT_REPORTED], NOT_REPORTED),
        ([NOT_ASSESSED, NOT_ASSESSED], NOT_ASSESSED),
    ],
)
def test_a_composite_is_judged_from_its_sub_indicators(children, status):
    verdicts = [_v(s) for s in children]
    assert [v.status for v in verdicts] == children
    combined = combine(verdicts)
    assert combined.status == status
    assert combined.children == tuple(verdicts)
