"""Copy a development plan into a revised edition (ฉบับปรับปรุง): every row of its content, strategies
with their goals, approaches, alignment and indicators (sub-indicators kept under their parents) with
their targets. Results stay with the edition they were recorded against; action plans keep pointing
at the plan they were made under until the planner chooses the new edition for a new year.
"""

from django.db import transaction
from django.db.models import F

from plans.models import DevelopmentPlan, PlanItem, StrategyIndicator, StrategyIndicatorTarget

COPIED_PLAN_FIELDS = [
    "first_be_year", "last_be_year", "foreword", "foreword_signed_by", "context", "vision", "identity", "culture",
]


@transaction.atomic
def development_plan_revise(*, plan, title, edition, document_number="", by=None):
    new = DevelopmentPlan.objects.create(
        office=plan.office, revises=plan, title=title, edition=edition, document_number=document_number,
        **{name: getattr(plan, name) for name in COPIED_PLAN_FIELDS},
    )
    strategies, goals, approaches = {}, {}, {}
    for strategy in plan.strategies.prefetch_related("alignment", "goals", "approaches"):
        old_pk = strategy.pk
        alignment, parts = list(strategy.alignment.all()), [(goals, list(strategy.goals.all())),
                                                              (approaches, list(strategy.approaches.all()))]
        strategy = _copy(strategy, development_plan=new)
        strategy.alignment.set(alignment)
        strategies[old_pk] = strategy
        for copies, rows in parts:
            for part in rows:
                old = part.pk  # (read before _copy: the copy takes a new key)
                copies[old] = _copy(part, strategy=strategy)
    for item in PlanItem.objects.filter(development_plan=plan).prefetch_related("strategies"):
        served = [strategies[s.pk] for s in item.strategies.all()]
        _copy(item, development_plan=new).strategies.set(served)
    indicators = {}
    # Parents first, so a sub-indicator can point at its parent's copy.
    rows = StrategyIndicator.objects.filter(strategy__development_plan=plan)
    for indicator in rows.order_by(F("parent_id").asc(nulls_first=True), "pk"):
        old = indicator.pk
        indicators[old] = _copy(
            indicator, version=1, strategy=strategies[indicator.strategy_id], goal=goals.get(indicator.goal_id),
            approach=approaches.get(indicator.approach_id), parent=indicators.get(indicator.parent_id),
        )
    StrategyIndicatorTarget.objects.bulk_create(
        StrategyIndicatorTarget(indicator=indicators[t.indicator_id], be_year=t.be_year, value=t.value, text=t.text)
        for t in StrategyIndicatorTarget.objects.filter(indicator__strategy__development_plan=plan)
    )
    return new


def _copy(row, **changes):
    """Save `row` as a new row with `changes` (the caller keeps the old primary key if it needs it)."""
    row.pk = row.id = None
    row._state.adding = True
    for name, value in changes.items():
        setattr(row, name, value)
    row.save()
    return row
