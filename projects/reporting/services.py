"""The quarterly report's life: draft → submitted → returned / accepted (locked) → reopened.

Every write is one transaction and leaves an audit entry (simple-history, with who and a Thai
reason). Reports carry a version; a save based on an older version raises StaleEdit and writes
nothing, so the later user sees what changed instead of silently overwriting it.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from budget.selectors import project_money
from plans.access import is_planner
from plans.concurrency import StaleEdit, save_if_unchanged
from plans.models import ReportingWindow
from projects import review
from projects.models import ActivityProgress, IndicatorResult, ProgressStatus, QuarterlyReport, ReportState
from projects.notifications import services as notifications
from projects.review import audit as _audit

# The sentence offices write when a quarter's work does not yet move a target (wording of the
# reference booklets, e.g. 000 and 003: "ผลการดำเนินงานกิจกรรมในไตรมาสนี้ยังไม่สามารถส่งผลต่อ...").
NO_EFFECT_SENTENCE = "ผลการดำเนินงานกิจกรรมในไตรมาสนี้ยังไม่สามารถส่งผลต่อเป้าหมายที่กำหนดไว้"

REPORT_FIELDS = [
    "status", "output_progress", "outcome_progress",
    "contribution_national_strategy", "contribution_master_plan", "contribution_sub_plan",
    "contribution_nesdp", "spent_amount", "disbursement_variance_reason",
    "results", "problems", "suggestions",
]
CONTRIBUTION_FIELDS = [
    "contribution_national_strategy", "contribution_master_plan", "contribution_sub_plan", "contribution_nesdp",
]
# What an owner carries from one quarter to the next (money and narratives of results are per quarter).
CARRIED_OVER_FIELDS = [
    "status", "output_progress", "outcome_progress",
    "contribution_national_strategy", "contribution_master_plan", "contribution_sub_plan",
    "contribution_nesdp",
]


class ReportRefused(Exception):
    """The user may not do this to the report now; the message (Thai) says why."""


@dataclass
class ReportInput:
    """What the owner typed: report fields, and per activity / indicator id their progress."""

    values: dict
    activities: dict = field(default_factory=dict)  # activity id -> {"status", "text"}
    indicators: dict = field(default_factory=dict)  # indicator id -> {"value", "text", "achieved"}




def refusal_to_write(user, project, quarter, report=None):
    """Why `user` may not write this report now (a Thai sentence), or None when they may.

    Planners may always write; owners while the quarter's window is open, or to fix a report the
    planner returned. Nobody edits an accepted report until a planner reopens it.
    """
    if report is not None and report.is_locked:
        return _("รายงานนี้ได้รับการตรวจรับแล้ว จึงแก้ไขไม่ได้ หากต้องแก้ไข ให้ติดต่อกลุ่มนโยบายและแผนเพื่อเปิดรายงานอีกครั้ง")
    if is_planner(user, project.action_plan.office):
        return None
    if report is not None and report.state == ReportState.RETURNED:
        # Sent back by the planner: the owner may fix it even after the window has closed.
        return None
    window = ReportingWindow.objects.filter(action_plan=project.action_plan, quarter=quarter).first()
    if window is None:
        return _("ยังไม่เปิดรอบการรายงานไตรมาสที่ %(q)s จึงยังบันทึกรายงานไม่ได้") % {"q": quarter}
    if not window.is_open:
        return _("ปิดรับรายงานไตรมาสที่ %(q)s แล้ว จึงบันทึกรายงานไม่ได้ หากต้องส่งหรือแก้ไขรายงาน "
                 "กรุณาติดต่อกลุ่มนโยบายและแผน") % {"q": quarter}
    return None


def _planned_and_disbursed(project, quarter):

    money = project_money(project).quarters[quarter - 1]
    return money.planned, money.disbursed


def submission_errors(project, quarter, data: ReportInput):
    """Everything a report needs before it can be sent, as {field: Thai message}."""
    errors = {}
    values = data.values
    if not values.get("status"):
        errors["status"] = _("กรุณาเลือกสถานะการดำเนินงานของโครงการ")
    for activity in project.activities.all():
        progress = data.activities.get(activity.pk, {})
        if not progress.get("status"):
            errors[f"act-{activity.pk}-status"] = _("กรุณาเลือกสถานะของกิจกรรม “%(a)s”") % {"a": activity.title}
        elif progress["status"] != ProgressStatus.NOT_STARTED and not (progress.get("text") or "").strip():
            errors[f"act-{activity.pk}-text"] = _(
                "กรุณาบอกสิ่งที่ทำในกิจกรรม “%(a)s” (หรือเปลี่ยนสถานะเป็นยังไม่ได้ดำเนินการ)"
            ) % {"a": activity.title}
    spent = values.get("spent_amount")
    if spent is None:
        errors["spent_amount"] = _("กรุณากรอกจำนวนเงินที่ใช้จ่ายในไตรมาสนี้ (ถ้าไม่ได้ใช้ ให้กรอก 0)")
    planned, _disbursed = _planned_and_disbursed(project, quarter)
    # Only the owner's own figure: finance may not have recorded the quarter yet, and the owner
    # cannot explain a gap in someone else's records.
    differs = spent is not None and spent != planned
    if differs and not (values.get("disbursement_variance_reason") or "").strip():
        errors["disbursement_variance_reason"] = _(
            "เงินที่ใช้จ่ายไม่เท่ากับแผน (แผน %(p)s บาท ใช้จ่าย %(s)s บาท) กรุณาระบุเหตุผล"
        ) % {"p": f"{planned:,.2f}", "s": f"{spent:,.2f}"}
    started = values.get("status") != ProgressStatus.NOT_STARTED
    if started and not (values.get("results") or "").strip():
        errors["results"] = _("กรุณากรอกผลการดำเนินงาน")
    if started:
        for name in CONTRIBUTION_FIELDS:
            if not (values.get(name) or "").strip():
                errors[name] = _("กรุณาเขียนผลต่อแผนนี้ หรือกด “ยังไม่ส่งผลในไตรมาสนี้”")
        for indicator in project.indicators.all():
            result = data.indicators.get(indicator.pk, {})
            if result.get("value") is None and not (result.get("text") or "").strip():
                errors[f"ind-{indicator.pk}-text"] = _(
                    "กรุณากรอกผลของตัวชี้วัด “%(i)s” เป็นตัวเลขหรือข้อความ (เช่น อยู่ระหว่างดำเนินการ)"
                ) % {"i": indicator.text}
    return errors


def _progress_changes(report, data):
    """Child rows that differ between the stored report and what this user typed: label -> (theirs, ours)."""
    changes = {}
    for row in report.activity_progress.select_related("activity"):
        ours = data.activities.get(row.activity_id)
        if ours is None:
            continue
        if ours.get("status") != row.status:
            changes[_("สถานะกิจกรรม “%(a)s”") % {"a": row.activity.title}] = (
                row.get_status_display(), dict(ProgressStatus.choices).get(ours.get("status"), "")
            )
        if (ours.get("text") or "") != row.text:
            changes[_("ผลกิจกรรม “%(a)s”") % {"a": row.activity.title}] = (row.text, ours.get("text") or "")
    for row in report.indicator_results.select_related("indicator"):
        ours = data.indicators.get(row.indicator_id)
        if ours is None:
            continue
        typed = (ours.get("value"), ours.get("text") or "", ours.get("achieved"))
        if typed != (row.value, row.text, row.achieved):
            changes[_("ผลตัวชี้วัด “%(i)s”") % {"i": row.indicator.text}] = (
                _describe_result(row.value, row.text, row.achieved), _describe_result(*typed)
            )
    return changes


def _describe_result(value, text, achieved):
    parts = [str(value) if value is not None else "", text,
             {True: _("บรรลุ"), False: _("ไม่บรรลุ")}.get(achieved, "")]
    return " ".join(p for p in parts if p) or "-"


def _labelled(changes):
    labels = {f.name: str(f.verbose_name) for f in QuarterlyReport._meta.fields}
    return {labels.get(name, name): pair for name, pair in changes.items()}


def _set_state(report, state, user):
    if state is None:
        return
    report.state = state
    if state == ReportState.SUBMITTED:
        report.submitted_by = user
        report.submitted_at = timezone.now()


def _write(*, project, quarter, user, data, expected_version, reason, state=None):
    report = QuarterlyReport.objects.filter(project=project, quarter=quarter).first()
    # A draft may leave the status unchosen; the stored one (or the default) then stays.
    values = {name: value for name, value in data.values.items() if name in REPORT_FIELDS
              and not (name == "status" and not value)}
    refusal = refusal_to_write(user, project, quarter, report)
    if refusal:
        raise ReportRefused(refusal)
    if report is None:
        if expected_version not in (None, 0):
            raise ReportRefused(_("ไม่พบรายงานนี้แล้ว อาจถูกลบไปหลังจากที่คุณเปิดหน้านี้"))
        report = QuarterlyReport(project=project, quarter=quarter)
        for name, value in values.items():
            setattr(report, name, value)
        _set_state(report, state, user)
        _audit(report, user, reason)
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError:
            # Someone else created this quarter's report a moment ago.
            current = QuarterlyReport.objects.get(project=project, quarter=quarter)
            blank = QuarterlyReport(project=project, quarter=quarter)
            theirs = {n: (getattr(current, n), data.values.get(n)) for n in REPORT_FIELDS
                      if getattr(current, n) != getattr(blank, n)}
            raise StaleEdit(current, _labelled(theirs)) from None
    else:
        for name, value in values.items():
            setattr(report, name, value)
        if state is None and report.state == ReportState.SUBMITTED:
            # Saving a sent report as a draft takes it back for more work.
            state = ReportState.DRAFT
        _set_state(report, state, user)
        _audit(report, user, reason)
        if expected_version is None:
            expected_version = report.version
        try:
            save_if_unchanged(report, expected_version=expected_version,
                              fields=[*REPORT_FIELDS, "state", "submitted_by", "submitted_at"])
        except StaleEdit as stale:
            changes = _labelled(stale.changes)
            changes.update(_progress_changes(stale.current, data))
            raise StaleEdit(stale.current, changes) from None
    _write_progress(report, user, data, reason)
    return report


def _write_progress(report, user, data, reason):
    existing = {row.activity_id: row for row in report.activity_progress.all()}
    for activity in report.project.activities.all():
        typed = data.activities.get(activity.pk)
        if typed is None:
            continue
        row = existing.get(activity.pk) or ActivityProgress(report=report, activity=activity)
        status = typed.get("status") or ProgressStatus.NOT_STARTED
        text = typed.get("text") or ""
        if row.pk and row.status == status and row.text == text:
            continue
        row.status, row.text = status, text
        _audit(row, user, reason)
        row.save()
    results = {row.indicator_id: row for row in report.indicator_results.all()}
    for indicator in report.project.indicators.all():
        typed = data.indicators.get(indicator.pk)
        if typed is None:
            continue
        row = results.get(indicator.pk) or IndicatorResult(report=report, indicator=indicator)
        new = (typed.get("value"), typed.get("text") or "", typed.get("achieved"))
        if row.pk and (row.value, row.text, row.achieved) == new:
            continue
        row.value, row.text, row.achieved = new
        _audit(row, user, reason)
        row.save()


def report_save_draft(*, project, quarter, user, data: ReportInput, expected_version=None):
    """Save what the owner typed, complete or not. Returns the report."""
    with transaction.atomic():
        return _write(project=project, quarter=quarter, user=user, data=data,
                      expected_version=expected_version, reason=_("บันทึกฉบับร่าง"))


def report_submit(*, project, quarter, user, data: ReportInput, expected_version=None):
    """Save and send the report for review; refuses (ValidationError) an incomplete report."""
    errors = submission_errors(project, quarter, data)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = _write(project=project, quarter=quarter, user=user, data=data,
                        expected_version=expected_version, reason=_("ส่งรายงาน"), state=ReportState.SUBMITTED)
        notifications.mail_report_submitted(report)
    return report


def report_return(*, report, user, comment, expected_version):
    """Send a submitted report back to its owners with a comment they see; e-mails them."""
    return review.send_back(report, user=user, comment=comment, expected_version=expected_version,
                            refused=ReportRefused, mail=notifications.mail_report_returned)


def report_accept(*, report, user, expected_version):
    """Accept a submitted report; it is locked from now on."""
    return review.accept(report, user=user, expected_version=expected_version, refused=ReportRefused,
                         reason=_("ตรวจรับรายงาน"), mail=notifications.mail_report_accepted)


def report_reopen(*, report, user, reason, expected_version):
    """Unlock an accepted report (planners only, with a reason the owners see)."""
    return review.reopen(report, user=user, reason=reason, expected_version=expected_version, refused=ReportRefused)
