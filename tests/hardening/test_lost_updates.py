"""M4: no lost update on money or plan rows. Two people open the same form; the one who saves
second, from the older page, is refused in Thai and nothing of the first one's save is reverted."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from budget.models import Allocation
from tests import factories
from tests.support.html_forms import the_form

STALE = "ถูกแก้ไขโดยผู้อื่น"


def _open(client, user, url, containing=None):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return the_form(response, containing=containing)


def _race(client, url, first, second, field, first_value, second_value, containing=None):
    """`first` and `second` open the page; `first` saves; `second` saves from the older page."""
    older = _open(client, second, url, containing)
    newer = _open(client, first, url, containing)
    assert client.post(url, newer.data(**{field: first_value})).status_code == 302
    client.force_login(second)
    return client.post(url, older.data(**{field: second_value}))


def test_a_disbursement_correction_from_an_older_form_is_refused(client, world):
    factories.AllocationFactory(project=world.project_a, amount=Decimal("100000"))
    disbursement = factories.DisbursementFactory(
        project=world.project_a, source=factories.budget_source("office"), date=datetime.date(2023, 11, 15)
    )
    url = reverse("budget:disbursement_edit", kwargs={"pk": disbursement.pk})
    older = _open(client, world.planner, url, "amount")
    newer = _open(client, world.finance, url, "amount")
    assert client.post(url, newer.data(amount="5,000", reason="พิมพ์ผิด")).status_code == 302
    client.force_login(world.planner)
    response = client.post(url, older.data(note="ตรวจแล้ว", reason="เพิ่มหมายเหตุ"))
    assert response.status_code == 200
    assert STALE in response.content.decode()
    disbursement.refresh_from_db()
    assert disbursement.amount == Decimal("5000")
    assert disbursement.note == ""


def test_an_activity_budget_from_an_older_form_is_refused(client, world):
    activity = factories.ActivityFactory(project=world.project_a, budget_note=Decimal("1000"))
    url = reverse("projects:activity_edit", kwargs={"pk": world.project_a.pk, "activity_pk": activity.pk})
    response = _race(client, url, world.planner, world.owner_a, "budget_note", "50,000", "1,500", "title")
    assert response.status_code == 200
    assert STALE in response.content.decode()
    activity.refresh_from_db()
    assert activity.budget_note == Decimal("50000")


def test_an_indicator_target_from_an_older_form_is_refused(client, world):
    indicator = factories.IndicatorFactory(project=world.project_a, target_value=Decimal("80"), target_unit="ร้อยละ")
    url = reverse("projects:indicator_edit", kwargs={"pk": world.project_a.pk, "indicator_pk": indicator.pk})
    response = _race(client, url, world.planner, world.owner_a, "target_value", "95", "70", "text")
    assert response.status_code == 200
    assert STALE in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.target_value == Decimal("95")


def test_an_allocation_from_an_older_tab_is_refused(client, world):
    office = factories.budget_source("office")
    Allocation.objects.create(project=world.project_a, source=office, amount=Decimal("20000"))
    url = reverse("projects:money", kwargs={"pk": world.project_a.pk})
    field = f"source_{office.pk}"
    client.force_login(world.planner)
    older = the_form(client.get(url), containing=field)
    assert client.post(url, older.data(**{field: "200,000"})).status_code == 302
    response = client.post(url, older.data(**{field: "20,000"}))
    assert response.status_code == 200
    assert STALE in response.content.decode()
    assert Allocation.objects.get(project=world.project_a, source=office).amount == Decimal("200000")


@pytest.mark.parametrize("again", [True])
def test_saving_again_after_seeing_the_conflict_keeps_the_users_input(client, world, again):
    activity = factories.ActivityFactory(project=world.project_a, budget_note=Decimal("1000"))
    url = reverse("projects:activity_edit", kwargs={"pk": world.project_a.pk, "activity_pk": activity.pk})
    response = _race(client, url, world.planner, world.owner_a, "budget_note", "50,000", "1,500", "title")
    retry = the_form(response, containing="title")
    assert client.post(url, retry.data()).status_code == 302
    activity.refresh_from_db()
    assert activity.budget_note == Decimal("1500")
