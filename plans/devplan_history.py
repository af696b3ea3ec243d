"""The audit history of a development plan: every change to the plan, its lists, strategies, goals,
approaches, indicators, targets and results, newest first, with who, when and before → after.

(projects/reporting/selectors.py keeps the same shape for projects; it sits above plans, so this
module cannot reuse it.)
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from plans.interface_digits import Formatted
from plans.models import (
    DevelopmentPlan,
    PlanItem,
    Strategy,
    StrategyApproach,
    StrategyGoal,
    StrategyIndicator,
    StrategyIndicatorResult,
    StrategyIndicatorTarget,
)
from plans.thai_formats import format_number

ACTIONS = {"+": "สร้าง", "~": "แก้ไข", "-": "ลบ"}
SKIPPED = {"id", "version", "development_plan", "strategy", "indicator", "recorded_by", "office"}


@dataclass
class HistoryEntry:
    when: datetime.datetime
    who: object
    what: str
    action: str
    reason: str
    changes: list  # [(label, before, after)]


def _show(model, name, value):
    if value is None or value == "":
        return "-"
    field = model._meta.get_field(name)
    if field.choices:
        return Formatted(dict(field.flatchoices).get(value, value))
    if isinstance(value, Decimal):
        return Formatted(format_number(value, digits="arabic"))
    if isinstance(value, int) and not isinstance(value, bool):
        return Formatted(value)
    return str(value)


def _entries(model, records, describe):
    entries, last_of = [], {}
    for record in sorted(records, key=lambda r: (r.id, r.history_date, r.history_id)):
        before, changes = last_of.get(record.id), []
        if record.history_type == "~" and before is not None:
            changes = [(str(model._meta.get_field(c.field).verbose_name), _show(model, c.field, c.old),
                        _show(model, c.field, c.new))
                       for c in record.diff_against(before).changes if c.field not in SKIPPED]
            if not changes:
                last_of[record.id] = record
                continue
        elif record.history_type == "+":
            changes = [(str(f.verbose_name), "-", _show(model, f.name, getattr(record, f.attname)))
                       for f in model._meta.concrete_fields
                       if f.name not in SKIPPED and not f.is_relation and getattr(record, f.attname) not in (None, "")]
        last_of[record.id] = record
        entries.append(HistoryEntry(when=record.history_date, who=record.history_user, what=describe(record),
                                    action=ACTIONS.get(record.history_type, record.history_type),
                                    reason=record.history_change_reason or "", changes=changes))
    return entries


def plan_history(plan, limit=300):
    def history(model, **filters):
        return list(model.history.filter(**filters).select_related("history_user"))

    strategies = history(Strategy, development_plan_id=plan.pk)
    strategy_ids = {r.id for r in strategies}
    number_of = {r.id: r.number for r in strategies}
    indicators = history(StrategyIndicator, strategy_id__in=strategy_ids)
    code_of = {r.id: r.code for r in indicators}
    indicator_ids = set(code_of)
    sources = [
        (DevelopmentPlan, history(DevelopmentPlan, id=plan.pk), lambda r: "ข้อมูลแผน"),
        (PlanItem, history(PlanItem, development_plan_id=plan.pk),
         lambda r: f"{PlanItem(kind=r.kind).get_kind_display()} ข้อ {r.number}"),
        (Strategy, strategies, lambda r: f"กลยุทธ์ที่ {r.number}"),
        (StrategyGoal, history(StrategyGoal, strategy_id__in=strategy_ids),
         lambda r: f"กลยุทธ์ที่ {number_of.get(r.strategy_id, '?')} เป้าประสงค์ข้อ {r.number}"),
        (StrategyApproach, history(StrategyApproach, strategy_id__in=strategy_ids),
         lambda r: f"กลยุทธ์ที่ {number_of.get(r.strategy_id, '?')} แนวทางข้อ {r.number}"),
        (StrategyIndicator, indicators, lambda r: f"ตัวชี้วัด {r.code}"),
        (StrategyIndicatorTarget, history(StrategyIndicatorTarget, indicator_id__in=indicator_ids),
         lambda r: f"ค่าเป้าหมายตัวชี้วัด {code_of.get(r.indicator_id, '?')} ปี {r.be_year}"),
        (StrategyIndicatorResult, history(StrategyIndicatorResult, indicator_id__in=indicator_ids),
         lambda r: f"ผลตัวชี้วัด {code_of.get(r.indicator_id, '?')} ปี {r.be_year}"),
    ]
    entries = [entry for model, records, describe in sources for entry in _entries(model, records, describe)]
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]
