"""The year-end report's life, as the quarterly report's: draft → submitted → returned / accepted
(locked) → reopened. Each write is one transaction with history (who, a Thai reason); the report
carries a version and a save based on an older one raises StaleEdit and writes nothing.

Owners and the planner write while the report is a draft or returned (and a sent report, which
saving takes back to draft); nobody once accepted, until the planner reopens it.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from budget.selectors import project_money
from plans.access import is_planner
from plans.achievement import NOT_ACHIEVED
from plans.concurrency import StaleEdit, save_if_unchanged
from projects import review
from projects.models import (
    Project,
    RemainingDisposition,
    ReportState,
    YearEndIndicatorResult,
    YearEndObjective,
    YearEndReport,
    YearEndStep,
    YearEndVerdict,
)
from projects.notifications import services as notifications
from projects.review import audit as _audit
from projects.year_end.verdicts import verdict_from_typed

REPORT_FIELDS = [
    "verdict", "verdict_reason", "quantitative_results", "qualitative_results",
    "disposition", "moved_to", "moved_amount", "carried_amount", "carried_activities", "carried_reason",
    "highlights", "problems", "suggestions", "next_year_approach",
]


class YearEndRefused(Exception):
    """The user may not do this to the year-end report now; the message (Thai) says why."""


@dataclass
class YearEndInput:
    """What the owner typed: the report's fields, and its rows."""

    values: dict
    objectives: list = field(default_factory=list)  # [{"text", "met", "note"}] in order
    # [{"activity_id", "title", "planned_period", "started_on", "finished_on"}] in order
    steps: list = field(default_factory=list)
    indicators: dict = field(default_factory=dict)  # indicator id -> {"value", "text", "miss_reason"}


def refusal_to_write(user, project, report=None):
    """Why `user` (already its planner or an owner) may not write the year-end report now, or None."""
    if report is not None and report.is_locked:
        return _("รายงานสิ้นสุดโครงการนี้ได้รับการตรวจรับแล้ว จึงแก้ไขไม่ได้ หากต้องแก้ไข "
                 "ให้ติดต่อกลุ่มนโยบายและแผนเพื่อเปิดรายงานอีกครั้ง")
    if project.cancelled and not is_planner(user, project.action_plan.office):
        return _("โครงการนี้ถูกยกเลิกแล้ว จึงไม่ต้องรายงานผลเมื่อสิ้นสุดโครงการ")
    return None


def _baht(amount):
    return f"{amount:,.2f}"


def _money_errors(project, values):
    errors = {}
    remaining = project_money(project).remaining
    disposition = values.get("disposition")
    if not disposition:
        errors["disposition"] = _("กรุณาเลือกว่าดำเนินการอย่างไรกับงบประมาณคงเหลือ (คงเหลือ %(r)s บาท)") % {
            "r": _baht(remaining)}
    elif disposition == RemainingDisposition.NONE_LEFT and remaining > 0:
        errors["disposition"] = _("โครงการยังมีงบประมาณคงเหลือ %(r)s บาท (จัดสรรหักเบิกจ่าย) "
                                  "กรุณาเลือกว่าส่งคืน นำไปใช้ในโครงการอื่น หรือดำเนินกิจกรรมต่อ") % {
            "r": _baht(remaining)}
    elif disposition == RemainingDisposition.MOVED:
        target, amount = values.get("moved_to"), values.get("moved_amount")
        if target is None:
            errors["moved_to"] = _("กรุณาเลือกโครงการที่นำงบประมาณคงเหลือไปดำเนินการ")
        if not amount:
            errors["moved_amount"] = _("กรุณากรอกจำนวนเงินที่นำไปดำเนินโครงการอื่น (มากกว่า 0 บาท)")
        elif amount > remaining:
            errors["moved_amount"] = _("จำนวนเงินที่นำไปใช้ (%(a)s บาท) มากกว่างบประมาณคงเหลือ %(r)s บาท") % {
                "a": _baht(amount), "r": _baht(remaining)}
    elif disposition == RemainingDisposition.CARRIED_ON:
        amount = values.get("carried_amount")
        if not amount:
            errors["carried_amount"] = _("กรุณากรอกงบประมาณของกิจกรรมที่ต้องดำเนินการต่อ (มากกว่า 0 บาท)")
        elif amount > remaining:
            errors["carried_amount"] = _("งบประมาณของกิจกรรมที่ดำเนินการต่อ (%(a)s บาท) มากกว่างบประมาณคงเหลือ "
                                         "%(r)s บาท") % {"a": _baht(amount), "r": _baht(remaining)}
        if not (values.get("carried_activities") or "").strip():
            errors["carried_activities"] = _("กรุณาระบุกิจกรรมที่ต้องดำเนินการต่อ งบประมาณ และวัตถุประสงค์")
        if not (values.get("carried_reason") or "").strip():
            errors["carried_reason"] = _("กรุณาระบุสาเหตุที่ยังไม่ดำเนินกิจกรรมที่ค้าง")
    return errors


