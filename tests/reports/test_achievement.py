"""reports/figures/achievement.py: every count and percent computed by hand from a small dataset.

Dataset (fiscal year 2567, strategies S1 and S2, groups G1 and G2):
- P1 (S1, G1), accepted report, verdict achieved:
  i1 ≥ 80, result 85 → achieved; i2 ≤ 10, result 12 → not achieved (reason);
  i3 text "ผ่านเกณฑ์", result "  ผ่านเกณฑ์ " (spaces around ignored) → achieved.
- P2 (S1, G2), accepted, verdict not achieved: i4 N/A → not assessed; i5 = 100, result 100 → achieved;
  i6 ≥ 50, no result → not reported (never a miss).
- P3 (S2, G1), added during the year, accepted, verdict achieved, NO indicators.
- P4 (S2, G2), report only submitted (not accepted): i7 ≥ 90, result 95.
- P5 (S1, G1) cancelled, with an indicator and an accepted report: counted nowhere.
"""

from decimal import Decimal

import pytest

from plans.devplan_selectors import Tally
from plans.models import StrategyIndicator, StrategyIndicatorResult, StrategyIndicatorTarget
from projects.models import YearEndIndicatorResult, YearEndReport
from reports.figures import achievement as ach
from tests import factories

D = Decimal


def _indicator(project, text, **kwargs):
    kwargs.setdefault("target_unit", "")
    return factories.IndicatorFactory(project=project, text=text, **kwargs)


def _report(project, state="accepted", verdict="achieved", reason="", results=()):
    report = YearEndReport.objects.create(project=project, state=state, verdict=verdict, verdict_reason=reason)
    for indicator, value, text, miss in results:
        YearEndIndicatorResult.objects.create(report=report, indicator=indicator, value=value, text=text,
                                              miss_reason=miss)
    return report


@pytest.fixture
def data(db):
    plan = factories.ActionPlanFactory()
    s1 = factories.StrategyFactory(development_plan=plan.development_plan, number=1)
    s2 = factories.StrategyFactory(development_plan=plan.development_plan, number=2)
    g1 = factories.GroupFactory(office=plan.office, display_order=1)
    g2 = factories.GroupFactory(office=plan.office, display_order=2)

    def project(strategy, group, **kwargs):
        return factories.ProjectFactory(action_plan=plan, strategy=strategy, group=group, **kwargs)

    p1, p2, p3, p4 = project(s1, g1), project(s1, g2), project(s2, g1, added_mid_year=True), project(s2, g2)
    p5 = project(s1, g1, cancelled=True, cancelled_reason="ยกเลิกตามนโยบาย")
    i1 = _indicator(p1, "i1", target_value=D("80"))
    i2 = _indicator(p1, "i2", target_value=D("10"), comparator="lte")
    i3 = _indicator(p1, "i3", target_value=None, target_text="ผ่านเกณฑ์", kind="text")
    i4 = _indicator(p2, "i4", target_value=None, target_text="-", kind="na")
    i5 = _indicator(p2, "i5", target_value=D("100"), comparator="eq")
    i6 = _indicator(p2, "i6", target_value=D("50"))
    i7 = _indicator(p4, "i7", target_value=D("90"))
    i8 = _indicator(p5, "i8", target_value=D("90"))
    _report(p1, results=[(i1, D("85"), "", ""), (i2, D("12"), "", "ผู้เข้าร่วมเกินกว่าที่วางแผน"),
                         (i3, None, "  ผ่านเกณฑ์ ", "")])
    _report(p2, verdict="not_achieved", reason="จัดกิจกรรมได้ไม่ครบ", results=[(i5, D("100"), "", "")])
    _report(p3)
    _report(p4, state="submitted", results=[(i7, D("95"), "", "")])
    _report(p5, results=[(i8, D("10"), "", "ยกเลิก")])
    return locals()


def _counts(tally):
    return (tally.achieved, tally.not_achieved, tally.not_assessed, tally.not_reported, tally.achieved_percent)


def test_overall_counts_only_assessed_indicators_as_the_base(data):
    figures = ach.achievement(data["plan"])
    # achieved i1 i3 i5; missed i2; N/A i4; not reported i6 (no result) and i7 (report not accepted).
    assert _counts(figures.overall) == (3, 1, 1, 2, D("75.00"))
    assert ach.sentence(figures.overall, digits="arabic") == "บรรลุ 3 จาก 4 ตัวชี้วัด ร้อยละ 75.00"
    assert ach.sentence(figures.overall) == "บรรลุ ๓ จาก ๔ ตัวชี้วัด ร้อยละ ๗๕.๐๐"


