"""Seeding the demo office's development plan content (demo/development_plan.py), idempotently."""

from demo import development_plan as data
from plans.indicator_values import parse_value
from plans.models import (
    AlignmentItem,
    PlanItem,
    PlanItemKind,
    StrategyApproach,
    StrategyGoal,
    StrategyIndicator,
    StrategyIndicatorResult,
    StrategyIndicatorTarget,
)
from projects.models import Project


def seed_plan_content(dev_plan, strategies, groups, planner, upsert, set_m2m):
    upsert(type(dev_plan), {"pk": dev_plan.pk}, {
        "edition": data.EDITION, "document_number": data.DOCUMENT_NUMBER, "foreword": data.FOREWORD,
        "foreword_signed_by": "กลุ่มนโยบายและแผน", "context": data.CONTEXT, "identity": data.IDENTITY,
        "culture": data.CULTURE,
    })
    lists = {
        PlanItemKind.VISION_TERM: data.VISION_TERMS, PlanItemKind.VALUE: data.VALUES,
        PlanItemKind.MECHANISM: data.MECHANISMS,
        PlanItemKind.SUCCESS_FACTOR: [("", text) for text in data.SUCCESS_FACTORS],
        **{kind: [("", text) for text in texts] for kind, texts in data.SWOT.items()},
    }
    for kind, rows in lists.items():
        for number, (term, text) in enumerate(rows, start=1):
            upsert(PlanItem, {"development_plan": dev_plan, "kind": kind, "number": number},
                   {"term": term, "text": text})
    for number, (text, served) in enumerate(data.GOALS, start=1):
        item = upsert(PlanItem, {"development_plan": dev_plan, "kind": PlanItemKind.GOAL, "number": number},
                      {"text": text})
        set_m2m(item.strategies, [strategies[s] for s in served])
    for number, content in data.STRATEGIES.items():
        _seed_strategy(strategies[number], content, groups, planner, upsert)
        _align(strategies[number], *data.ALIGNMENT[number], set_m2m=set_m2m)


def _align(strategy, sub_plans, milestones, policies, *, set_m2m):
    items = []
    for code in sub_plans:
        sub_plan = AlignmentItem.objects.select_related("parent__parent").get(kind="sub_plan", code=code)
        items += [sub_plan, sub_plan.parent, sub_plan.parent.parent]
    items += list(AlignmentItem.objects.filter(kind="nesdp_milestone", code__in=milestones))
    items += list(AlignmentItem.objects.filter(kind="obec_policy", code__in=policies))
    set_m2m(strategy.alignment, list(dict.fromkeys(items)))


def _value(kind, typed, levels):
    return parse_value(kind, typed, levels=levels)


def _seed_strategy(strategy, content, groups, planner, upsert):
    goals = [upsert(StrategyGoal, {"strategy": strategy, "number": n}, {"text": t})
             for n, t in enumerate(content["goals"], start=1)]
    approaches = {n: upsert(StrategyApproach, {"strategy": strategy, "number": n}, {"text": t})
                  for n, t in enumerate(content["approaches"], start=1)}
    years = strategy.development_plan.years
    for order, row in enumerate(content["indicators"]):
        code, text, kind, comparator, unit, approach, group, baseline, targets, result, source, children = row
        scale = {"ระดับ": data.LEVELS_5, "ระดับคุณภาพ": data.QUALITY}.get(unit, "") if kind == "level" else ""
        levels = scale.splitlines()
        base_value, base_text = _value(kind, baseline, levels)
        indicator = upsert(StrategyIndicator, {"strategy": strategy, "code": code}, {
            "text": text, "kind": kind, "comparator": comparator, "unit": unit, "level_scale": scale,
            "approach": approaches[approach], "goal": goals[0] if len(goals) == 1 else None, "parent": None,
            "responsible_group": groups[group], "display_order": order * 10,
            "baseline_be_year": data.BASELINE_YEAR if baseline not in ("", "N/A") else None,
            "baseline_value": base_value, "baseline_text": base_text,
        })
        _targets_and_result(indicator, years, targets, result, source, planner, upsert)
        for sub_order, (sub_code, sub_text, sub_base, sub_targets, sub_result) in enumerate(children, start=1):
            sub_value, _ = _value(kind, sub_base, levels)
            child = upsert(StrategyIndicator, {"strategy": strategy, "code": sub_code}, {
                "text": sub_text, "kind": kind, "comparator": comparator, "unit": unit, "parent": indicator,
                "approach": approaches[approach], "responsible_group": groups[group],
                "display_order": order * 10 + sub_order, "baseline_be_year": data.BASELINE_YEAR,
                "baseline_value": sub_value,
            })
            _targets_and_result(child, years, sub_targets, sub_result, source, planner, upsert)


def _targets_and_result(indicator, years, targets, result, source, planner, upsert):
    levels = indicator.levels
    for year, typed in zip(years, targets, strict=False):
        value, text = _value(indicator.kind, typed, levels)
        upsert(StrategyIndicatorTarget, {"indicator": indicator, "be_year": year}, {"value": value, "text": text})
    if result is not None:
        value, text = _value(indicator.kind, result, levels)
        upsert(StrategyIndicatorResult, {"indicator": indicator, "be_year": data.RESULT_YEAR},
               {"value": value, "text": text, "source": source, "recorded_by": planner})


def link_projects(plan, strategies):
    for number, served in data.PROJECT_INDICATORS.items():
        project = Project.objects.get(action_plan=plan, code=f"67-{number:02d}")
        indicators = [StrategyIndicator.objects.get(strategy=strategies[s], code=code) for s, code in served]
        if set(project.strategy_indicators.values_list("pk", flat=True)) != {i.pk for i in indicators}:
            project.strategy_indicators.set(indicators)
