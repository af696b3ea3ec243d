import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from budget.models import Disbursement
from tests import factories


@pytest.fixture
def funded(world):
    factories.AllocationFactory(project=world.project_a, amount=Decimal("50000"))
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("20000"))
    return world.project_a


def add(client, project, **data):
    form = {
        "date": "15/01/2567",
        "amount": "12,500",
        "source": factories.budget_source("office").pk,
        "reference": "ขบ 01",
    }
    form.update(data)
    return client.post(reverse("budget:disbursement_add", kwargs={"pk": project.pk}), form)


def test_it_records_a_be_date_and_thai_digit_money(client, world, funded):
    client.force_login(world.finance)
    response = add(client, funded, date="31/03/2567", amount="๑๒,๕๐๐")
    assert response.status_code == 302
    disbursement = Disbursement.objects.get()
    assert disbursement.date == datetime.date(2024, 3, 31)
    assert disbursement.amount == Decimal("12500")


def test_it_says_in_thai_what_to_fix(client, world, funded):
    client.force_login(world.finance)
    response = add(client, funded, date="31/03/2568", amount="0")
    body = response.content.decode()
    assert "ไม่อยู่ในปีงบประมาณ พ.ศ. ๒๕๖๗" in body
    assert "มากกว่า ๐ บาท" in body
    assert not Disbursement.objects.exists()


def test_it_shows_the_quarter_sum_beside_the_plan(client, world, funded):
    client.force_login(world.finance)
    add(client, funded, date="15/01/2567", amount="12,500")
    add(client, funded, date="20/02/2567", amount="2,500")
    body = client.get(reverse("budget:project", kwargs={"pk": funded.pk})).content.decode()
    # Q2 (Jan-Mar): planned 20,000; disbursed 12,500 + 2,500 = 15,000.
    assert "๒๐,๐๐๐.๐๐" in body and "๑๕,๐๐๐.๐๐" in body


def test_it_forbids_directors_and_owners_to_record(client, world, funded):
    for user in (world.director, world.owner_a):
        client.force_login(user)
        assert add(client, funded).status_code == 403
    assert not Disbursement.objects.exists()


def test_it_corrects_an_entry_with_a_reason_shown_in_history(client, world, funded):
    client.force_login(world.finance)
    add(client, funded, amount="12,500")
    disbursement = Disbursement.objects.get()
    edit = reverse("budget:disbursement_edit", kwargs={"pk": disbursement.pk})
    form = {"date": "15/01/2567", "amount": "1,250", "source": disbursement.source_id, "reference": "ขบ 01",
            "version": disbursement.version}
    response = client.post(edit, form)
    assert response.status_code == 200  # no reason given: nothing changes
    disbursement.refresh_from_db()
    assert disbursement.amount == Decimal("12500")
    assert client.post(edit, {**form, "reason": "พิมพ์เกิน"}).status_code == 302
    disbursement.refresh_from_db()
    assert disbursement.amount == Decimal("1250")
    body = client.get(reverse("reporting:history", kwargs={"pk": funded.pk})).content.decode()
    assert "แก้ไข: พิมพ์เกิน" in body and "๑๒,๕๐๐.๐๐" in body and "๑,๒๕๐.๐๐" in body


def test_it_deletes_with_a_reason_only(client, world, funded):
    client.force_login(world.finance)
    add(client, funded)
    disbursement = Disbursement.objects.get()
    delete = reverse("budget:disbursement_delete", kwargs={"pk": disbursement.pk})
    client.post(delete, {"reason": ""})
    assert Disbursement.objects.exists()
    client.post(delete, {"reason": "ซ้ำ"})
    assert not Disbursement.objects.exists()


def test_it_names_each_missing_field_in_thai(client, world, funded):
    client.force_login(world.finance)
    body = add(client, funded, date="", amount="", source="").content.decode()
    assert "กรุณากรอกวันที่เบิกจ่าย" in body
    assert "กรุณากรอกจำนวนเงินที่เบิกจ่าย" in body
    assert "กรุณาเลือกแหล่งงบประมาณ" in body
