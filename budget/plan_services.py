"""Writes about a project's planned money: allocations by source and the quarterly spending plan."""

import hashlib
from decimal import Decimal
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import transaction

from budget.models import Allocation, SpendingPlan
from plans.concurrency import StaleEdit
from plans.thai_formats import format_money

ZERO = Decimal("0")


def money_version(project):
    """A fingerprint of the project's stored allocations and spending plan (read fresh from the database):
    the money form sends back the one it was rendered with, so an older tab cannot revert a newer save."""
    lines = [
        *(f"a{source}:{amount}" for source, amount in
          Allocation.objects.filter(project_id=project.pk).order_by("source_id").values_list("source_id", "amount")),
        *(f"q{quarter}:{amount}" for quarter, amount in
          SpendingPlan.objects.filter(project_id=project.pk).order_by("quarter").values_list("quarter", "amount")),
    ]
    return hashlib.sha256("|".join(lines).encode()).hexdigest()[:20]


def _money_lines(project):
    allocated = {a.source.name: format_money(a.amount) for a in Allocation.objects.filter(project_id=project.pk)
                 .select_related("source")}
    planned = {f"ไตรมาสที่ {p.quarter}": format_money(p.amount)
               for p in SpendingPlan.objects.filter(project_id=project.pk)}
    return {**allocated, **planned}


@transaction.atomic
def project_money_set(*, project, allocations, spending, expected_version=None, by=None):
    """Replace the project's allocations ({BudgetSource: amount or None}) and spending plan
    ({quarter: amount or None}). None or 0 removes the line.

    The spending plan may not exceed what the project was allocated: both totals are named in the
    message so the planner sees which side to fix.
    """
    type(project).objects.select_for_update().filter(pk=project.pk).first()  # one money save at a time
    if expected_version is not None:
        current = money_version(project)
        if current != expected_version:
            stored = _money_lines(project)
            raise StaleEdit(SimpleNamespace(version=current),
                            {name: (value, "") for name, value in stored.items()})
    allocated = sum((amount or ZERO for amount in allocations.values()), ZERO)
    planned = sum((amount or ZERO for amount in spending.values()), ZERO)
    if planned > allocated:
        raise ValidationError(
            f"แผนการใช้จ่ายรวม {format_money(planned)} บาท เกินงบประมาณที่ได้รับจัดสรรรวม "
            f"{format_money(allocated)} บาท กรุณาลดแผนการใช้จ่ายหรือเพิ่มงบประมาณที่ได้รับจัดสรร"
        )
    for source, amount in allocations.items():
        if amount:
            Allocation.objects.update_or_create(project=project, source=source, defaults={"amount": amount})
        else:
            Allocation.objects.filter(project=project, source=source).delete()
    for quarter, amount in spending.items():
        if amount:
            SpendingPlan.objects.update_or_create(
                project=project, quarter=quarter, defaults={"amount": amount}
            )
        else:
            SpendingPlan.objects.filter(project=project, quarter=quarter).delete()
