"""Writing a checked plan workbook, all or nothing, inside one transaction with the plan locked."""

from __future__ import annotations

from django.db import DatabaseError, transaction
from simple_history.utils import bulk_create_with_history

from budget.models import Allocation, SpendingPlan
from plans.models import ActionPlan
from projects.models import Activity, Indicator, Project
from projects.workbooks import cells as cells
from projects.workbooks import plan_workbook as layout
from projects.workbooks.cells import Problem
from projects.workbooks.plan_import.changes import (
    PlanCheck,
    PlanImportInvalid,
    PreviewOutdated,
)
from projects.workbooks.plan_import.check import check_plan_import


def plan_import_apply(
    *, action_plan: ActionPlan, file_name: str, data: bytes, user, expected_fingerprint: str | None = None
) -> PlanCheck:
    """Check the file again against the plan as it is now and write it, all or nothing.

    Raises PlanImportInvalid (nothing written) when the file has errors, and PreviewOutdated when
    `expected_fingerprint` (of the preview the user saw) no longer matches what would be written.
    """
    try:
        with transaction.atomic():
            # Locking the plan row serialises imports into one plan.
            ActionPlan.objects.select_for_update().get(pk=action_plan.pk)
            check = check_plan_import(action_plan=action_plan, file_name=file_name, data=data, lock=True)
            if not check.ok:
                raise PlanImportInvalid(check)
            if expected_fingerprint is not None and expected_fingerprint != check.fingerprint:
                raise PreviewOutdated(check)
            _write(check, action_plan, user)
    except DatabaseError:
        failed = PlanCheck(problems=[Problem("บันทึกข้อมูลไม่สำเร็จ ระบบยังไม่ได้บันทึกข้อมูลใด กรุณาลองใหม่อีกครั้ง")])
        raise PlanImportInvalid(failed) from None
    return check


def _write(check, action_plan, user):
    by_sheet = {name: {"create": [], "update": []} for name in layout.SHEETS}
    for change in check.changes:
        if change.action != "same":
            by_sheet[change.sheet][change.action].append(change)

    # Changed rows are saved one by one so that each leaves an audit entry with the user.
    for sheet in by_sheet.values():
        for change in sheet["update"]:
            instance = change.instance
            for f in change.update_fields:
                setattr(instance, f, change.new_values[f])
            if change.owners is not None:
                instance.owners.set(change.owners)
                # Owners are not a field the history tracks: the project's entry says who changed them.
                owners = next(f for f in change.fields if f.label == layout.OWNERS.header)
                instance._change_reason = f"{owners.label}: {owners.old_shown} → {owners.new_shown}"[:100]
            if change.alignment is not None:
                instance.alignment.set(change.alignment)
                aligned = next(f for f in change.fields if f.label == layout.ALIGNMENT.header)
                reason = f"{aligned.label}: {aligned.old_shown} → {aligned.new_shown}"
                previous = getattr(instance, "_change_reason", "")
                instance._change_reason = (f"{previous}; {reason}" if previous else reason)[:100]
            if change.update_fields or change.owners is not None or change.alignment is not None:
                instance._history_user = user
                fields = list(change.update_fields)
                if isinstance(instance, Project):
                    instance.version += 1
                    fields.append("version")
                instance.save(update_fields=fields)

    new_projects = [c.instance for c in by_sheet[layout.PROJECTS]["create"]]
    bulk_create_with_history(new_projects, Project, batch_size=500, default_user=user)
    projects = {p.code: p for p in Project.objects.filter(action_plan=action_plan)}
    through = Project.owners.through
    through.objects.bulk_create(
        [
            through(project_id=projects[c.code].pk, user_id=owner.pk)
            for c in by_sheet[layout.PROJECTS]["create"]
            for owner in c.owners
        ]
    )
    aligned = Project.alignment.through
    aligned.objects.bulk_create(
        [
            aligned(project_id=projects[c.code].pk, alignmentitem_id=item.pk)
            for c in by_sheet[layout.PROJECTS]["create"]
            for item in c.alignment or []
        ]
    )

    activity_creates = by_sheet[layout.ACTIVITIES]["create"]
    for main_first in (True, False):
        batch = [c for c in activity_creates if (c.parent_key is None) == main_first]
        if not batch:
            continue
        parents = _activity_keys(projects) if not main_first else {}
        for change in batch:
            change.instance.project = projects[change.code]
            if change.parent_key is not None:
                change.instance.parent = parents[change.parent_key]
        bulk_create_with_history([c.instance for c in batch], Activity, batch_size=500, default_user=user)

    for sheet, model in (
        (layout.INDICATORS, Indicator),
        (layout.ALLOCATIONS, Allocation),
        (layout.SPENDING, SpendingPlan),
    ):
        batch = by_sheet[sheet]["create"]
        for change in batch:
            change.instance.project = projects[change.code]
        bulk_create_with_history([c.instance for c in batch], model, batch_size=500, default_user=user)


def _activity_keys(projects):
    by_pk = {p.pk: p.code for p in projects.values()}
    activities = Activity.objects.filter(project__in=list(projects.values()), parent__isnull=True)
    keys = {}
    grouped = {}
    for activity in activities.order_by("display_order", "pk"):
        grouped.setdefault(activity.project_id, []).append(activity)
    for project_id, mains in grouped.items():
        for position, activity in enumerate(mains, start=1):
            keys[(by_pk[project_id], (position, None))] = activity
    return keys