def submission_errors(project, data: YearEndInput):
    """Everything a year-end report needs before it can be sent, as {field: Thai message}."""
    values = data.values
    errors = {}
    if not values.get("verdict"):
        errors["verdict"] = _("กรุณาเลือกว่าโครงการบรรลุหรือไม่บรรลุเป้าหมาย")
    elif values["verdict"] == YearEndVerdict.NOT_ACHIEVED and not (values.get("verdict_reason") or "").strip():
        errors["verdict_reason"] = _("กรุณาระบุสาเหตุที่โครงการไม่บรรลุเป้าหมาย")
    if not any((values.get(n) or "").strip() for n in ("quantitative_results", "qualitative_results")):
        errors["quantitative_results"] = _("กรุณาเขียนผลการดำเนินงานเชิงปริมาณหรือเชิงคุณภาพอย่างน้อยหนึ่งด้าน")
    objectives = [row for row in data.objectives if (row.get("text") or "").strip()]
    if not objectives:
        errors["objectives"] = _("กรุณาระบุวัตถุประสงค์ของโครงการอย่างน้อยหนึ่งข้อ และบอกว่าบรรลุหรือไม่")
    for number, row in enumerate(objectives, start=1):
        if row.get("met") is None:
            errors[f"obj-{number}"] = _("กรุณาเลือกว่าวัตถุประสงค์ข้อ %(n)s บรรลุหรือไม่") % {"n": number}
    for indicator in project.indicators.all():
        typed = data.indicators.get(indicator.pk, {})
        judged_as = indicator.judged_as
        if judged_as == "number" and typed.get("value") is None:
            errors[f"ind-{indicator.pk}-value"] = _("กรุณากรอกผลของตัวชี้วัด “%(i)s” เป็นตัวเลข") % {"i": indicator.text}
        elif judged_as == "text" and not (typed.get("text") or "").strip():
            errors[f"ind-{indicator.pk}-text"] = _("กรุณากรอกผลของตัวชี้วัด “%(i)s”") % {"i": indicator.text}
        elif verdict_from_typed(indicator, typed.get("value"), typed.get("text")).status == NOT_ACHIEVED \
                and not (typed.get("miss_reason") or "").strip():
            errors[f"ind-{indicator.pk}-miss_reason"] = _(
                "ตัวชี้วัด “%(i)s” ไม่บรรลุค่าเป้าหมาย กรุณาระบุสาเหตุ") % {"i": indicator.text}
    errors.update(_money_errors(project, values))
    return errors


def _check_moved_to(project, values):
    target = values.get("moved_to")
    if target is None:
        return
    if target.pk == project.pk or target.action_plan_id != project.action_plan_id:
        raise ValidationError({"moved_to": _("เลือกได้เฉพาะโครงการอื่นในแผนปฏิบัติการเดียวกัน")})


def _set_state(report, state, user):
    if state is None:
        return
    report.state = state
    if state == ReportState.SUBMITTED:
        report.submitted_by = user
        report.submitted_at = timezone.now()


