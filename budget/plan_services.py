"""Writes about a project's planned money: allocations by source and the quarterly spending plan."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from budget.models import Allocation, SpendingPlan
from plans.thai_formats import format_money

ZERO = Decimal("0")


@transaction.atomic
def project_money_set(*, project, allocations, spending, by=None):
    """Replace the project's allocations ({BudgetSource: amount or None}) and spending plan
    ({quarter: amount or None}). None or 0 removes the line.

    The spending plan may not exceed what the project was allocated: both totals are named in the
    message so the planner sees which side to fix.
    """
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
