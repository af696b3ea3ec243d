"""The office's budget by expenditure category (งบประมาณของสำนักงานตามงบรายจ่าย): the one place its
remaining amounts, percents and totals are computed. Finance's page, the dashboard and the annual
report print what `office_budget_table` returns; no view or template adds this money.

This is the office's own money as the budget bureau allocates it (references 002 and 004: "ผลการเบิกจ่าย
งบประมาณรายจ่าย"), not the sum of the action plan's projects: a project's allocation is a part of some
category here (mostly งบดำเนินงาน), and most of the office's money (salaries, school subsidies) belongs to
no project. Everything printed from here says so (`OFFICE_MONEY_LABEL`, `SEPARATION_NOTE`).

The rules:
- remaining (คงเหลือ) = allocated − disbursed − committed by purchase order (ผูกพัน PO): what the office
  may still spend, as 002 prints it (13,327,528.00 − 12,472,366.27 − 379,571.00 = 475,590.73). With no
  commitment it is allocated − disbursed, as 004 prints it (318,223,938.00 − 317,489,822.56 = 734,115.44);
- percent (ร้อยละการเบิกจ่าย) = disbursed / allocated × 100, half-up to 2 places (plans.thai_formats.
  percent_of); a commitment is not yet a disbursement (002: 97.66 for งบบุคลากร, 96.85 for งบลงทุน with
  854,640.00 committed). None (printed "-") when nothing was allocated;
- the total (รวมทั้งสิ้น) adds the five categories of the office's own budget; งบกลาง is reported on its
  own line below it and is not in the total (004 prints "งบกลาง (สำรองฉุกเฉิน)" under "รวมทั้งสิ้น").
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from budget.models import ExpenditureCategory, OfficeBudget
from plans.thai_formats import percent_of

ZERO = Decimal("0")

OFFICE_MONEY_LABEL = "งบประมาณของสำนักงานเขตพื้นที่การศึกษา จำแนกตามงบรายจ่าย"
PROJECT_MONEY_LABEL = "งบประมาณโครงการตามแผนปฏิบัติการ"
SEPARATION_NOTE = (
    "เป็นงบประมาณทั้งหมดที่สำนักงานได้รับจัดสรรตามงบรายจ่าย (รวมเงินเดือน ค่าใช้จ่ายประจำ และเงินอุดหนุนสถานศึกษา) "
    "ไม่ใช่ผลรวมงบประมาณของโครงการตามแผนปฏิบัติการ ซึ่งรายงานแยกไว้ต่างหาก"
)
CENTRAL_NOTE = "งบกลางรายงานแยกไว้ ไม่รวมอยู่ในยอดรวมทั้งสิ้น"

# The office's own budget, in the order the offices print it; งบกลาง comes after the total.
OWN_CATEGORIES = [
    ExpenditureCategory.PERSONNEL, ExpenditureCategory.OPERATING, ExpenditureCategory.INVESTMENT,
    ExpenditureCategory.SUBSIDY, ExpenditureCategory.OTHER,
]
ALL_CATEGORIES = [*OWN_CATEGORIES, ExpenditureCategory.CENTRAL]


@dataclass(frozen=True)
class BudgetRow:
    """One line of the table: a category, the total, or งบกลาง. Amounts in baht (Decimal)."""

    category: str  # ExpenditureCategory value, or "total"
    label: str
    allocated: Decimal
    disbursed: Decimal
    committed: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.disbursed - self.committed

    @property
    def percent(self) -> Decimal | None:
        return percent_of(self.disbursed, self.allocated)


@dataclass(frozen=True)
class OfficeBudgetTable:
    """The office's budget of one fiscal year, as of a date: the rows finance entered (in the usual
    order, categories left blank are left out), their total, and งบกลาง apart."""

    be_year: int
    as_of: datetime.date
    rows: list[BudgetRow]
    total: BudgetRow
    central: BudgetRow | None
    version: int = 0

    label = OFFICE_MONEY_LABEL
    separation_note = SEPARATION_NOTE

    @property
    def has_committed(self) -> bool:
        """Whether any line has a commitment: a report may leave the ผูกพัน PO column out when none has
        (004 prints no such column)."""
        return any(row.committed for row in [*self.rows, *([self.central] if self.central else [])])


def compute(lines, *, be_year, as_of, version=0) -> OfficeBudgetTable:
    """The table from stored lines (objects or tuples with category, allocated, disbursed, committed)."""
    by_category = {line.category: line for line in lines}
    rows = [_row(category, by_category[category]) for category in OWN_CATEGORIES if category in by_category]
    total = BudgetRow(
        category="total", label="รวมทั้งสิ้น",
        allocated=sum((r.allocated for r in rows), ZERO),
        disbursed=sum((r.disbursed for r in rows), ZERO),
        committed=sum((r.committed for r in rows), ZERO),
    )
    central_line = by_category.get(ExpenditureCategory.CENTRAL)
    central = _row(ExpenditureCategory.CENTRAL, central_line) if central_line is not None else None
    return OfficeBudgetTable(be_year=be_year, as_of=as_of, rows=rows, total=total, central=central, version=version)


def _row(category, line):
    return BudgetRow(
        category=str(category), label=str(ExpenditureCategory(category).label),
        allocated=line.allocated, disbursed=line.disbursed or ZERO, committed=line.committed or ZERO,
    )


def office_budget_table(*, office, fiscal_year) -> OfficeBudgetTable | None:
    """The office's budget of `fiscal_year` as finance last entered it; None when nothing was entered.

    The caller has already decided who may read it (any member of the office: finance's page, the
    dashboard and the annual report load the office through plans.access)."""
    return _table(OfficeBudget.objects.filter(office=office, fiscal_year=fiscal_year))


def office_budget_of_plan(plan) -> OfficeBudgetTable | None:
    """The office's budget of an action plan's office and fiscal year (the report's and dashboard's call)."""
    return _table(OfficeBudget.objects.filter(office_id=plan.office_id, fiscal_year_id=plan.fiscal_year_id))


def _table(queryset):
    budget = queryset.select_related("fiscal_year").prefetch_related("lines").first()
    if budget is None:
        return None
    return compute(budget.lines.all(), be_year=budget.fiscal_year.be_year, as_of=budget.as_of,
                   version=budget.version)



def office_budget_record(*, office, fiscal_year):
    """The stored OfficeBudget (with its lines) for finance's form and workbook; None when none yet."""
    return (OfficeBudget.objects.filter(office=office, fiscal_year=fiscal_year)
            .select_related("fiscal_year", "updated_by").prefetch_related("lines").first())
