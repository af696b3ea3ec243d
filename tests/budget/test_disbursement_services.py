import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget.models import Disbursement
from budget.services import disbursement_correct, disbursement_delete, disbursement_record
from tests import factories


@pytest.fixture
def funded(world):
    factories.AllocationFactory(project=world.project_a, amount=Decimal("50000"))
    return world.project_a


def office_source():
    return factories.budget_source("office")


def test_it_records_a_disbursement_with_an_audit_entry(world, funded):
    disbursement = disbursement_record(
        project=funded,
        user=world.finance,
        date=datetime.date(2024, 1, 15),
        amount=Decimal("12500"),
        source=office_source(),
        reference="ขบ 01/2567",
    )
    record = disbursement.history.latest()
    assert record.history_user == world.finance
    assert record.history_change_reason == "บันทึกการเบิกจ่าย"
    assert disbursement.recorded_by == world.finance


@pytest.mark.parametrize("date", [datetime.date(2023, 9, 30), datetime.date(2024, 10, 1)])
def test_it_refuses_a_date_outside_the_plans_fiscal_year(world, funded, date):
    # Fiscal year 2567 runs from 1 Oct 2023 to 30 Sep 2024.
    with pytest.raises(ValidationError) as caught:
        disbursement_record(
            project=funded, user=world.finance, date=date, amount=Decimal("1"), source=office_source()
        )
    assert "ไม่อยู่ในปีงบประมาณ พ.ศ. 2567" in caught.value.message_dict["date"][0]
    assert not Disbursement.objects.exists()


@pytest.mark.parametrize("date", [datetime.date(2023, 10, 1), datetime.date(2024, 9, 30)])
def test_it_accepts_the_first_and_last_day_of_the_fiscal_year(world, funded, date):
    disbursement_record(
        project=funded, user=world.finance, date=date, amount=Decimal("1"), source=office_source()
    )
    assert Disbursement.objects.count() == 1


def test_it_refuses_a_source_the_project_was_not_allocated(world, funded):
    with pytest.raises(ValidationError) as caught:
        disbursement_record(
            project=funded,
            user=world.finance,
            date=datetime.date(2024, 1, 15),
            amount=Decimal("1"),
            source=factories.budget_source("obec"),
        )
    assert "source" in caught.value.message_dict


def test_it_corrects_an_entry_keeping_before_and_after_in_history(world, funded):
    disbursement = disbursement_record(
        project=funded,
        user=world.finance,
        date=datetime.date(2024, 1, 15),
        amount=Decimal("12500"),
        source=office_source(),
    )
    with pytest.raises(ValidationError):
        disbursement_correct(disbursement=disbursement, user=world.finance, reason="", amount=Decimal("1250"),
                             expected_version=disbursement.version)
    disbursement_correct(
        disbursement=disbursement, user=world.finance, reason="พิมพ์เกินหนึ่งหลัก", amount=Decimal("1250"),
        expected_version=disbursement.version,
    )
    latest, previous = disbursement.history.order_by("-history_date")[:2]
    assert latest.history_change_reason == "แก้ไข: พิมพ์เกินหนึ่งหลัก"
    change = latest.diff_against(previous).changes[0]
    assert (change.field, change.old, change.new) == ("amount", Decimal("12500.00"), Decimal("1250"))


def test_it_deletes_an_entry_and_the_history_keeps_it(world, funded):
    disbursement = disbursement_record(
        project=funded,
        user=world.finance,
        date=datetime.date(2024, 1, 15),
        amount=Decimal("100"),
        source=office_source(),
    )
    pk = disbursement.pk
    disbursement_delete(disbursement=disbursement, user=world.planner, reason="บันทึกซ้ำ")
    assert not Disbursement.objects.filter(pk=pk).exists()
    record = Disbursement.history.filter(id=pk).latest()
    assert (record.history_type, record.history_change_reason, record.history_user) == (
        "-",
        "ลบ: บันทึกซ้ำ",
        world.planner,
    )
