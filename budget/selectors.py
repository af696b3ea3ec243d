"""Reads about money. Quarters of disbursements follow from their dates (plans.thai_calendar)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from budget.models import Allocation, BudgetSource, BudgetSourceInUse, CabinetTarget, Disbursement, SpendingPlan
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

    @property
    def needs_disbursement(self):
        """Finance has not recorded a disbursement of a quarter the project planned to spend in (the one
        rule for finance's inbox and the list's "ยังไม่บันทึกการเบิกจ่าย" filter)."""
        return self.planned > ZERO and self.disbursed == ZERO


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
    return _money(project.action_plan.fiscal_year.be_year, list(project.allocations.all()),
                  project.spending_plan.all(), project.disbursements.all(), project.reports.all())


def _money(be_year, allocations, plan_lines, disbursements, reports):
    """The one computation of a project's money, from its rows (model instances or named tuples)."""
    quarters = {number: QuarterMoney(number) for number in range(1, 5)}
    for line in plan_lines:
        quarters[line.quarter].planned = line.amount
    for disbursement in disbursements:
        if thai_calendar.fiscal_year_of(disbursement.date) == be_year:
            quarters[thai_calendar.quarter_of(disbursement.date)].disbursed += disbursement.amount
    for report in reports:
        quarters[report.quarter].spent = report.spent_amount
    return ProjectMoney(
        allocations=allocations,
        allocated=sum((a.amount for a in allocations), ZERO),
        quarters=[quarters[number] for number in range(1, 5)],
    )


def _by_project(queryset, *fields):
    grouped = defaultdict(list)
    for row in queryset.order_by().values_list("project_id", *fields, named=True):
        grouped[row.project_id].append(row)
    return grouped


def finance_overview(user, action_plan, *, narrow=None, keep=None):
    """The finance page's rows: each project the user may see with its money, in a fixed number of queries.

    The money comes as plain rows, one query per table for the whole plan: a prefetch would build a
    queryset per project and relation, most of a 1,000-project office's time. (`ProjectMoney.allocations`
    holds (source_id, amount) rows here.) `narrow(queryset)` filters the projects, `keep(money)` their money
    (the list's filter); the totals are the shown rows'."""
    projects = (
        projects_visible_to(user, action_plan)
        .select_related("group")
        .only("id", "code", "title", "group_id", "group__display_order")
        .order_by("group__display_order", "display_order", "code")
    )
    projects = list(narrow(projects) if narrow else projects)
    in_plan = {"project__action_plan": action_plan}
    allocations = _by_project(Allocation.objects.filter(**in_plan), "source_id", "amount")
    plan_lines = _by_project(SpendingPlan.objects.filter(**in_plan), "quarter", "amount")
    disbursed = _by_project(Disbursement.objects.filter(**in_plan), "date", "amount")
    reports = _by_project(QuarterlyReport.objects.filter(**in_plan), "quarter", "spent_amount")
    be_year = action_plan.fiscal_year.be_year
    rows = [
        (project, _money(be_year, allocations[project.pk], plan_lines[project.pk], disbursed[project.pk],
                         reports[project.pk]))
        for project in projects
    ]
    if keep:
        rows = [(project, money) for project, money in rows if keep(money)]
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


def without_disbursement(action_plan, quarters):
    """{quarter: [project ids]} of the plan's (not cancelled) projects that planned to spend in the quarter
    and have no disbursement recorded in it, for `quarters`; two queries however many projects."""
    in_plan = {"project__action_plan": action_plan, "project__cancelled": False}
    plan_lines = _by_project(SpendingPlan.objects.filter(**in_plan, amount__gt=0), "quarter", "amount")
    disbursed = _by_project(Disbursement.objects.filter(**in_plan), "date", "amount")
    be_year = action_plan.fiscal_year.be_year
    missing = {quarter: [] for quarter in quarters}
    for project_id, lines in plan_lines.items():
        money = _money(be_year, [], lines, disbursed[project_id], [])
        for quarter in quarters:
            if money.quarters[quarter - 1].needs_disbursement:
                missing[quarter].append(project_id)
    return missing


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
