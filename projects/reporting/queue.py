"""Reads for reviewing a quarter in one pass: the reports waiting for the planner, and the next one."""

from projects.models import QuarterlyReport, ReportState

# The order the planner goes through a quarter: the plan's order of projects.
REVIEW_ORDER = ["project__display_order", "project__code", "project_id"]


def waiting_reports(action_plan, quarter):
    """The quarter's reports sent and not yet reviewed, in the plan's order of projects."""
    return (
        QuarterlyReport.objects.filter(project__action_plan=action_plan, quarter=quarter,
                                       state=ReportState.SUBMITTED)
        .select_related("project__group", "submitted_by")
        .order_by(*REVIEW_ORDER)
    )


def next_waiting(action_plan, quarter, *, after=None):
    """The next report waiting for review in the quarter (after `after` in the plan's order, wrapping
    round to the first), never `after` itself; None when nothing else waits."""
    waiting = list(waiting_reports(action_plan, quarter).exclude(pk=getattr(after, "pk", None)))
    if not waiting:
        return None
    if after is None:
        return waiting[0]
    key = (after.project.display_order, after.project.code, after.project_id)
    later = [r for r in waiting if (r.project.display_order, r.project.code, r.project_id) > key]
    return (later or waiting)[0]