def test_per_project_including_one_without_indicators(data):
    by_project = ach.achievement(data["plan"]).by_project
    assert _counts(by_project[data["p1"].pk]) == (2, 1, 0, 0, D("66.67"))  # 2/3 = 66.666… half-up
    assert _counts(by_project[data["p2"].pk]) == (1, 0, 1, 1, D("100.00"))
    assert _counts(by_project[data["p3"].pk]) == (0, 0, 0, 0, None)  # no indicators: no base, no percent
    assert ach.sentence(by_project[data["p3"].pk]) == "ไม่มีตัวชี้วัดที่ประเมินได้"
    assert _counts(by_project[data["p4"].pk]) == (0, 0, 0, 1, None)
    assert data["p5"].pk not in by_project  # cancelled


def test_per_strategy_and_per_group(data):
    figures = ach.achievement(data["plan"])
    assert [(s.number, _counts(t)) for s, t in figures.by_strategy] == [
        (1, (3, 1, 1, 1, D("75.00"))), (2, (0, 0, 0, 1, None))]
    assert [(g.pk, _counts(t)) for g, t in figures.by_group] == [
        (data["g1"].pk, (2, 1, 0, 0, D("66.67"))), (data["g2"].pk, (1, 0, 1, 2, D("100.00")))]


def test_each_indicator_row_has_its_verdict_and_the_reason_for_a_miss(data):
    rows = {row.indicator.text: row for row in ach.achievement(data["plan"]).indicators}
    assert set(rows) == {"i1", "i2", "i3", "i4", "i5", "i6", "i7"}
    assert rows["i2"].verdict.status == "not_achieved"
    assert rows["i2"].verdict.rule == "ผล 12.00 ไม่ผ่านเกณฑ์ ≤ เป้าหมาย 10.00"
    assert rows["i2"].miss_reason == "ผู้เข้าร่วมเกินกว่าที่วางแผน"
    assert rows["i6"].verdict.status == "not_reported"
    assert rows["i4"].verdict.status == "not_assessed"


def test_project_verdicts_for_the_registers(data):
    figures = ach.achievement(data["plan"])
    assert [(v.project.pk, v.status) for v in figures.projects] == [
        (data["p1"].pk, "achieved"), (data["p2"].pk, "not_achieved"), (data["p3"].pk, "achieved"),
        (data["p4"].pk, "not_reported")]
    assert figures.projects[1].reason == "จัดกิจกรรมได้ไม่ครบ"
    in_plan, added, every = figures.projects_in_plan, figures.projects_added, figures.projects_all
    assert (in_plan.achieved, in_plan.not_achieved, in_plan.not_reported, in_plan.achieved_percent) == (
        1, 1, 1, D("50.00"))
    assert (added.achieved, added.assessed, added.achieved_percent) == (1, 1, D("100.00"))
    assert (every.achieved, every.assessed, every.total, every.achieved_percent) == (2, 3, 4, D("66.67"))
    assert ach.sentence(every, noun="โครงการ", digits="arabic") == "บรรลุ 2 จาก 3 โครงการ ร้อยละ 66.67"


def test_reports_sent_but_not_accepted_count_only_when_asked(data):
    figures = ach.achievement(data["plan"], accepted_only=False)
    assert _counts(figures.overall) == (4, 1, 1, 1, D("80.00"))
    assert (figures.projects_all.achieved, figures.projects_all.assessed) == (3, 4)
    assert figures.projects_all.achieved_percent == D("75.00")


def test_a_draft_never_counts(data):
    YearEndReport.objects.filter(project=data["p4"]).update(state="draft")
    figures = ach.achievement(data["plan"], accepted_only=False)
    assert _counts(figures.overall) == (3, 1, 1, 2, D("75.00"))


def test_percent_rounds_half_up_to_two_places():
    # 1/32 = 3.125 %: half-up gives 3.13 (banker's rounding would give 3.12); 47/49 = 95.918… → 95.92.
    assert Tally(achieved=1, not_achieved=31).achieved_percent == D("3.13")
    assert ach.sentence(Tally(achieved=47, not_achieved=2)) == "บรรลุ ๔๗ จาก ๔๙ ตัวชี้วัด ร้อยละ ๙๕.๙๒"


def test_development_plan_indicators_counted_with_the_same_rule(data):
    plan = data["plan"]
    year = plan.fiscal_year.be_year
    met = StrategyIndicator.objects.create(strategy=data["s1"], code="1.1", text="ร้อยละ ก", kind="percent")
    missed = StrategyIndicator.objects.create(strategy=data["s1"], code="1.2", text="ร้อยละ ข", kind="percent")
    for indicator, target, result in ((met, "80", "90"), (missed, "80", "70")):
        StrategyIndicatorTarget.objects.create(indicator=indicator, be_year=year, value=D(target))
        StrategyIndicatorResult.objects.create(indicator=indicator, be_year=year, value=D(result))
    devplan = ach.development_plan_tally(plan)
    assert _counts(devplan) == (1, 1, 0, 0, D("50.00"))
    both = ach.combined(ach.achievement(plan).overall, devplan)
    assert _counts(both) == (4, 2, 1, 2, D("66.67"))
