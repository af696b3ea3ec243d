"""Writes of an office's settings for one fiscal year: its own cabinet targets, the budget sources it
uses, and its usual report deadlines. One transaction; every row changed leaves a history entry."""

from django.db import transaction

from budget.models import BudgetSourceInUse, CabinetTarget
from plans.models import FiscalYear, QuarterDeadline

QUARTERS = (1, 2, 3, 4)


def _fiscal_year(be_year):
    return FiscalYear.objects.get_or_create(be_year=be_year)[0]


def _keep(model, lookup, field, value, by):
    """Create, change or delete the row at `lookup` so that `field` holds `value` (None: no row)."""
    row = model.objects.filter(**lookup).first()
    if value is None:
        if row is not None:
            row._history_user = by
            row.delete()
        return
    if row is None:
        row = model(**lookup)
    elif getattr(row, field) == value:
        return
    setattr(row, field, value)
    row._history_user = by
    row.save()


@transaction.atomic
def year_settings_save(*, office, be_year, by, sources, targets, deadlines):
    """targets/deadlines: {quarter: value or None}; sources: the BudgetSources in use (empty: all)."""
    year = _fiscal_year(be_year)
    for q in QUARTERS:
        _keep(CabinetTarget, {"office": office, "fiscal_year": year, "quarter": q}, "cumulative_percent",
              targets.get(q), by)
        _keep(QuarterDeadline, {"office": office, "fiscal_year": year, "quarter": q}, "deadline",
              deadlines.get(q), by)
    wanted = {s.pk for s in sources}
    for row in BudgetSourceInUse.objects.filter(office=office, fiscal_year=year).exclude(source_id__in=wanted):
        row._history_user = by
        row.delete()
    have = set(BudgetSourceInUse.objects.filter(office=office, fiscal_year=year).values_list("source_id", flat=True))
    for source in sources:
        if source.pk not in have:
            row = BudgetSourceInUse(office=office, fiscal_year=year, source=source)
            row._history_user = by
            row.save()
