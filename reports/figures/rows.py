"""Loading the rows a round's figures need, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from budget.models import Allocation, BudgetSource, Disbursement, SpendingPlan
from budget.selectors import cabinet_targets
from plans.models import Group, Strategy
from projects.models import ActivityProgress, IndicatorResult, Project, QuarterlyReport
from reports.figures.types import (
    COUNTED_REPORT_STATES,
    Round,
)


@dataclass
class RoundMoney:
    """A project's money and counted reports as plain rows (named tuples), for the summaries."""

    allocations: list = field(default_factory=list)  # (source_id, amount, note), in Allocation's order
    spending_plan: list = field(default_factory=list)  # (quarter, amount)
    disbursements: list = field(default_factory=list)  # (date, amount)
    reports: list = field(default_factory=list)  # (id, quarter, state, status, spent_amount), by quarter


def _by_project(queryset, *fields, order=()):
    grouped = defaultdict(list)
    for row in queryset.order_by(*order).values_list("project_id", *fields, named=True):
        grouped[row.project_id].append(row)
    return grouped


def _share(projects, name, loaded):
    """Each project's group (or strategy) as the one instance already loaded, not a copy per project as
    select_related makes (a third of the summaries' loading time at 1,000 projects); one query for any
    the lists do not hold."""
    field = Project._meta.get_field(name)
    by_pk = {obj.pk: obj for obj in loaded}
    missing = {getattr(p, field.attname) for p in projects} - by_pk.keys()
    if missing:
        by_pk.update((obj.pk, obj) for obj in field.related_model._base_manager.filter(pk__in=missing))
    for project in projects:
        field.set_cached_value(project, by_pk[getattr(project, field.attname)])


def load_round(action_plan, rnd: Round, *, detail=True, project_ids=None):
    """Everything the round's figures need, in a fixed number of queries.

    detail=False (the booklet preview's summaries): only what the summaries need (status, money, groups,
    the register's remarks), as plain rows in one query per table: no activities, indicators, alignment or report
    texts, and none of the per-project querysets a prefetch builds (most of a 1,000-project
    office's time went there). project_ids: only those projects (the preview's one project section).
    """

    reports = QuarterlyReport.objects.filter(
        quarter__lte=rnd.quarter, state__in=COUNTED_REPORT_STATES
    ).order_by("quarter")
    projects = Project.objects.filter(action_plan=action_plan)
    if project_ids is not None:
        projects = projects.filter(pk__in=project_ids)
    if detail:
        reports = reports.prefetch_related(
            Prefetch("activity_progress", queryset=ActivityProgress.objects.select_related("activity")),
            Prefetch("indicator_results", queryset=IndicatorResult.objects.all()),
        )
        projects = projects.select_related("group__head", "strategy").prefetch_related(
            "owners__memberships", "group__head__memberships",
            "allocations", "spending_plan", "disbursements", "activities", "indicators", "alignment",
            Prefetch("reports", queryset=reports, to_attr="round_reports"),
        )
    projects = list(projects.order_by("display_order", "code", "pk"))
    if not detail:
        in_plan = {"project__action_plan": action_plan}
        # In Allocation's own order, so the register's remarks read the notes as project.allocations does.
        allocations = _by_project(Allocation.objects.filter(**in_plan), "source_id", "amount", "note",
                                  order=Allocation._meta.ordering)
        planned = _by_project(SpendingPlan.objects.filter(**in_plan), "quarter", "amount")
        disbursed = _by_project(Disbursement.objects.filter(**in_plan), "date", "amount")
        counted = _by_project(reports.filter(**in_plan).order_by("quarter"),
                              "id", "quarter", "state", "status", "spent_amount")
        for project in projects:
            project.round_money = RoundMoney(allocations[project.pk], planned[project.pk], disbursed[project.pk],
                                             sorted(counted[project.pk], key=lambda r: r.quarter))
    groups = list(Group.objects.filter(office_id=action_plan.office_id).order_by("display_order", "name"))
    strategies = list(
        Strategy.objects.filter(development_plan_id=action_plan.development_plan_id).order_by("number")
    )
    sources = list(BudgetSource.objects.order_by("display_order", "code"))
    targets = cabinet_targets(action_plan.office_id, action_plan.fiscal_year_id)
    if not detail:
        _share(projects, "group", groups)
        _share(projects, "strategy", strategies)
    return projects, groups, strategies, sources, targets
