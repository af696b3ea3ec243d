"""Writes about the office's plan: action plans, groups, strategies and reporting windows.

Every function runs in one transaction and raises ValidationError with a Thai message saying what
to fix; nothing is half-written.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from plans.models import ActionPlan, FiscalYear, Group, ReportingWindow, Strategy
from plans.signals import window_opened
from plans.uniqueness import unique_or


def _fiscal_year(be_year):
    return FiscalYear.objects.get_or_create(be_year=be_year)[0]


@transaction.atomic
def action_plan_create(*, office, be_year, development_plan, title="", by=None):
    if development_plan.office_id != office.pk:
        raise ValidationError("แผนพัฒนาการศึกษาที่เลือกไม่ใช่ของหน่วยงานนี้")
    if not development_plan.covers(be_year):
        raise ValidationError(
            f"แผนพัฒนาการศึกษา {development_plan} ไม่ครอบคลุมปีงบประมาณ พ.ศ. {be_year} กรุณาเลือกแผนพัฒนาฯ ที่ครอบคลุมปีนี้"
        )
    taken = f"หน่วยงานนี้มีแผนปฏิบัติการปีงบประมาณ พ.ศ. {be_year} อยู่แล้ว"
    if _plan_exists(office, be_year):
        raise ValidationError(taken)
    with unique_or(taken):
        return ActionPlan.objects.create(
            office=office, fiscal_year=_fiscal_year(be_year), development_plan=development_plan, title=title
        )


def _plan_exists(office, be_year):
    return ActionPlan.objects.filter(office=office, fiscal_year__be_year=be_year).exists()


# --- Groups ------------------------------------------------------------------------------------


def _check_group_unique(*, office, name, abbreviation, exclude_pk=None):
    others = Group.objects.filter(office=office).exclude(pk=exclude_pk)
    if others.filter(name=name).exists():
        raise ValidationError({"name": f"มีกลุ่มชื่อ “{name}” อยู่แล้ว"})
    if others.filter(abbreviation=abbreviation).exists():
        raise ValidationError({"abbreviation": f"อักษรย่อ “{abbreviation}” ถูกใช้กับกลุ่มอื่นแล้ว"})


def _check_head(office, head):
    if head is not None and not head.memberships.filter(office=office).exists():
        raise ValidationError({"head": "ผู้อำนวยการกลุ่มต้องเป็นบุคลากรของหน่วยงานนี้"})


@transaction.atomic
def group_create(*, office, name, short_name, abbreviation, display_order=0, head=None, by=None):
    _check_group_unique(office=office, name=name, abbreviation=abbreviation)
    _check_head(office, head)
    with unique_or(_GROUP_TAKEN % {"name": name, "abbreviation": abbreviation}):
        return Group.objects.create(
            office=office,
            name=name,
            short_name=short_name,
            abbreviation=abbreviation,
            display_order=display_order,
            head=head,
        )


_GROUP_TAKEN = "มีกลุ่มชื่อ “%(name)s” หรืออักษรย่อ “%(abbreviation)s” อยู่แล้ว กรุณาใช้ชื่อหรืออักษรย่ออื่น"


@transaction.atomic
def group_update(*, group, by=None, **fields):
    _check_group_unique(
        office=group.office,
        name=fields.get("name", group.name),
        abbreviation=fields.get("abbreviation", group.abbreviation),
        exclude_pk=group.pk,
    )
    _check_head(group.office, fields.get("head"))
    for name, value in fields.items():
        setattr(group, name, value)
    with unique_or(_GROUP_TAKEN % {"name": group.name, "abbreviation": group.abbreviation}):
        group.save()
    return group


@transaction.atomic
def group_delete(*, group, by=None):
    try:
        group.delete()
    except ProtectedError as exc:
        raise ValidationError(
            f"ลบกลุ่ม “{group.name}” ไม่ได้ เพราะยังมีโครงการที่กลุ่มนี้รับผิดชอบ กรุณาย้ายโครงการไปกลุ่มอื่นก่อน"
        ) from exc


# --- Strategies --------------------------------------------------------------------------------


@transaction.atomic
def strategy_save(*, development_plan, number, title, strategy=None, by=None):
    """Create (strategy=None) or change a numbered strategy of a development plan."""
    clash = Strategy.objects.filter(development_plan=development_plan, number=number)
    if strategy is not None:
        clash = clash.exclude(pk=strategy.pk)
    if clash.exists():
        raise ValidationError({"number": f"แผนพัฒนาฯ นี้มีกลยุทธ์ที่ {number} อยู่แล้ว กรุณาใช้เลขอื่น"})
    strategy = strategy or Strategy(development_plan=development_plan)
    strategy.development_plan = development_plan
    strategy.number = number
    strategy.title = title
    with unique_or({"number": f"แผนพัฒนาฯ นี้มีกลยุทธ์ที่ {number} อยู่แล้ว กรุณาใช้เลขอื่น"}):
        strategy.save()
    return strategy


@transaction.atomic
def strategy_delete(*, strategy, by=None):
    try:
        strategy.delete()
    except ProtectedError as exc:
        raise ValidationError(
            f"ลบกลยุทธ์ที่ {strategy.number} ไม่ได้ เพราะยังมีโครงการภายใต้กลยุทธ์นี้ กรุณาย้ายโครงการไปกลยุทธ์อื่นก่อน"
        ) from exc


# --- Reporting windows -------------------------------------------------------------------------


@transaction.atomic
def reporting_window_open(*, action_plan, quarter, deadline, by=None):
    """Open `quarter` for reporting until `deadline`; reopening a closed quarter sets a new deadline."""
    if quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": "ไตรมาสต้องเป็น 1 ถึง 4"})
    if deadline < action_plan.fiscal_year.quarters[quarter - 1].start:
        raise ValidationError({"deadline": "กำหนดส่งต้องไม่ก่อนวันเริ่มไตรมาส"})
    window = _window_of(action_plan, quarter)
    if window is not None and window.is_open:
        raise ValidationError({"quarter": f"ไตรมาสที่ {quarter} เปิดรับรายงานอยู่แล้ว"})
    if window is None:
        window = ReportingWindow(action_plan=action_plan, quarter=quarter)
    window.deadline = deadline
    window.closed_at = None
    window.opened_by = by
    with unique_or({"quarter": f"ไตรมาสที่ {quarter} เปิดรับรายงานอยู่แล้ว"}):
        window.save()
    transaction.on_commit(lambda: window_opened.send(sender=ReportingWindow, window=window))
    return window


def _window_of(action_plan, quarter):
    return ReportingWindow.objects.select_for_update().filter(action_plan=action_plan, quarter=quarter).first()


@transaction.atomic
def reporting_window_close(*, window, by=None):
    if not window.is_open:
        raise ValidationError(f"ไตรมาสที่ {window.quarter} ปิดรับรายงานไปแล้ว")
    window.closed_at = timezone.now()
    window.save(update_fields=["closed_at"])
    return window
