"""Point 6 of issue #10: more than the allocation only with a reason, and a negative remainder in red."""

from decimal import Decimal

import pytest
from django.urls import reverse

from budget.models import Disbursement
from tests import factories


@pytest.fixture
def funded(world):
    factories.AllocationFactory(project=world.project_a, amount=Decimal("50000"))
    return world.project_a


def add(client, project, **data):
    form = {"date": "15/01/2567", "amount": "80,000", "source": factories.budget_source("office").pk}
    form.update(data)
    return client.post(reverse("budget:disbursement_add", kwargs={"pk": project.pk}), form)


def test_it_refuses_more_than_the_allocation_without_a_reason(client, world, funded):
    client.force_login(world.finance)
    response = add(client, funded)
    assert response.status_code == 200
    body = response.content.decode()
    assert "เกินงบประมาณที่ได้รับจัดสรร" in body
    assert "๓๐,๐๐๐" in body  # how much over, in the office's interface digits (Thai by default)
    assert not Disbursement.objects.exists()


def test_it_records_more_than_the_allocation_with_a_reason_and_shows_the_remainder_in_red(client, world, funded):
    client.force_login(world.finance)
    response = add(client, funded, over_allocation_reason="ได้รับโอนเงินเพิ่มเติมจาก สพฐ. แล้ว")
    assert response.status_code == 302
    disbursement = Disbursement.objects.get()
    assert "ได้รับโอนเงินเพิ่มเติม" in disbursement.history.first().history_change_reason
    page = client.get(reverse("budget:project", kwargs={"pk": funded.pk})).content.decode()
    remaining = page[page.index("คงเหลือ"):]
    remaining = remaining[: remaining.index("</tr>")]
    assert "text-danger" in remaining and "-๓๐,๐๐๐" in remaining
    overview = client.get(reverse("budget:disbursements")).content.decode()
    assert 'class="num text-danger' in overview
