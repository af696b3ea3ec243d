"""Reads about projects, already limited to what the asking user may see."""

from django.db.models import Prefetch, Sum

from plans.selectors import membership_of
from projects.models import Project, QuarterlyReport


def projects_visible_to(user, action_plan):
    """Projects of `action_plan` the user may read: every member of the plan's office reads them all."""
    membership = membership_of(user)
    if membership is None or membership.office_id != action_plan.office_id:
        return Project.objects.none()
    return Project.objects.filter(action_plan=action_plan)


def project_list(user, action_plan, *, group=None, strategy=None, status=None, search=""):
    """The project list page's rows, with the latest report's status, in a fixed number of queries."""
    projects = (
        projects_visible_to(user, action_plan)
        .select_related("group", "strategy")
        .prefetch_related(
            "owners",
            Prefetch("reports", queryset=QuarterlyReport.objects.order_by("quarter"), to_attr="reports_in_order"),
        )
        .annotate(allocated=Sum("allocations__amount"))
        .order_by("group__display_order", "display_order", "code")
    )
    if group:
        projects = projects.filter(group_id=group)
    if strategy:
        projects = projects.filter(strategy_id=strategy)
    if search:
        projects = projects.filter(title__icontains=search.strip())
    rows = list(projects)
    for project in rows:
        project.latest_report = project.reports_in_order[-1] if project.reports_in_order else None
    if status == "not_reported":
        rows = [p for p in rows if p.latest_report is None]
    elif status:
        rows = [p for p in rows if p.latest_report is not None and p.latest_report.status == status]
    return rows


def project_detail(user, pk):
    """One project the user may read, with everything its page shows, or None."""
    membership = membership_of(user)
    if membership is None:
        return None
    return (
        Project.objects.filter(pk=pk, action_plan__office=membership.office)
        .select_related("action_plan__fiscal_year", "action_plan__office", "group", "strategy")
        .prefetch_related(
            "owners",
            "alignment",
            "allocations__source",
            "spending_plan",
            "disbursements",
            "activities",
            "indicators",
            Prefetch("reports", queryset=QuarterlyReport.objects.order_by("quarter")),
        )
        .first()
    )
