"""Writes about money: finance records, corrects and removes disbursements, each audited."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from budget.models import Disbursement
from plans import thai_calendar
from plans.concurrency import Vanished, save_if_unchanged
from plans.thai_formats import format_date_long

FIELDS = ["date", "amount", "source", "reference", "note"]


def _audit(instance, user, reason):
    # simple-history reads these when the instance is saved or deleted.
    instance._history_user = user
    instance._change_reason = reason


def _check(project, *, date, amount, source):
    """Cross-model rules: inside the plan's fiscal year, from one of the project's sources, positive."""
    errors = {}
    be_year = project.action_plan.fiscal_year.be_year
    if date is not None and thai_calendar.fiscal_year_of(date) != be_year:
        start, end = thai_calendar.fiscal_year_bounds(be_year)
        errors["date"] = _("วันที่ %(d)s ไม่อยู่ในปีงบประมาณ พ.ศ. %(y)s (%(s)s ถึง %(e)s)") % {
            "d": format_date_long(date, "arabic"), "y": be_year,
            "s": format_date_long(start, "arabic"), "e": format_date_long(end, "arabic"),
        }
    if amount is not None and amount <= 0:
        errors["amount"] = _("จำนวนเงินที่เบิกจ่ายต้องมากกว่า 0 บาท")
    sources = {allocation.source_id for allocation in project.allocations.all()}
    if not sources:
        errors["source"] = _("โครงการนี้ไม่ได้รับจัดสรรงบประมาณ จึงบันทึกการเบิกจ่ายไม่ได้")
    elif source is None or source.pk not in sources:
        errors["source"] = _("กรุณาเลือกแหล่งงบประมาณที่โครงการนี้ได้รับจัดสรร")
    if errors:
        raise ValidationError(errors)


def disbursement_record(*, project, user, date, amount, source, reference="", note="", token=None):
    """Record money finance paid out for a project (เบิกจ่าย).

    `token` is the form's one-time token: the same form sent again returns the entry it recorded
    the first time (with `already_recorded` set) instead of recording the money twice."""
    _check(project, date=date, amount=amount, source=source)
    token = token or None
    if token is not None:
        existing = Disbursement.objects.filter(submission_token=token, project=project).first()
        if existing is not None:
            existing.already_recorded = True
            return existing
    try:
        with transaction.atomic():
            disbursement = Disbursement(project=project, date=date, amount=amount, source=source,
                                        reference=reference, note=note, recorded_by=user,
                                        submission_token=token)
            _audit(disbursement, user, _("บันทึกการเบิกจ่าย"))
            disbursement.save()
    except IntegrityError:
        existing = Disbursement.objects.filter(submission_token=token, project=project).first() if token else None
        if existing is None:
            raise ValidationError(_("บันทึกการเบิกจ่ายไม่สำเร็จ กรุณาลองอีกครั้ง")) from None
        existing.already_recorded = True
        return existing
    disbursement.already_recorded = False
    return disbursement


def disbursement_correct(*, disbursement, user, reason, expected_version, **values):
    """Correct a wrong entry; the reason goes into the audit history.

    Refused (StaleEdit, nothing written) when someone changed the entry since `expected_version`."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่แก้ไขรายการนี้")})
    merged = {name: values.get(name, getattr(disbursement, name)) for name in FIELDS}
    _check(disbursement.project, date=merged["date"], amount=merged["amount"], source=merged["source"])
    with transaction.atomic():
        for name, value in merged.items():
            setattr(disbursement, name, value)
        _audit(disbursement, user, _("แก้ไข: %(r)s") % {"r": reason})
        save_if_unchanged(disbursement, expected_version=expected_version, fields=FIELDS)
    return disbursement


def disbursement_delete(*, disbursement, user, reason):
    """Remove an entry recorded by mistake; the history keeps it, with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ลบรายการนี้")})
    with transaction.atomic():
        if not Disbursement.objects.select_for_update().filter(pk=disbursement.pk).exists():
            raise Vanished()
        _audit(disbursement, user, _("ลบ: %(r)s") % {"r": reason})
        disbursement.delete()
