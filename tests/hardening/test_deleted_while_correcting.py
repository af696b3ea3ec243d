"""M5: a correction that arrives after the entry was deleted is refused in Thai; the deleted
disbursement does not come back (save() on a vanished row used to insert it again)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget.models import Disbursement
from budget.services import disbursement_correct, disbursement_delete
from tests import factories


@pytest.fixture
def entry(world):
    factories.AllocationFactory(project=world.project_a)
    return factories.DisbursementFactory(project=world.project_a, source=factories.budget_source("office"),
                                         date=datetime.date(2023, 11, 15))


def test_a_correction_of_a_deleted_entry_is_refused_and_does_not_bring_it_back(world, entry):
    pk = entry.pk
    opened = Disbursement.objects.get(pk=entry.pk)  # finance opened the correction form
    disbursement_delete(disbursement=entry, user=world.planner, reason="ซ้ำ")
    with pytest.raises(ValidationError) as refused:
        disbursement_correct(disbursement=opened, user=world.finance, reason="แก้จำนวน",
                             expected_version=opened.version, amount=Decimal("2000"))
    assert "ถูกลบไปแล้ว" in " ".join(refused.value.messages)
    assert not Disbursement.objects.filter(pk=pk).exists()


def test_deleting_an_entry_twice_is_refused_the_second_time(world, entry):
    pk = entry.pk
    opened = Disbursement.objects.get(pk=entry.pk)
    disbursement_delete(disbursement=entry, user=world.planner, reason="ซ้ำ")
    with pytest.raises(ValidationError):
        disbursement_delete(disbursement=opened, user=world.finance, reason="ซ้ำ")
    assert Disbursement.history.filter(id=pk, history_type="-").count() == 1
