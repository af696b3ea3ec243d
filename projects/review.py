"""The planner's review of an owner's report (accept, return, reopen): one rule for the quarterly
report (`projects/reporting/`) and the year-end report (`projects/year_end/`)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from plans.access import is_planner
from plans.concurrency import save_if_unchanged


def audit(instance, user, reason):
    """simple-history reads these when the instance is saved or deleted."""
    instance._history_user = user
    instance._change_reason = reason


def mark_reviewed(report, *, user, expected_version, state, reason, refused, comment=None):
    """Only the office's planner; the review fields set, the reason in the history, and refused as
    stale when the report changed since the planner read it. `refused`: the caller's exception class."""
    if not is_planner(user, report.project.action_plan.office):
        raise refused(_("เฉพาะกลุ่มนโยบายและแผนเท่านั้นที่ตรวจรายงานได้"))
    report.state = state
    report.reviewed_by = user
    report.reviewed_at = timezone.now()
    fields = ["state", "reviewed_by", "reviewed_at"]
    if comment is not None:
        report.review_comment = comment
        fields.append("review_comment")
    audit(report, user, reason)
    return save_if_unchanged(report, expected_version=expected_version, fields=fields)
