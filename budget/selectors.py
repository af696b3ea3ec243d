"""Reads about money. Quarters of disbursements follow from their dates (plans.thai_calendar)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q

from budget.models import Allocation, BudgetSource, BudgetSourceInUse, CabinetTarget
from plans import thai_calendar
from projects.models import QuarterlyReport
from projects.selectors import projects_visible_to

ZERO = Decimal("0")


@dataclass
class QuarterMoney:
    quarter: int
    planned: Decimal = ZERO
    disbursed: Decimal = ZERO
    # Owner-reported spending; None when the owner has not reported it (unknown, not zero).
    spent: Decimal | None = None


@dataclass
class ProjectMoney:
    allocations: list
    allocated: Decimal
    quarters: list[QuarterMoney] = field(default_factory=list)

    @property
    def planned_total(self):
        return sum((q.planned for q in self.quarters), ZERO)

    @property
    def disbursed_total(self):
        return sum((q.disbursed for q in self.quarters), ZERO)

    @property
    def spent_total(self):
        """Owner-reported spending of the reported quarters; None when no quarter is reported."""
        reported = [q.spent for q in self.quarters if q.spent is not None]
        return sum(reported, ZERO) if reported else None

    @property
    def remaining(self):
        return self.allocated - self.disbursed_total


def project_money(project):
    """Allocations by source and, per quarter, planned / disbursed / owner-reported spending.

    Uses the project's prefetched allocations, spending plan, disbursements and reports when present.
    """
    be_year = project.action_plan.fiscal_year.be_year
    allocations = list(project.allocations.all())
    quarters = {number: QuarterMoney(number) for number in range(1, 5)}
    for line in project.spending_plan.all():
        quarters[line.quarter].planned = line.amount
    for disbursement in project.disbursements.all():
        if thai_calendar.fiscal_year_of(disbursement.date) == be_year:
            quarters[thai_calendar.quarter_of(disbursement.date)].disbursed += disbursement.amount
    for report in project.reports.all():
        quarters[report.quarter].spent = report.spent_amount
    return ProjectMoney(
        allocations=allocations,
        allocated=sum((a.amount for a in allocations), ZERO),
        quarters=[quarters[number] for number in range(1, 5)],
    )


def finance_overview(user, action_plan):
    """The finance page's rows: each project the user may see with its money, in a fixed number of queries."""
    projects = (
        projects_visible_to(user, action_plan)
        .select_related("action_plan__fiscal_year", "group")
        .prefetch_related(
            Prefetch("allocations", queryset=Allocation.objects.select_related("source")),
            "spending_plan", "disbursements",
            Prefetch("reports", queryset=QuarterlyReport.objects.only("id", "project_id", "quarter",
                                                                       "spent_amount")),
        )
        .order_by("group__display_order", "display_order", "code")
    )
    rows = [(project, project_money(project)) for project in projects]
    totals = ProjectMoney(
        allocations=[],
        allocated=sum((money.allocated for _, money in rows), ZERO),
        quarters=[
            QuarterMoney(number,
                         planned=sum((m.quarters[number - 1].planned for _, m in rows), ZERO),
                         disbursed=sum((m.quarters[number - 1].disbursed for _, m in rows), ZERO))
            for number in range(1, 5)
        ],
    )
    return rows, totals


def disbursements_of(project):
    """A project's disbursements, newest first, with who recorded them."""
    return list(project.disbursements.select_related("source", "recorded_by").order_by("-date", "-id"))


# --- year settings (issue #15) --------------------------------------------------------------------


def cabinet_targets(office_id, fiscal_year_id):
    """{quarter: cumulative percent}: the office's own target where it keeps one, else the national one."""
    rows = CabinetTarget.objects.filter(Q(office_id=office_id) | Q(office__isnull=True), fiscal_year_id=fiscal_year_id)
    targets = {}
    for row in sorted(rows, key=lambda r: r.office_id is not None):  # national first, the office's over it
        targets[row.quarter] = row.cumulative_percent
    return targets


def sources_in_use(office_id, fiscal_year_id):
    """The budget sources the office uses in the year; every source while it has chosen none."""
    chosen = BudgetSourceInUse.objects.filter(office_id=office_id, fiscal_year_id=fiscal_year_id)
    sources = BudgetSource.objects.order_by("display_order", "code")
    if chosen.exists():
        sources = sources.filter(pk__in=chosen.values("source_id"))
    return list(sources)
