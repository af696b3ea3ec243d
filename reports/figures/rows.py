"""Loading the rows a round's figures need, in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch

from budget.models import BudgetSource
from budget.selectors import cabinet_targets
from plans.models import Group, Strategy
from projects.models import ActivityProgress, IndicatorResult, Project, QuarterlyReport
from reports.figures.types import (
    COUNTED_REPORT_STATES,
    Round,
)


def load_round(action_plan, rnd: Round):
    """Everything the round's figures need, in a fixed number of queries."""

    reports = (
        QuarterlyReport.objects.filter(quarter__lte=rnd.quarter, state__in=COUNTED_REPORT_STATES)
        .order_by("quarter")
        .prefetch_related(
            Prefetch("activity_progress", queryset=ActivityProgress.objects.select_related("activity")),
            Prefetch("indicator_results", queryset=IndicatorResult.objects.all()),
        )
    )
    projects = list(
        Project.objects.filter(action_plan=action_plan)
        .select_related("group", "strategy")
        .prefetch_related(
            "owners",
            "allocations",
            "spending_plan",
            "disbursements",
            "activities",
            "indicators",
            "alignment",
            Prefetch("reports", queryset=reports, to_attr="round_reports"),
        )
        .order_by("display_order", "code", "pk")
    )
    groups = list(Group.objects.filter(office_id=action_plan.office_id).order_by("display_order", "name"))
    strategies = list(
        Strategy.objects.filter(development_plan_id=action_plan.development_plan_id).order_by("number")
    )
    sources = list(BudgetSource.objects.order_by("display_order", "code"))
    targets = cabinet_targets(action_plan.office_id, action_plan.fiscal_year_id)
    return projects, groups, strategies, sources, targets
