"""Who may see and change a project and its reports (the rules are in `plans/access.py`'s docstring):
the office's planner or one of the project's owners writes; every member of the office reads; another
office gets 404."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from plans.access import NOT_YOURS, is_planner, member_or_404
from projects.models import Project, QuarterlyReport


def owns_project(user, project):
    # Uses the prefetched owners when the caller loaded them.
    return any(owner.pk == user.pk for owner in project.owners.all())


def can_edit_project(user, project):
    return is_planner(user, project.action_plan.office) or owns_project(user, project)


def load_project(user, pk, *, for_write=False, queryset=None):
    """A project of the user's office (404 otherwise); for writing, only its planner or an owner (403)."""
    membership = member_or_404(user)
    queryset = queryset if queryset is not None else Project.objects.all()
    project = (
        queryset.select_related("action_plan__office", "action_plan__fiscal_year")
        .prefetch_related("owners")
        .filter(pk=pk, action_plan__office_id=membership.office_id)
        .first()
    )
    if project is None:
        raise Http404("ไม่พบโครงการ")
    if for_write and not can_edit_project(user, project):
        raise PermissionDenied(NOT_YOURS)
    return project


def load_report(user, pk, *, for_write=False):
    """A quarterly report of the user's office; for writing, only its project's planner or owners."""
    return load_project_report(QuarterlyReport, user, pk, for_write=for_write)


def load_project_report(model, user, pk, *, for_write=False):
    """A report of a project (`model`: quarterly or year-end) of the user's office (404 otherwise); for
    writing, only its project's planner or owners (403)."""
    membership = member_or_404(user)
    report = (
        model.objects.select_related("project__action_plan__office", "project__action_plan__fiscal_year")
        .prefetch_related("project__owners")
        .filter(pk=pk, project__action_plan__office_id=membership.office_id)
        .first()
    )
    if report is None:
        raise Http404("ไม่พบรายงาน")
    if for_write and not can_edit_project(user, report.project):
        raise PermissionDenied(NOT_YOURS)
    return report
