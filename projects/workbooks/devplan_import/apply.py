"""Applying a checked development plan workbook: in one transaction with the plan locked, the check runs
again and the rows are written only when the whole file is valid and the preview still holds."""

from django.db import transaction

from plans.models import (
    DevelopmentPlan,
    Strategy,
    StrategyApproach,
    StrategyGoal,
    StrategyIndicator,
    StrategyIndicatorResult,
    StrategyIndicatorTarget,
)
from projects.workbooks import devplan_workbook as layout
from projects.workbooks.devplan_import.check import DevplanCheck, DevplanImportInvalid, check_devplan_import
from projects.workbooks.plan_import.changes import PreviewOutdated

__all__ = ["DevplanCheck", "devplan_import_apply"]

@transaction.atomic
def devplan_import_apply(*, plan, file_name, data, user=None, expected_fingerprint=None) -> DevplanCheck:
    DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    check = check_devplan_import(plan=plan, file_name=file_name, data=data, lock=True)
    if not check.ok:
        raise DevplanImportInvalid(check)
    if expected_fingerprint and check.fingerprint != expected_fingerprint:
        raise PreviewOutdated(check)
    _apply(plan, check, user)
    return check


def _apply(plan, check, user):
    by_sheet = {}
    for change in check.changes:
        by_sheet.setdefault(change.sheet, []).append(change)
    strategies = {s.number: s for s in Strategy.objects.filter(development_plan=plan)}
    for change in by_sheet.get(layout.STRATEGIES, []):
        number = change.parent_key
        if change.action == "create":
            strategies[number] = Strategy.objects.create(development_plan=plan, number=number, **change.new_values)
        elif change.action == "update":
            _save(change)
    parts = {}
    for sheet, model in ((layout.GOALS, StrategyGoal), (layout.APPROACHES, StrategyApproach)):
        for change in by_sheet.get(sheet, []):
            if change.action == "create":
                s_no, number = change.parent_key
                model.objects.create(strategy=strategies[s_no], number=number, **change.new_values)
            elif change.action == "update":
                _save(change)
        parts[model] = {
            (p.strategy.number, p.number): p
            for p in model.objects.filter(strategy__development_plan=plan).select_related("strategy")
        }
    groups = by_sheet.get(layout.INDICATORS, [])
    indicators = {
        (i.strategy.number, i.code): i
        for i in StrategyIndicator.objects.filter(strategy__development_plan=plan).select_related("strategy")
    }
    # Parents first, so a sub-indicator can point at its parent.
    for change in sorted(groups, key=lambda ch: bool(ch.new_values.get("_links", {}).get("parent_code"))):
        if change.action == "same":
            continue
        values = dict(change.new_values)
        links, targets = values.pop("_links"), values.pop("_targets")
        s_no, code = change.parent_key
        values.update(
            parent=indicators.get((s_no, links["parent_code"])) if links["parent_code"] else None,
            goal=parts[StrategyGoal].get((s_no, links["goal_number"])) if links["goal_number"] else None,
            approach=parts[StrategyApproach].get((s_no, links["approach_number"]))
            if links["approach_number"]
            else None,
            responsible_group=links["group"],
        )
        indicator = indicators.get((s_no, code))
        if indicator is None:
            indicator = StrategyIndicator.objects.create(strategy=strategies[s_no], code=code, **values)
            indicators[(s_no, code)] = indicator
        else:
            for name, value in values.items():
                setattr(indicator, name, value)
            indicator.version += 1
            indicator.save()
        for year, (value, text) in targets.items():
            StrategyIndicatorTarget.objects.update_or_create(
                indicator=indicator, be_year=year, defaults={"value": value, "text": text}
            )
    for change in by_sheet.get(layout.RESULTS, []):
        if change.action == "same":
            continue
        values = dict(change.new_values)
        indicator = indicators[values.pop("_indicator")]
        year = values.pop("_year")
        if values.pop("_delete", False):
            StrategyIndicatorResult.objects.filter(indicator=indicator, be_year=year).delete()
            continue
        result = StrategyIndicatorResult.objects.filter(indicator=indicator, be_year=year).first()
        if result is None:
            StrategyIndicatorResult.objects.create(indicator=indicator, be_year=year, recorded_by=user, **values)
        else:
            for name, value in values.items():
                setattr(result, name, value)
            result.recorded_by, result.version = user, result.version + 1
            result.save()


def _save(change):
    instance = change.instance
    for name in change.update_fields:
        setattr(instance, name, change.new_values[name])
    instance.save(update_fields=change.update_fields)
