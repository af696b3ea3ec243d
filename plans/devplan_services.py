"""Writes about the development plan: its heading, its ordered lists, strategy goals and approaches,
indicators with their yearly targets, yearly results, and copying a plan into a revised edition.

Every function runs in one transaction and raises ValidationError in Thai; nothing is half-written.
Edits of the plan heading, an indicator and a result are refused when someone saved the row after
the user opened it (plans/concurrency.py).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from plans.concurrency import save_if_unchanged
from plans.development_plan import PlanItemKind
from plans.indicator_values import parse_value
from plans.models import (
    DevelopmentPlan,
    PlanItem,
    StrategyIndicator,
    StrategyIndicatorResult,
    StrategyIndicatorTarget,
)

PLAN_FIELDS = [
    "title", "first_be_year", "last_be_year", "edition", "document_number", "foreword", "foreword_signed_by",
    "context", "vision", "identity", "culture",
]
INDICATOR_FIELDS = [
    "code", "text", "goal", "approach", "parent", "kind", "comparator", "unit", "level_scale",
    "baseline_be_year", "baseline_value", "baseline_text", "responsible_group", "display_order",
]


def _check_years(first, last):
    if last < first:
        raise ValidationError({"last_be_year": "ปีสุดท้ายต้องไม่ก่อนปีแรกของแผน"})
    if last - first > 9:
        raise ValidationError({"last_be_year": "แผนพัฒนาครอบคลุมได้ไม่เกิน 10 ปี กรุณาตรวจสอบปี พ.ศ."})


@transaction.atomic
def development_plan_create(*, office, by=None, **fields):
    _check_years(fields["first_be_year"], fields["last_be_year"])
    return DevelopmentPlan.objects.create(office=office, **fields)


@transaction.atomic
def development_plan_update(*, plan, expected_version, by=None, **fields):
    _check_years(fields.get("first_be_year", plan.first_be_year), fields.get("last_be_year", plan.last_be_year))
    for name, value in fields.items():
        setattr(plan, name, value)
    return save_if_unchanged(plan, expected_version=expected_version, fields=list(fields))


# --- Ordered lists: plan items, strategy goals and approaches -----------------------------------


def _unique_number(model, parent_filter, number, exclude_pk, label):
    if model.objects.filter(**parent_filter, number=number).exclude(pk=exclude_pk).exists():
        raise ValidationError({"number": f"มี{label}ลำดับที่ {number} อยู่แล้ว กรุณาใช้ลำดับอื่น"})


@transaction.atomic
def plan_item_save(*, plan, kind, item=None, number, text, term="", strategies=(), by=None):
    _unique_number(PlanItem, {"development_plan": plan, "kind": kind}, number, item.pk if item else None,
                   PlanItemKind(kind).label)
    if any(strategy.development_plan_id != plan.pk for strategy in strategies):
        raise ValidationError({"strategies": "เลือกได้เฉพาะกลยุทธ์ของแผนนี้"})
    item = item or PlanItem(development_plan=plan, kind=kind)
    item.number, item.text, item.term = number, text, term
    item.save()
    item.strategies.set(strategies)
    return item


@transaction.atomic
def strategy_part_save(*, model, strategy, part=None, number, text, by=None):
    label = model._meta.verbose_name
    _unique_number(model, {"strategy": strategy}, number, part.pk if part else None, label)
    part = part or model(strategy=strategy)
    part.number, part.text = number, text
    part.save()
    return part


@transaction.atomic
def strategy_alignment_set(*, strategy, items, by=None):
    strategy.alignment.set(items)
    return strategy


@transaction.atomic
def row_delete(*, row, by=None):
    row.delete()


# --- Indicators and targets ----------------------------------------------------------------------


def _check_indicator(strategy, fields, indicator):
    for name in ("goal", "approach"):
        part = fields.get(name)
        if part is not None and part.strategy_id != strategy.pk:
            raise ValidationError({name: "เลือกได้เฉพาะของกลยุทธ์นี้"})
    parent = fields.get("parent")
    if parent is not None:
        if parent.strategy_id != strategy.pk:
            raise ValidationError({"parent": "ตัวชี้วัดหลักต้องอยู่ในกลยุทธ์เดียวกัน"})
        if indicator is not None and parent.pk == indicator.pk:
            raise ValidationError({"parent": "ตัวชี้วัดเป็นตัวชี้วัดหลักของตัวเองไม่ได้"})
        if parent.parent_id is not None:
            raise ValidationError({"parent": "ตัวชี้วัดย่อยมีตัวชี้วัดย่อยของตัวเองไม่ได้ (ซ้อนได้ชั้นเดียว)"})
        if indicator is not None and indicator.children.exists():
            raise ValidationError({"parent": "ตัวชี้วัดนี้มีตัวชี้วัดย่อยอยู่แล้ว จึงเป็นตัวชี้วัดย่อยของตัวอื่นไม่ได้"})
    if StrategyIndicator.objects.filter(strategy=strategy, code=fields["code"]).exclude(
        pk=indicator.pk if indicator else None
    ).exists():
        raise ValidationError({"code": f"มีตัวชี้วัดลำดับ {fields['code']} ในกลยุทธ์นี้อยู่แล้ว"})
    if fields.get("kind") == "level" and not [ln for ln in fields.get("level_scale", "").splitlines() if ln.strip()]:
        raise ValidationError({"level_scale": "ตัวชี้วัดชนิดระดับต้องกำหนดลำดับขั้น บรรทัดละขั้น จากต่ำไปสูง"})


def parse_targets(indicator_like, typed_targets, years):
    """{be_year: (value, text)} from {be_year: what was typed}; errors name the year."""
    levels = [ln.strip() for ln in (indicator_like.get("level_scale") or "").splitlines() if ln.strip()]
    parsed, errors = {}, {}
    for year in years:
        try:
            parsed[year] = parse_value(indicator_like["kind"], typed_targets.get(year, ""), levels=levels,
                                       what=f"ค่าเป้าหมายปี {year}")
        except ValidationError as error:
            errors[f"target_{year}"] = error.messages
    if errors:
        raise ValidationError(errors)
    return parsed


@transaction.atomic
def indicator_save(*, strategy, indicator=None, expected_version=None, typed_targets, by=None, **fields):
    """Create or update an indicator and its target for every plan year (blank = N/A)."""
    _check_indicator(strategy, fields, indicator)
    plan = strategy.development_plan
    targets = parse_targets(fields, typed_targets, plan.years)
    if fields.get("baseline_text") and fields.get("kind") == "level":
        parse_value("level", fields["baseline_text"], levels=[ln for ln in fields["level_scale"].splitlines()],
                    what="ค่าฐาน")
    try:
        with transaction.atomic():
            if indicator is None:
                indicator = StrategyIndicator.objects.create(strategy=strategy, **fields)
            else:
                for name, value in fields.items():
                    setattr(indicator, name, value)
                save_if_unchanged(indicator, expected_version=expected_version, fields=list(fields))
    except IntegrityError as error:
        raise ValidationError("บันทึกตัวชี้วัดไม่ได้ เพราะลำดับซ้ำกับตัวชี้วัดอื่น กรุณาตรวจสอบ") from error
    _write_targets(indicator, targets)
    return indicator


def _write_targets(indicator, targets):
    existing = {t.be_year: t for t in indicator.targets.all()}
    for year, (value, text) in targets.items():
        target = existing.pop(year, None)
        if target is None:
            StrategyIndicatorTarget.objects.create(indicator=indicator, be_year=year, value=value, text=text)
        elif (target.value, target.text) != (value, text):
            target.value, target.text = value, text
            target.save()
    for stray in existing.values():  # years no longer in the plan
        stray.delete()


# --- Yearly results ------------------------------------------------------------------------------


@transaction.atomic
def result_save(*, indicator, be_year, typed, source="", note="", expected_version=None, by=None):
    """Record (or correct) an indicator's result for a fiscal year; blank removes it (not reported)."""
    plan = indicator.strategy.development_plan
    if not plan.covers(be_year):
        raise ValidationError(f"ปี {be_year} ไม่อยู่ในช่วงของแผน ({plan.first_be_year}–{plan.last_be_year})")
    if indicator.children.exists():
        raise ValidationError("ตัวชี้วัดนี้มีตัวชี้วัดย่อย กรุณาบันทึกผลที่ตัวชี้วัดย่อยแต่ละตัว")
    value, text = parse_value(indicator.kind, typed, levels=indicator.levels, what=f"ผลปี {be_year}")
    result = StrategyIndicatorResult.objects.filter(indicator=indicator, be_year=be_year).first()
    if value is None and not text:
        if result is not None:
            result.delete()
        return None
    if result is None:
        return StrategyIndicatorResult.objects.create(
            indicator=indicator, be_year=be_year, value=value, text=text, source=source, note=note, recorded_by=by
        )
    result.value, result.text, result.source, result.note, result.recorded_by = value, text, source, note, by
    return save_if_unchanged(result, expected_version=expected_version,
                             fields=["value", "text", "source", "note", "recorded_by"])
