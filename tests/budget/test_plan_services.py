from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget.models import Allocation, SpendingPlan
from budget.plan_services import project_money_set
from plans.thai_formats import format_money
from tests import factories


def test_it_saves_allocations_and_the_spending_plan(world):
    office, obec = factories.budget_source("office"), factories.budget_source("obec")
    project_money_set(
        project=world.project_a,
        allocations={office: Decimal("30000"), obec: Decimal("20000")},
        spending={1: Decimal("10000"), 2: Decimal("40000"), 3: None, 4: None},
    )
    assert sum(a.amount for a in world.project_a.allocations.all()) == Decimal("50000")
    assert {s.quarter: s.amount for s in world.project_a.spending_plan.all()} == {
        1: Decimal("10000"),
        2: Decimal("40000"),
    }


def test_it_refuses_a_spending_plan_above_the_allocation_naming_both_totals(world):
    office = factories.budget_source("office")
    with pytest.raises(ValidationError) as refused:
        project_money_set(
            project=world.project_a,
            allocations={office: Decimal("30000")},
            spending={1: Decimal("20000"), 2: Decimal("15000")},
        )
    message = refused.value.messages[0]
    assert format_money(Decimal("35000")) in message
    assert format_money(Decimal("30000")) in message
    assert not Allocation.objects.filter(project=world.project_a).exists()
    assert not SpendingPlan.objects.filter(project=world.project_a).exists()


def test_it_removes_a_line_left_blank(world):
    office = factories.budget_source("office")
    factories.AllocationFactory(project=world.project_a, source=office)
    factories.SpendingPlanFactory(project=world.project_a, quarter=1)
    project_money_set(project=world.project_a, allocations={office: None}, spending={1: None})
    assert not world.project_a.allocations.exists()
    assert not world.project_a.spending_plan.exists()
