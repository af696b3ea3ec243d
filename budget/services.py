"""Writes about money: finance records, corrects and removes disbursements, each audited."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from budget.models import Disbursement
from plans import thai_calendar
from plans.concurrency import Vanished, save_if_unchanged
from plans.thai_formats import format_date_long, format_money

FIELDS = ["date", "amount", "source", "reference", "note"]


def _audit(instance, user, reason):
    # simple-history reads these when the instance is saved or deleted.
    instance._history_user = user
    instance._change_reason = reason


def over_allocation(project, *, amount, replacing=None):
    """How much the project's disbursements would exceed its allocation with `amount` added (and
    `replacing`, an entry being corrected, left out): a positive Decimal, or None when within it."""
    allocated = sum((a.amount for a in project.allocations.all()), Decimal("0"))
    others = sum((d.amount for d in project.disbursements.all() if replacing is None or d.pk != replacing.pk),
                 Decimal("0"))
    excess = others + (amount or Decimal("0")) - allocated
    return excess if excess > 0 and allocated > 0 else None


def _check(project, *, date, amount, source, over_reason="", replacing=None):
    """Cross-model rules: inside the plan's fiscal year, from one of the project's sources, positive;
    above the allocation only with a reason (real offices do receive late transfers)."""
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
    excess = over_allocation(project, amount=amount, replacing=replacing) if amount and amount > 0 else None
    if excess is not None and not (over_reason or "").strip():
        errors["over_allocation_reason"] = _(
            "ยอดเบิกจ่ายรวมจะเกินงบประมาณที่ได้รับจัดสรร %(x)s บาท ตรวจสอบจำนวนเงินอีกครั้ง "
            "หากได้รับโอนเงินเพิ่มแล้ว ให้ระบุเหตุผลในช่องนี้"
        ) % {"x": format_money(excess, digits="arabic")}
    if errors:
        raise ValidationError(errors)


def _with_over_reason(reason, over_reason):
    over_reason = (over_reason or "").strip()
    return f"{reason} (เกินงบจัดสรร: {over_reason})" if over_reason else reason


def disbursement_record(*, project, user, date, amount, source, reference="", note="", over_allocation_reason="",
                        token=None):
    """Record money finance paid out for a project (เบิกจ่าย).

    `token` is the form's one-time token: the same form sent again returns the entry it recorded
    the first time (with `already_recorded` set) instead of recording the money twice."""
    token = token or None
    if token is not None:
        existing = Disbursement.objects.filter(submission_token=token, project=project).first()
        if existing is not None:
            existing.already_recorded = True
            return existing
    _check(project, date=date, amount=amount, source=source, over_reason=over_allocation_reason)
    try:
        with transaction.atomic():
            disbursement = Disbursement(project=project, date=date, amount=amount, source=source,
                                        reference=reference, note=note, recorded_by=user,
                                        submission_token=token)
            _audit(disbursement, user, _with_over_reason(_("บันทึกการเบิกจ่าย"), over_allocation_reason))
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
    over_reason = values.pop("over_allocation_reason", "")
    merged = {name: values.get(name, getattr(disbursement, name)) for name in FIELDS}
    _check(disbursement.project, date=merged["date"], amount=merged["amount"], source=merged["source"],
           over_reason=over_reason, replacing=disbursement)
    with transaction.atomic():
        for name, value in merged.items():
            setattr(disbursement, name, value)
        _audit(disbursement, user, _with_over_reason(_("แก้ไข: %(r)s") % {"r": reason}, over_reason))
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
