"""Reads about development plans: the outline every page and the document print, and each
indicator's target, result and verdict for a year, with the counts the reports print.

A fixed number of queries per plan whatever its size; verdicts come from plans/achievement.py.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from plans.achievement import ACHIEVED, NOT_ACHIEVED, NOT_ASSESSED, NOT_REPORTED, assess_indicator
from plans.development_plan import PlanItemKind
from plans.models import (
    DevelopmentPlan,
    PlanItem,
    Strategy,
    StrategyIndicator,
    StrategyIndicatorResult,
    StrategyIndicatorTarget,
)
from plans.thai_formats import percent_of


def development_plans_of(office):
    return DevelopmentPlan.objects.filter(office=office).select_related("revises")


@dataclass
class IndicatorRow:
    indicator: StrategyIndicator
    targets: list  # one per plan year: StrategyIndicatorTarget or None
    children: list = field(default_factory=list)
    result: StrategyIndicatorResult | None = None
    target: StrategyIndicatorTarget | None = None
    verdict: object = None


@dataclass
class StrategyBlock:
    strategy: Strategy
    goals: list
    approaches: list
    alignment: list
    indicators: list  # IndicatorRow of top-level indicators, children inside


@dataclass
class Outline:
    plan: DevelopmentPlan
    items: dict  # kind -> [PlanItem]
    strategies: list  # StrategyBlock
    years: list

    def of(self, kind):
        return self.items.get(kind, [])


def plan_outline(plan, *, be_year=None):
    """Everything the plan prints, and with `be_year` each indicator's result and verdict for that year."""
    items = defaultdict(list)
    rows = PlanItem.objects.filter(development_plan=plan).prefetch_related("strategies")
    for item in rows.order_by("kind", "number"):
        items[item.kind].append(item)
    strategies = list(
        plan.strategies.order_by("number").prefetch_related(
            "goals", "approaches", Prefetch("alignment", to_attr="alignment_items")
        )
    )
    indicators = list(
        StrategyIndicator.objects.filter(strategy__development_plan=plan)
        .select_related("goal", "approach", "responsible_group", "parent")
        .order_by("strategy__number", "display_order", "code")
    )
    targets = {(t.indicator_id, t.be_year): t for t in StrategyIndicatorTarget.objects.filter(
        indicator__strategy__development_plan=plan)}
    results = {}
    if be_year is not None:
        results = {(r.indicator_id, r.be_year): r for r in StrategyIndicatorResult.objects.filter(
            indicator__strategy__development_plan=plan, be_year=be_year)}
    children = defaultdict(list)
    for indicator in indicators:
        if indicator.parent_id:
            children[indicator.parent_id].append(indicator)

    def row(indicator):
        r = IndicatorRow(indicator=indicator, targets=[targets.get((indicator.pk, y)) for y in plan.years])
        r.children = [row(kid) for kid in children.get(indicator.pk, [])]
        if be_year is not None:
            r.target = targets.get((indicator.pk, be_year))
            r.result = results.get((indicator.pk, be_year))
            r.verdict = assess_indicator(indicator, be_year, targets=targets, results=results, children=children)
        return r

    by_strategy = defaultdict(list)
    for indicator in indicators:
        if not indicator.parent_id:
            by_strategy[indicator.strategy_id].append(row(indicator))
    blocks = [
        StrategyBlock(strategy=s, goals=list(s.goals.all()), approaches=list(s.approaches.all()),
                      alignment=s.alignment_items, indicators=by_strategy.get(s.pk, []))
        for s in strategies
    ]
    return Outline(plan=plan, items=dict(items), strategies=blocks, years=plan.years)


@dataclass
class Tally:
    """Counts of top-level indicators by verdict. Percents are of the assessed ones (achieved + not achieved)."""

    achieved: int = 0
    not_achieved: int = 0
    not_assessed: int = 0
    not_reported: int = 0

    def add(self, status):
        setattr(self, status, getattr(self, status) + 1)

    @property
    def assessed(self):
        return self.achieved + self.not_achieved

    @property
    def total(self):
        return self.assessed + self.not_assessed + self.not_reported

    @property
    def achieved_percent(self):
        return percent_of(self.achieved, self.assessed)

    @property
    def not_achieved_percent(self):
        return percent_of(self.not_achieved, self.assessed)


@dataclass
class ResultsReport:
    outline: Outline
    be_year: int
    overall: Tally
    by_strategy: list  # (StrategyBlock, Tally)


def targets_vs_results(plan, be_year):
    """The "indicators: targets vs results" report of one year: every indicator's verdict, and counts
    per strategy and overall. A composite counts once, judged from its sub-indicators."""
    outline = plan_outline(plan, be_year=be_year)
    overall, per_strategy = Tally(), []
    for block in outline.strategies:
        tally = Tally()
        for row in block.indicators:
            tally.add(row.verdict.status)
            overall.add(row.verdict.status)
        per_strategy.append((block, tally))
    return ResultsReport(outline=outline, be_year=be_year, overall=overall, by_strategy=per_strategy)


STATUSES = (ACHIEVED, NOT_ACHIEVED, NOT_ASSESSED, NOT_REPORTED)
PLAN_ITEM_KINDS = list(PlanItemKind)
