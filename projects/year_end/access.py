"""Who may see and change a year-end report: as its project (projects/access.py; rules in plans/access.py)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from plans.access import NOT_YOURS, member_or_404
from projects.access import can_edit_project
from projects.models import YearEndReport


def load_year_end(user, pk, *, for_write=False):
    """A year-end report of the user's office (404 otherwise); for writing, its project's planner or owners (403)."""
    membership = member_or_404(user)
    report = (
        YearEndReport.objects.select_related("project__action_plan__office", "project__action_plan__fiscal_year")
        .prefetch_related("project__owners")
        .filter(pk=pk, project__action_plan__office_id=membership.office_id)
        .first()
    )
    if report is None:
        raise Http404("ไม่พบรายงาน")
    if for_write and not can_edit_project(user, report.project):
        raise PermissionDenied(NOT_YOURS)
    return report
