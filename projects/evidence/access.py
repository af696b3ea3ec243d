"""Who may see an evidence file: every member of its project's office (404 for anyone else);
who may change it: the project's planner or owners (403 for other members). Rules: plans/access.py."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from plans.access import NOT_YOURS, member_or_404
from projects.access import can_edit_project
from projects.evidence.models import Attachment


def load_attachment(user, pk, *, for_write=False):
    membership = member_or_404(user)
    attachment = (
        Attachment.objects.select_related("project__action_plan__office", "report", "year_end")
        .prefetch_related("project__owners")
        .filter(pk=pk, project__action_plan__office_id=membership.office_id)
        .first()
    )
    if attachment is None:
        raise Http404("ไม่พบไฟล์")
    if for_write and not can_edit_project(user, attachment.project):
        raise PermissionDenied(NOT_YOURS)
    return attachment
