"""The planner's review of an owner's report (accept, return, reopen): one rule for the quarterly
report (`projects/reporting/`) and the year-end report (`projects/year_end/`)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plans.access import is_planner
from plans.concurrency import save_if_unchanged
from projects.models import ReportState


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


def send_back(report, *, user, comment, expected_version, refused, mail):
    """Return a submitted report to its owners with the comment they will see; `mail(report)` tells them."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("กรุณาเขียนความเห็นบอกผู้รับผิดชอบว่าต้องแก้ไขอะไร")})
    if report.state != ReportState.SUBMITTED:
        raise refused(_("ส่งกลับได้เฉพาะรายงานที่ส่งมาแล้วและยังไม่ได้ตรวจรับ"))
    with transaction.atomic():
        report = mark_reviewed(report, user=user, expected_version=expected_version, state=ReportState.RETURNED,
                               reason=_("ส่งกลับ: %(c)s") % {"c": comment}, refused=refused, comment=comment)
        mail(report)
    return report


def accept(report, *, user, expected_version, refused, reason, mail):
    """Accept a submitted report (locked from now on); `reason` is the history's line."""
    if report.state != ReportState.SUBMITTED:
        raise refused(_("ตรวจรับได้เฉพาะรายงานที่ส่งมาแล้ว"))
    with transaction.atomic():
        report = mark_reviewed(report, user=user, expected_version=expected_version, state=ReportState.ACCEPTED,
                               reason=reason, refused=refused)
        mail(report)
    return report


def reopen(report, *, user, reason, expected_version, refused):
    """Unlock an accepted report (planners only, with a reason the owners see)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่เปิดรายงานอีกครั้ง")})
    if report.state != ReportState.ACCEPTED:
        raise refused(_("เปิดอีกครั้งได้เฉพาะรายงานที่ตรวจรับแล้ว"))
    with transaction.atomic():
        return mark_reviewed(report, user=user, expected_version=expected_version, state=ReportState.RETURNED,
                             reason=_("เปิดรายงานอีกครั้ง: %(r)s") % {"r": reason}, refused=refused, comment=reason)
