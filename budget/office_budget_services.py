"""Writes of the office's budget by expenditure category (issue #17): finance's form and its Excel
import both end here, in one transaction, with history, refused when someone saved in between."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from budget.models import ExpenditureCategory, OfficeBudget, OfficeBudgetLine
from budget.office_budget import ALL_CATEGORIES
from plans import thai_calendar
from plans.concurrency import StaleEdit
from plans.thai_formats import format_date_long, format_money

MAX_MONEY = Decimal("999999999999.99")  # budget.models.MONEY: 14 digits, 2 decimals
AMOUNTS = ("allocated", "disbursed", "committed")
AMOUNT_LABELS = {"allocated": "ได้รับจัดสรร", "disbursed": "เบิกจ่าย", "committed": "ผูกพัน PO"}


@dataclass(frozen=True)
class LineInput:
    """What was typed for one category; None where the cell or box was left blank."""

    allocated: Decimal | None = None
    disbursed: Decimal | None = None
    committed: Decimal | None = None

    @property
    def blank(self):
        return all(getattr(self, name) is None for name in AMOUNTS)


def field_name(category, amount):
    """The form field (and error key) of one amount of one category: "personnel_allocated"."""
    return f"{category}_{amount}"


def _money(value):
    return format_money(value, digits="arabic")


def check_office_budget(*, be_year, as_of, lines, today=None) -> dict:
    """{error key: Thai message} for what cannot be saved; empty when all is well.

    Keys are "as_of", field_name(category, amount) or "__all__". Rules: the date lies in the fiscal
    year and not after today; every amount is 0 to 999,999,999,999.99 with at most 2 decimals; a
    category with any amount has its allocation; disbursed + committed do not exceed it; at least one
    category is filled."""
    errors = {}
    today = today or timezone.localdate()
    if as_of is None:
        errors["as_of"] = "กรุณากรอกวันที่ของข้อมูล (ข้อมูล ณ วันที่) เช่น 30/09/2567"
    else:
        start, end = thai_calendar.fiscal_year_bounds(be_year)
        if not start <= as_of <= end:
            errors["as_of"] = (
                f"วันที่ {format_date_long(as_of, 'arabic')} ไม่อยู่ในปีงบประมาณ พ.ศ. {be_year} "
                f"({format_date_long(start, 'arabic')} ถึง {format_date_long(end, 'arabic')})"
            )
        elif as_of > today:
            errors["as_of"] = f"วันที่ของข้อมูลต้องไม่เลยวันนี้ ({format_date_long(today, 'arabic')})"
    filled = 0
    for category, line in lines.items():
        label = ExpenditureCategory(category).label
        bad = False
        for amount in AMOUNTS:
            value = getattr(line, amount)
            if value is None:
                continue
            if value < 0:
                errors[field_name(category, amount)] = f"{label}: จำนวนเงินต้องไม่ติดลบ"
                bad = True
            elif value > MAX_MONEY:
                errors[field_name(category, amount)] = (
                    f"{label}: จำนวนเงินมากเกินกว่าที่รับได้ (ไม่เกิน {_money(MAX_MONEY)} บาท)")
                bad = True
            elif value != value.quantize(Decimal("0.01")):
                errors[field_name(category, amount)] = f"{label}: ทศนิยมเกิน 2 ตำแหน่ง ให้กรอกสตางค์ไม่เกิน 2 หลัก"
                bad = True
        if line.blank:
            continue
        filled += 1
        if line.allocated is None:
            errors[field_name(category, "allocated")] = (
                f"{label}: กรุณากรอกงบประมาณที่ได้รับจัดสรร (กรอก 0 ถ้าไม่ได้รับจัดสรร) หรือลบยอดเบิกจ่ายและผูกพันออก"
            )
            continue
        if bad:
            continue
        used = (line.disbursed or 0) + (line.committed or 0)
        if used > line.allocated:
            what = "เบิกจ่ายรวมผูกพัน PO" if line.committed else "เบิกจ่าย"
            errors[field_name(category, "disbursed")] = (
                f"{label}: {what} {_money(used)} บาท เกินงบประมาณที่ได้รับจัดสรร {_money(line.allocated)} บาท "
                f"(เกิน {_money(used - line.allocated)} บาท) กรุณาตรวจสอบตัวเลข"
            )
    if not filled and not errors:
        errors["__all__"] = "ยังไม่ได้กรอกงบประมาณของงบรายจ่ายใดเลย กรุณากรอกอย่างน้อยหนึ่งงบรายจ่าย"
    return errors


def _stored(budget):
    """{label: "allocated / disbursed / committed"} of the stored budget, for the message of a stale save."""
    if budget is None:
        return {}
    shown = {"ข้อมูล ณ วันที่": format_date_long(budget.as_of, "arabic")}
    for line in budget.lines.all():
        shown[str(line.get_category_display())] = " / ".join(
            _money(getattr(line, amount)) for amount in AMOUNTS)
    return shown


def office_budget_set(*, office, fiscal_year, as_of, lines, user, expected_version, reason="", today=None):
    """Replace the office's budget of the fiscal year: `lines` is {category: LineInput}; a category
    left blank (or missing) has no line. `expected_version` is the version the form or preview was
    made from (0: there was none yet); a save made in between is a StaleEdit and nothing is written.

    Raises ValidationError({key: message}) as check_office_budget says."""
    lines = {ExpenditureCategory(category): line for category, line in lines.items()}
    errors = check_office_budget(be_year=fiscal_year.be_year, as_of=as_of, lines=lines, today=today)
    if errors:
        raise ValidationError(errors)
    change_reason = "บันทึกงบประมาณของสำนักงานตามงบรายจ่าย" + (f": {reason.strip()}" if reason.strip() else "")
    try:
        with transaction.atomic():
            budget = (OfficeBudget.objects.select_for_update().prefetch_related("lines")
                      .filter(office=office, fiscal_year=fiscal_year).first())
            current = budget.version if budget is not None else 0
            if current != expected_version:
                raise StaleEdit(SimpleNamespace(version=current),
                                {name: (value, "") for name, value in _stored(budget).items()})
            if budget is None:
                budget = OfficeBudget(office=office, fiscal_year=fiscal_year, as_of=as_of, updated_by=user)
            else:
                budget.version += 1
            budget.as_of, budget.updated_by = as_of, user
            _audit(budget, user, change_reason)
            budget.save()
            _replace_lines(budget, lines, user, change_reason)
    except IntegrityError:
        # Someone created the year's budget at the same moment: theirs stays, this save is refused.
        raise StaleEdit(SimpleNamespace(version=1), {}) from None
    return budget


def _replace_lines(budget, lines, user, change_reason):
    stored = {line.category: line for line in OfficeBudgetLine.objects.filter(office_budget=budget)}
    for category in ALL_CATEGORIES:
        line = lines.get(category)
        row = stored.get(category)
        if line is None or line.blank:
            if row is not None:
                _audit(row, user, change_reason)
                row.delete()
            continue
        values = {"allocated": line.allocated, "disbursed": line.disbursed or Decimal("0"),
                  "committed": line.committed or Decimal("0")}
        if row is None:
            row = OfficeBudgetLine(office_budget=budget, category=category)
        elif all(getattr(row, name) == value for name, value in values.items()):
            continue  # unchanged: no history row
        for name, value in values.items():
            setattr(row, name, value)
        _audit(row, user, change_reason)
        row.save()


def _audit(instance, user, reason):
    instance._history_user = user
    instance._change_reason = reason


def lines_of(budget) -> dict:
    """{category: LineInput} of a stored budget (what a form or workbook starts from)."""
    if budget is None:
        return {}
    return {line.category: LineInput(line.allocated, line.disbursed, line.committed) for line in budget.lines.all()}


def as_of_default(be_year, today=None) -> datetime.date:
    """The date a new entry starts from: today within the fiscal year, else the year's last day."""
    today = today or timezone.localdate()
    start, end = thai_calendar.fiscal_year_bounds(be_year)
    return min(max(today, start), end)
