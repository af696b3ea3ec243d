"""M6: two people saving the same unique value at once: the second gets the same Thai validation
message as the check (not a 500 IntegrityError). The race is made by skipping the service's own check,
as happens when both requests pass it before either writes. A form sent twice records money once."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from budget.models import Disbursement
from plans import services as plan_services
from plans.models import Group, ReportingWindow
from projects import services as project_services
from tests import factories
from tests.support.html_forms import the_form


def test_a_project_code_race_is_a_validation_message(world, monkeypatch):
    monkeypatch.setattr(project_services, "_check_project", lambda **kw: None)
    values = {"code": world.project_a.code, "title": "ซ้ำ", "strategy": world.strategy, "group": world.group}
    with pytest.raises(ValidationError) as refused:
        project_services.project_create(action_plan=world.plan, values=values)
    assert "มีอยู่แล้วในแผนนี้" in " ".join(refused.value.messages)


def test_a_project_code_race_on_edit_is_a_validation_message(world, monkeypatch):
    monkeypatch.setattr(project_services, "_check_project", lambda **kw: None)
    with pytest.raises(ValidationError):
        project_services.project_update(project=world.project_b, expected_version=world.project_b.version,
                                        values={"code": world.project_a.code})


def test_a_plan_year_race_is_a_validation_message(world, monkeypatch):
    monkeypatch.setattr(plan_services, "_plan_exists", lambda office, be_year: False)
    with pytest.raises(ValidationError) as refused:
        plan_services.action_plan_create(office=world.office, be_year=world.plan.fiscal_year.be_year,
                                         development_plan=world.plan.development_plan)
    assert "อยู่แล้ว" in " ".join(refused.value.messages)


def test_a_window_race_is_a_validation_message(world, monkeypatch):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=datetime.date(2024, 1, 15))
    monkeypatch.setattr(plan_services, "_window_of", lambda action_plan, quarter: None)
    with pytest.raises(ValidationError):
        plan_services.reporting_window_open(action_plan=world.plan, quarter=1, deadline=datetime.date(2024, 1, 20))


def test_a_group_name_race_is_a_validation_message(world, monkeypatch):
    monkeypatch.setattr(plan_services, "_check_group_unique", lambda **kw: None)
    with pytest.raises(ValidationError):
        plan_services.group_create(office=world.office, name=world.group.name, short_name="x", abbreviation="zz")
    other = Group.objects.create(office=world.office, name="อื่น", short_name="อื่น", abbreviation="ox")
    with pytest.raises(ValidationError):
        plan_services.group_update(group=other, name=world.group.name)


def test_the_same_disbursement_form_sent_twice_records_once(client, world):
    factories.AllocationFactory(project=world.project_a, amount=Decimal("50000"))
    client.force_login(world.finance)
    page = client.get(reverse("budget:project", kwargs={"pk": world.project_a.pk}))
    form = the_form(page, containing="amount")
    data = form.data(date="15/11/2566", amount="1,000")
    url = reverse("budget:disbursement_add", kwargs={"pk": world.project_a.pk})
    assert client.post(url, data).status_code == 302
    second = client.post(url, data, follow=True)
    assert Disbursement.objects.filter(project=world.project_a).count() == 1
    assert "ส่งซ้ำ" in second.content.decode()
    fresh = the_form(client.get(reverse("budget:project", kwargs={"pk": world.project_a.pk})), containing="amount")
    assert client.post(url, fresh.data(date="15/11/2566", amount="1,000")).status_code == 302
    assert Disbursement.objects.filter(project=world.project_a).count() == 2