def _write(*, project, user, data, expected_version, reason, state=None):
    report = YearEndReport.objects.filter(project=project).first()
    values = {name: value for name, value in data.values.items() if name in REPORT_FIELDS}
    _check_moved_to(project, values)
    refusal = refusal_to_write(user, project, report)
    if refusal:
        raise YearEndRefused(refusal)
    if report is None:
        if expected_version not in (None, 0):
            raise YearEndRefused(_("ไม่พบรายงานนี้แล้ว อาจถูกลบไปหลังจากที่คุณเปิดหน้านี้"))
        report = YearEndReport(project=project, **values)
        _set_state(report, state, user)
        _audit(report, user, reason)
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError:
            current = YearEndReport.objects.get(project=project)
            raise StaleEdit(current, {}) from None
    else:
        for name, value in values.items():
            setattr(report, name, value)
        if state is None and report.state == ReportState.SUBMITTED:
            state = ReportState.DRAFT  # saving a sent report as a draft takes it back for more work
        _set_state(report, state, user)
        _audit(report, user, reason)
        if expected_version is None:
            expected_version = report.version
        save_if_unchanged(report, expected_version=expected_version,
                          fields=[*REPORT_FIELDS, "state", "submitted_by", "submitted_at"])
    _write_rows(report, user, data, reason)
    return report


def _replace(manager, model, rows, user, reason, make):
    """Replace a report's ordered rows when they changed (each deletion and insertion has history)."""
    current = list(manager.all())
    wanted = [make(number, row) for number, row in enumerate(rows, start=1)]
    keys = [f.name for f in model._meta.fields if f.name not in ("id", "report")]
    if [[getattr(r, k) for k in keys] for r in current] == [[getattr(r, k) for k in keys] for r in wanted]:
        return
    for row in current:
        _audit(row, user, reason)
        row.delete()
    for row in wanted:
        _audit(row, user, reason)
        row.save()


def _write_rows(report, user, data, reason):
    objectives = [row for row in data.objectives if (row.get("text") or "").strip()]
    _replace(report.objectives, YearEndObjective, objectives, user, reason, lambda n, row: YearEndObjective(
        report=report, display_order=n, text=row["text"].strip(), met=row.get("met"), note=row.get("note") or ""))
    steps = [row for row in data.steps if (row.get("title") or "").strip()]
    _replace(report.steps, YearEndStep, steps, user, reason, lambda n, row: YearEndStep(
        report=report, display_order=n, activity_id=row.get("activity_id"), title=row["title"].strip(),
        planned_period=row.get("planned_period") or "", started_on=row.get("started_on"),
        finished_on=row.get("finished_on")))
    existing = {row.indicator_id: row for row in report.indicator_results.all()}
    for indicator in report.project.indicators.all():
        typed = data.indicators.get(indicator.pk)
        if typed is None:
            continue
        row = existing.get(indicator.pk) or YearEndIndicatorResult(report=report, indicator=indicator)
        new = (typed.get("value"), typed.get("text") or "", typed.get("miss_reason") or "")
        if row.pk and (row.value, row.text, row.miss_reason) == new:
            continue
        row.value, row.text, row.miss_reason = new
        _audit(row, user, reason)
        row.save()


def year_end_save_draft(*, project, user, data: YearEndInput, expected_version=None):
    """Save what the owner typed, complete or not. Returns the report."""
    with transaction.atomic():
        return _write(project=project, user=user, data=data, expected_version=expected_version,
                      reason=_("บันทึกฉบับร่าง (รายงานสิ้นสุดโครงการ)"))


def year_end_submit(*, project, user, data: YearEndInput, expected_version=None):
    """Save and send for review; refuses (ValidationError) an incomplete report, writing nothing."""
    errors = submission_errors(project, data)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = _write(project=project, user=user, data=data, expected_version=expected_version,
                        reason=_("ส่งรายงานสิ้นสุดโครงการ"), state=ReportState.SUBMITTED)
        notifications.mail_year_end(report, "submitted")
    return report


def year_end_return(*, report, user, comment, expected_version):
    return review.send_back(report, user=user, comment=comment, expected_version=expected_version,
                            refused=YearEndRefused, mail=lambda r: notifications.mail_year_end(r, "returned"))


def year_end_accept(*, report, user, expected_version):
    return review.accept(report, user=user, expected_version=expected_version, refused=YearEndRefused,
                         reason=_("ตรวจรับรายงานสิ้นสุดโครงการ"),
                         mail=lambda r: notifications.mail_year_end(r, "accepted"))


def year_end_reopen(*, report, user, reason, expected_version):
    return review.reopen(report, user=user, reason=reason, expected_version=expected_version, refused=YearEndRefused)


def other_projects(project):
    """Projects the remaining budget can move to: the plan's others, not cancelled."""
    return Project.objects.filter(action_plan_id=project.action_plan_id, cancelled=False).exclude(pk=project.pk)
