"""Writes about projects of a plan: the project itself, its activities and its indicators.

Each function runs in one transaction and raises ValidationError (Thai, saying what to fix) or
StaleEdit (someone saved the project after this user opened it); nothing is half-written.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max

from plans.concurrency import StaleEdit, save_if_unchanged
from plans.models import Membership
from plans.text_rules import normalise_code
from plans.uniqueness import unique_or
from projects.models import Activity, Indicator, Project

# The project fields a form edits directly (owners and alignment are many-to-many, handled apart).
PROJECT_FIELDS = [
    "code",
    "title",
    "strategy",
    "group",
    "display_order",
    "rationale",
    "output_goal",
    "outcome_goal",
    "start_date",
    "end_date",
    "reported_to_national_system",
    "remark",
]
# Dates of last year's run do not carry into next year's plan.
YEAR_BOUND_FIELDS = ("start_date", "end_date")
STATUS_FIELDS = ["added_mid_year", "added_mid_year_reason", "cancelled", "cancelled_reason"]


def _code_taken(code):
    return {"code": f"รหัสโครงการ “{code}” มีอยู่แล้วในแผนนี้ กรุณาใช้รหัสอื่น"}


def _check_project(*, action_plan, values, owners, exclude_pk=None):
    errors = {}
    strategy, group = values.get("strategy"), values.get("group")
    if strategy is not None and strategy.development_plan_id != action_plan.development_plan_id:
        errors["strategy"] = "กลยุทธ์ที่เลือกไม่อยู่ในแผนพัฒนาการศึกษาที่แผนปฏิบัติการนี้ใช้"
    if group is not None and group.office_id != action_plan.office_id:
        errors["group"] = "กลุ่มที่เลือกไม่ใช่กลุ่มของหน่วยงานนี้"
    try:
        code = normalise_code(values.get("code") or "")
    except ValueError as bad:
        code = None
        errors["code"] = str(bad)
    else:
        values["code"] = code
    if code is not None and not code:
        errors["code"] = "กรุณากรอกรหัสโครงการ"
    elif code and Project.objects.filter(action_plan=action_plan, code=code).exclude(pk=exclude_pk).exists():
        errors["code"] = _code_taken(code)["code"]
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        errors["end_date"] = "วันสิ้นสุดโครงการต้องไม่ก่อนวันเริ่มโครงการ"
    if owners is not None:
        member_ids = set(
            Membership.objects.filter(office_id=action_plan.office_id).values_list("user_id", flat=True)
        )
        outsiders = [str(u) for u in owners if u.pk not in member_ids]
        if outsiders:
            errors["owners"] = f"ผู้รับผิดชอบต้องเป็นบุคลากรของหน่วยงานนี้: {', '.join(outsiders)}"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def project_create(*, action_plan, values, owners=(), alignment=(), by=None):
    values = {name: value for name, value in values.items() if name in PROJECT_FIELDS + STATUS_FIELDS}
    _check_project(action_plan=action_plan, values=values, owners=owners)
    _check_status(values)
    with unique_or(_code_taken(values.get("code"))):
        project = Project.objects.create(action_plan=action_plan, **values)
    project.owners.set(owners)
    project.alignment.set(alignment)
    return project


def _person(user):
    return user.get_full_name() or user.username


def _m2m_audit(project, *, owners, alignment):
    """'ผู้รับผิดชอบโครงการ: ก, ข → ก, ค' for each many-to-many set that changes (or "")."""
    parts = []
    for name, ours, label_of in (("owners", owners, _person), ("alignment", alignment, str)):
        if ours is None:
            continue
        theirs = list(getattr(project, name).all())
        if {o.pk for o in theirs} != {o.pk for o in ours}:
            label = Project._meta.get_field(name).verbose_name
            before = ", ".join(sorted(map(label_of, theirs))) or "-"
            after = ", ".join(sorted(map(label_of, ours))) or "-"
            parts.append(f"{label}: {before} → {after}")
    return "; ".join(parts)


def _m2m_changes(project, *, owners, alignment):
    """Many-to-many differences between what is stored and what this user sent (theirs, ours)."""
    changes = {}
    for name, ours in (("owners", owners), ("alignment", alignment)):
        if ours is None:
            continue
        theirs = list(getattr(project, name).all())
        if {o.pk for o in theirs} != {o.pk for o in ours}:
            changes[name] = (", ".join(map(str, theirs)) or "-", ", ".join(map(str, ours)) or "-")
    return changes


@transaction.atomic
def project_update(*, project, expected_version, values, owners=None, alignment=None, by=None):
    """Change a project unless someone saved it since `expected_version` (then StaleEdit, nothing written).

    `owners`/`alignment` None leaves them as they are (an owner's form does not edit them).
    """
    fields = [name for name in PROJECT_FIELDS if name in values]
    # Fields the caller does not change (an owner's form leaves out code, strategy, ...) keep their value.
    _check_project(
        action_plan=project.action_plan,
        values={**{name: getattr(project, name) for name in PROJECT_FIELDS}, **values},
        owners=owners,
        exclude_pk=project.pk,
    )
    if "code" in values:
        values = {**values, "code": normalise_code(values["code"])}
    for name in fields:
        setattr(project, name, values[name])
    # Who may write and where the project sits are many-to-many: the project's history row says
    # what changed (before → after), since no column of the project itself does.
    audit = _m2m_audit(project, owners=owners, alignment=alignment)
    if audit:
        project._change_reason = audit
    if by is not None:
        project._history_user = by
    try:
        with unique_or(_code_taken(project.code)):
            save_if_unchanged(project, expected_version=expected_version, fields=fields)
    except StaleEdit as stale:
        stale.changes.update(_m2m_changes(stale.current, owners=owners, alignment=alignment))
        raise
    if owners is not None:
        project.owners.set(owners)
    if alignment is not None:
        project.alignment.set(alignment)
    return project


def _check_status(values):
    errors = {}
    if values.get("added_mid_year") and not (values.get("added_mid_year_reason") or "").strip():
        errors["added_mid_year_reason"] = "กรุณาระบุเหตุผลที่เพิ่มโครงการระหว่างปี"
    if values.get("cancelled") and not (values.get("cancelled_reason") or "").strip():
        errors["cancelled_reason"] = "กรุณาระบุเหตุผลที่ยกเลิกโครงการ"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def project_set_status(
    *,
    project,
    expected_version,
    added_mid_year,
    added_mid_year_reason="",
    cancelled,
    cancelled_reason="",
    by=None,
):
    """Mark a project added mid-year (ระหว่างปี) or cancelled (ยกเลิก); each needs a reason."""
    values = {
        "added_mid_year": added_mid_year,
        "added_mid_year_reason": added_mid_year_reason.strip() if added_mid_year else "",
        "cancelled": cancelled,
        "cancelled_reason": cancelled_reason.strip() if cancelled else "",
    }
    _check_status(values)
    for name, value in values.items():
        setattr(project, name, value)
    return save_if_unchanged(project, expected_version=expected_version, fields=STATUS_FIELDS)


@transaction.atomic
def project_copy_into(*, project, action_plan, keep_strategy=True, code=None):
    """A copy of `project` in `action_plan` with its owners, alignment, activities and indicators
    (under `code` when given, else the same code)."""
    strategy = project.strategy
    if not keep_strategy:
        strategy = action_plan.development_plan.strategies.filter(number=project.strategy.number).first()
        if strategy is None:
            raise ValidationError(
                f"แผนพัฒนาฯ ใหม่ไม่มีกลยุทธ์ที่ {project.strategy.number} สำหรับโครงการ {project.code}"
            )
    copy = Project.objects.create(
        action_plan=action_plan,
        strategy=strategy,
        group=project.group,
        **{
            name: getattr(project, name)
            for name in PROJECT_FIELDS
            if name not in ("strategy", "group", *YEAR_BOUND_FIELDS)
        },
    )
    if code is not None and code != copy.code:
        copy.code = code
        copy.save(update_fields=["code"])
    copy.owners.set(project.owners.all())
    # Year-bound items (policies of one year) do not carry over; national catalogues do.
    copy.alignment.set(project.alignment.filter(be_year__isnull=True))
    new_ids = {}
    # Main activities first, so a sub-activity's parent is always copied before it (NULLs sort
    # first on SQLite but last on PostgreSQL, so say it explicitly).
    in_order = project.activities.order_by(F("parent_id").asc(nulls_first=True), "display_order", "id")
    for activity in in_order:
        new_ids[activity.pk] = Activity.objects.create(
            project=copy,
            parent_id=new_ids.get(activity.parent_id),
            display_order=activity.display_order,
            title=activity.title,
            planned_q1=activity.planned_q1,
            planned_q2=activity.planned_q2,
            planned_q3=activity.planned_q3,
            planned_q4=activity.planned_q4,
            budget_note=activity.budget_note,
        ).pk
    Indicator.objects.bulk_create(
        Indicator(
            project=copy,
            display_order=i.display_order,
            text=i.text,
            target_value=i.target_value,
            target_unit=i.target_unit,
            target_text=i.target_text,
            kind=i.kind,
            comparator=i.comparator,
        )
        for i in project.indicators.all()
    )
    return copy


# --- Activities (กิจกรรม) and sub-activities ---------------------------------------------------

ACTIVITY_FIELDS = [
    "title",
    "parent",
    "planned_q1",
    "planned_q2",
    "planned_q3",
    "planned_q4",
    "budget_note",
    "added_mid_year",
]


@transaction.atomic
def activity_save(*, project, values, activity=None, expected_version=None, by=None):
    """Add (activity=None) or change an activity; a sub-activity hangs under a main activity.

    A change is refused (StaleEdit, nothing written) when someone saved the activity since
    `expected_version`."""
    parent = values.get("parent")
    if parent is not None:
        if parent.project_id != project.pk:
            raise ValidationError({"parent": "กิจกรรมหลักที่เลือกไม่ใช่ของโครงการนี้"})
        if parent.parent_id is not None:
            raise ValidationError({"parent": "กิจกรรมย่อยซ้อนได้เพียงชั้นเดียว กรุณาเลือกกิจกรรมหลัก"})
        if activity is not None and (parent.pk == activity.pk or activity.children.exists()):
            raise ValidationError({"parent": "กิจกรรมที่มีกิจกรรมย่อยอยู่แล้วจะเป็นกิจกรรมย่อยไม่ได้"})
    if activity is None:
        siblings = Activity.objects.filter(project=project, parent=parent)
        last = siblings.aggregate(last=Max("display_order"))["last"]
        activity = Activity(project=project, display_order=0 if last is None else last + 1)
    fields = [name for name in ACTIVITY_FIELDS if name in values]
    for name in fields:
        setattr(activity, name, values[name])
    if activity.pk is None:
        activity.save()
    else:
        save_if_unchanged(activity, expected_version=expected_version, fields=fields)
    return activity


@transaction.atomic
def activity_move(*, activity, direction, by=None):
    """Move an activity one place up (-1) or down (+1) among its siblings."""
    siblings = list(
        Activity.objects.select_for_update()
        .filter(project_id=activity.project_id, parent_id=activity.parent_id)
        .order_by("display_order", "id")
    )
    index = next(i for i, a in enumerate(siblings) if a.pk == activity.pk)
    other = index + direction
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings):
        if sibling.display_order != order:
            sibling.display_order = order
            sibling.save(update_fields=["display_order"])


@transaction.atomic
def activity_delete(*, activity, by=None):
    if (
        activity.progress.exists()
        or Activity.objects.filter(parent=activity, progress__isnull=False).exists()
    ):
        raise ValidationError(f"ลบกิจกรรม “{activity.title}” ไม่ได้ เพราะมีการรายงานผลของกิจกรรมนี้แล้ว")
    activity.delete()


# --- Indicators (ดัชนีชี้วัดความสำเร็จ) -------------------------------------------------------


@transaction.atomic
def indicator_save(
    *, project, text, target_value=None, target_unit="", target_text="", indicator=None, expected_version=None,
    by=None, comparator="gte", not_assessed=False,
):
    """Add or change an indicator: a numeric target with its unit, or a target in words.

    How its year-end result is judged (#17): a numeric target with `comparator` (≥ ≤ =), a text target
    the result must match, or `not_assessed` (N/A: counted as not assessed, never a miss).
    A change is refused (StaleEdit, nothing written) when someone saved it since `expected_version`."""
    if not_assessed and target_value is None and not target_text.strip():
        target_text = "N/A"
    if target_value is None and not target_text.strip():
        raise ValidationError({"target_value": "กรุณากรอกค่าเป้าหมายเป็นตัวเลข (พร้อมหน่วยนับ) หรือเป็นข้อความ"})
    if target_value is not None and not target_unit.strip():
        raise ValidationError({"target_unit": "กรุณาระบุหน่วยนับของค่าเป้าหมาย เช่น ร้อยละ คน โรงเรียน"})
    if indicator is None:
        last = project.indicators.aggregate(last=Max("display_order"))["last"]
        indicator = Indicator(project=project, display_order=0 if last is None else last + 1)
    indicator.text = text
    indicator.target_value = target_value
    indicator.target_unit = target_unit.strip()
    indicator.target_text = target_text.strip()
    indicator.comparator = comparator or "gte"
    indicator.kind = "na" if not_assessed else ("number" if target_value is not None else "text")
    if indicator.pk is None:
        indicator.save()
    else:
        save_if_unchanged(indicator, expected_version=expected_version,
                          fields=["text", "target_value", "target_unit", "target_text", "kind", "comparator"])
    return indicator


@transaction.atomic
def indicator_delete(*, indicator, by=None):
    if indicator.results.exists():
        raise ValidationError(f"ลบตัวชี้วัด “{indicator.text}” ไม่ได้ เพราะมีการรายงานผลตามตัวชี้วัดนี้แล้ว")
    indicator.delete()
