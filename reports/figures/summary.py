"""The dashboard's figures from sums and light rows (issue #12).

The dashboard shows the plan's and each group's totals, the status counts and the overdue reports, not
any one project's figures. At 1,000 projects, loading every project's money rows and working out its
figures was most of the page's time, so here:

- Money is summed by the database per group (allocated; planned by quarter; disbursed by date), and the
  sums go through the rules a project's figures use: `types.disbursed_by_quarter` (which dates a round
  knows, in which quarter), `types.through` (cumulative) and `compute.money_totals` (the summary).
  Every shown sum is a sum over projects, so summing per group first gives the same figures.
- The status counts and the overdue list need each project's status: its counted reports, as light rows,
  go through `projects.round_status` (`status_in_round`, and `is_missed` by `compute.overdue_reports`).
  Only the overdue projects are loaded whole, for their titles and groups.
- Cancelled projects are counted nowhere, as in the booklet: they are left out of every query.

The sums each project's own figures need (its excess over its own plan, its owner-reported spending) are
not worked out: the dashboard does not show them. tests/reports/test_dashboard_summary.py compares every
figure with `booklet_figures`.
"""

from __future__ import annotations

from collections import defaultdict, namedtuple
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property

from django.db.models import Sum

from budget.models import Allocation, Disbursement, SpendingPlan
from budget.selectors import cabinet_targets
from plans.models import Group
from projects.models import Project, QuarterlyReport
from projects.round_status import status_in_round
from reports.figures.compute import money_totals, overdue_reports, register_order
from reports.figures.tables import GroupMoney, MoneySummary, StatusCounts, status_counts
from reports.figures.types import COUNTED_REPORT_STATES, ZERO, Round, disbursed_by_quarter, through

Dated = namedtuple("Dated", "date amount")


@dataclass
class ProjectRound:
    """A counted (not cancelled) project's reports counted in the round, by quarter, and its status."""

    project: object  # a light row (id, group_id, display_order, code, cancelled); the Project when overdue
    reports: list  # (project_id, quarter, state, status)
    status: str


@dataclass
class GroupSummary(GroupMoney):
    """A group's line on the dashboard (group None: the totals), from the group's sums."""

    group: object
    rows: list  # ProjectRound of the group, in register order
    allocated: Decimal
    planned: dict  # quarter -> the group's planned amount
    disbursed_in: dict  # quarter -> the group's disbursed amount known to the round
    quarter: int  # the round's closing quarter

    @property
    def count(self):
        return len(self.rows)

    @cached_property
    def status(self) -> StatusCounts:
        return status_counts(self.rows)

    @cached_property
    def disbursed(self):
        return through(self.disbursed_in, self.quarter)


@dataclass
class DashboardFigures:
    action_plan: object
    round: Round
    rows: list  # ProjectRound, in register order
    groups: list  # GroupSummary per group with projects, in the office's order
    totals: GroupSummary
    status: StatusCounts
    money: MoneySummary  # over_plan not worked out (None)


def _summed_in_db(queryset, *keys):
    """The amounts of `queryset` summed per `keys` by the database, as (*keys, amount) rows. SQLite adds them as
    floating-point numbers (150 amounts can come to 77,820,399.5700001): the sums are brought back to the
    amount's places, as exact as PostgreSQL's."""
    places = Decimal(1).scaleb(-queryset.model._meta.get_field("amount").decimal_places)
    rows = queryset.order_by().values(*keys).annotate(total=Sum("amount")).values_list(*keys, "total")
    return [(*key, total.quantize(places)) for *key, total in rows]


def _summed(dicts):
    total = defaultdict(lambda: ZERO)
    for d in dicts:
        for key, amount in d.items():
            total[key] += amount
    return dict(total)


def dashboard_figures(action_plan, rnd: Round) -> DashboardFigures:
    """The round's status counts, money summary and group lines, in a fixed number of queries whose rows
    grow with the groups and the dates of disbursement, and with the projects only for their status."""
    counted = {"project__action_plan": action_plan, "project__cancelled": False}
    projects = Project.objects.filter(action_plan=action_plan, cancelled=False).order_by().values_list(
        "id", "group_id", "display_order", "code", "cancelled", named=True)
    reports = defaultdict(list)
    for report in QuarterlyReport.objects.filter(
        quarter__lte=rnd.quarter, state__in=COUNTED_REPORT_STATES, **counted
    ).order_by("quarter").values_list("project_id", "quarter", "state", "status", named=True):
        reports[report.project_id].append(report)
    allocated = dict(_summed_in_db(Allocation.objects.filter(**counted), "project__group_id"))
    planned = defaultdict(dict)
    for group_id, quarter, amount in _summed_in_db(SpendingPlan.objects.filter(**counted), "project__group_id",
                                                   "quarter"):
        planned[group_id][quarter] = amount
    dated = defaultdict(list)  # group id -> [(date, amount)]: the disbursements summed per group and date
    for group_id, date, amount in _summed_in_db(Disbursement.objects.filter(**counted), "project__group_id", "date"):
        dated[group_id].append(Dated(date, amount))
    disbursed = {group_id: disbursed_by_quarter(rows, rnd) for group_id, rows in dated.items()}
    groups = list(Group.objects.filter(office_id=action_plan.office_id).order_by("display_order", "name"))

    in_order = register_order(groups)
    rows = [
        ProjectRound(project, reports[project.id], status_in_round(reports[project.id], rnd.quarter).status)
        for project in sorted(projects, key=in_order)
    ]
    rows_of = defaultdict(list)
    for row in rows:
        rows_of[row.project.group_id].append(row)

    def line(group, group_ids, group_rows):
        return GroupSummary(
            group=group,
            rows=group_rows,
            allocated=sum((allocated.get(g, ZERO) for g in group_ids), ZERO),
            planned=_summed(planned[g] for g in group_ids if g in planned),
            disbursed_in=_summed(disbursed[g] for g in group_ids if g in disbursed),
            quarter=rnd.quarter,
        )

    group_lines = [line(g, [g.pk], rows_of[g.pk]) for g in groups if rows_of[g.pk]]
    totals = line(None, set(allocated) | set(planned) | set(disbursed), rows)
    targets = cabinet_targets(action_plan.office_id, action_plan.fiscal_year_id)
    return DashboardFigures(
        action_plan=action_plan,
        round=rnd,
        rows=rows,
        groups=group_lines,
        totals=totals,
        status=totals.status,
        money=money_totals(totals.allocated, totals.planned, totals.disbursed_in, rnd, targets),
    )


def overdue_of(fig: DashboardFigures, today):
    """(window, [ProjectRound]) as `compute.overdue_reports` finds them, each with its Project (title, group)."""
    overdue = overdue_reports(fig.action_plan, fig.rows, today)
    ids = {row.project.id for _, rows in overdue for row in rows}
    if not ids:
        return overdue
    projects = Project.objects.select_related("group").in_bulk(ids)
    return [(window, [replace(row, project=projects[row.project.id]) for row in rows]) for window, rows in overdue]
