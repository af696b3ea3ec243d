"""manage.py create_office (issue #15)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from plans.models import Membership, Office, Role
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def _create(*extra):
    out = io.StringIO()
    call_command(
        "create_office", "--name", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครปฐม เขต 1", "--short-name",
        "สพป.นครปฐม 1", "--planner", "plan.np1", "--first-name", "วิไล", "--last-name", "ตั้งใจ", "--title",
        "นางสาว", *extra, stdout=out,
    )
    return out.getvalue()


def test_it_creates_an_office_whose_planner_signs_in_and_sets_up_the_plan(world):
    output = _create("--standard-groups")
    password = output.split("): ")[-1].strip()
    office = Office.objects.get(short_name="สพป.นครปฐม 1")
    membership = Membership.objects.get(user__username="plan.np1")
    assert (membership.office, membership.role, membership.group.abbreviation) == (office, Role.PLANNER, "กนผ.")
    assert office.groups.count() == 10
    client = Client()
    assert sign_in(client, "plan.np1", password)
    assert client.get(reverse("plans:setup")).url == reverse("password_change")
    new = "ปลูกต้นไม้ให้ร่มเงา1"
    client.post(reverse("password_change"), {"old_password": password, "new_password1": new, "new_password2": new})
    page = client.get(reverse("plans:setup")).content.decode()
    assert "ผู้ดูแลระบบ" not in page
    # The new office sees nothing of the other offices.
    assert client.get(reverse("projects:detail", args=[world.project_a.pk])).status_code == 404


def test_it_refuses_a_taken_name_or_username(world):
    _create()
    with pytest.raises(CommandError, match="มีหน่วยงาน"):
        _create()
    with pytest.raises(CommandError, match="ชื่อผู้ใช้ “planner1” มีผู้ใช้แล้ว"):
        call_command("create_office", "--name", "ใหม่", "--short-name", "ใหม่", "--planner", "planner1",
                     "--first-name", "ก", stdout=io.StringIO())
    assert not Office.objects.filter(name="ใหม่").exists()


def test_the_planner_adds_a_development_plan_then_the_year(client, world):
    client.force_login(world.planner)
    data = {"title": "แผนพัฒนาการศึกษา พ.ศ. 2571–2575", "first_be_year": "2571", "last_be_year": "2570"}
    assert "ปีสุดท้ายต้องไม่ก่อนปีแรก" in client.post(reverse("plans:devplan_create"), data).content.decode()
    data["last_be_year"] = "2575"
    response = client.post(reverse("plans:devplan_create"), data)
    plan = world.office.development_plans.get(first_be_year=2571)
    assert response.url == reverse("plans:devplan_detail", args=[plan.pk])
    assert plan.history.first().history_user == world.planner
    response = client.post(reverse("plans:action_plan_create"), {"be_year": "2571", "development_plan": plan.pk})
    assert response.status_code == 302


def test_a_national_administrator_creates_an_office_on_the_page(client, world):
    out = io.StringIO()
    call_command("national_admin", "nat.admin", stdout=out)
    password = out.getvalue().split(": ")[1].split()[0]
    assert sign_in(client, "nat.admin", password)
    assert client.get(reverse("home")).url == reverse("office:office_new")
    data = {"name": "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสมุทรสาคร", "short_name": "สพม.สมุทรสาคร",
            "standard_groups": "on", "planner_username": "plan.spm", "planner_first_name": "อรุณี"}
    client.post(reverse("office:office_new"), {**data, "planner_username": "planner1"})
    assert not Office.objects.filter(short_name="สพม.สมุทรสาคร").exists()
    assert client.post(reverse("office:office_new"), data).url == reverse("office:office_new")
    page = client.get(reverse("office:office_new")).content.decode()
    temporary = page.split('id="office-created-password">')[1].split("<")[0]
    assert Membership.objects.get(user__username="plan.spm").user.check_password(temporary)
    assert "office-created-password" not in client.get(reverse("office:office_new")).content.decode()
    call_command("national_admin", "nat.admin", "--revoke", stdout=io.StringIO())
    assert client.get(reverse("office:office_new")).status_code == 403
