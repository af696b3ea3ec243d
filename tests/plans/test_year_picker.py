"""Point 7 of issue #10: the year and round picker; copying the plan to next year hides nothing."""

import datetime

import pytest
from django.urls import reverse

from plans.models import ReportingWindow
from projects import year_copy
from projects.year_copy import action_plan_copy
from tests import factories


@pytest.fixture
def copied(world):
    """Year 2567 is reporting (Q2 open); the planner has copied the plan into an empty 2568."""
    world.project_a.code = "67-01"
    world.project_a.save()
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2100, 1, 1))
    world.next_plan = action_plan_copy(source=world.plan, fiscal_year=2568, by=world.planner)
    return world


PAGES = ["reports:dashboard", "plans:my_projects", "budget:disbursements", "plans:board", "projects:list"]


@pytest.mark.parametrize("page", PAGES)
def test_every_home_page_stays_on_the_running_year_after_a_copy(client, copied, page):
    client.force_login(copied.planner)
    response = client.get(reverse(page))
    assert response.status_code == 200
    assert response.context["plan"] == copied.plan
    assert 'name="year"' in response.content.decode()  # the picker


@pytest.mark.parametrize("page", PAGES)
def test_every_page_honours_year(client, copied, page):
    client.force_login(copied.planner)
    response = client.get(reverse(page), {"year": "2568"})
    assert response.context["plan"] == copied.next_plan


@pytest.mark.parametrize("value", ["abc", "99999", "2590", "๒๕๖๗x", "-1", "2567.5"])
@pytest.mark.parametrize("page", PAGES)
def test_bad_year_or_round_falls_back_with_a_thai_message(client, copied, page, value):
    client.force_login(copied.director)
    response = client.get(reverse(page), {"year": value, "round": value})
    assert response.status_code == 200
    assert response.context["plan"] == copied.plan
    shown = [str(m) for m in response.context["messages"]]
    assert shown and all(any("\u0e00" <= ch <= "\u0e7f" for ch in m) for m in shown)


def test_the_dashboard_honours_round(client, copied):
    client.force_login(copied.director)
    response = client.get(reverse("reports:dashboard"), {"year": "2567", "round": "9"})
    assert response.context["rnd"].months == 9
    assert response.context["fig"].round.months == 9


def test_the_board_honours_round(client, copied):
    ReportingWindow.objects.create(action_plan=copied.plan, quarter=1, deadline=datetime.date(2024, 1, 15))
    client.force_login(copied.planner)
    response = client.get(reverse("plans:board"), {"round": "3"})
    assert response.context["window"].quarter == 1


def test_copied_projects_take_the_new_years_code_prefix(copied):
    codes = set(copied.next_plan.projects.values_list("code", flat=True))
    assert "68-01" in codes
    assert copied.project_b.code in codes  # a code without a year stays as it is


def test_code_for_year():
    assert year_copy.code_for_year("67-01", 2567, 2568) == "68-01"
    assert year_copy.code_for_year("2567/3", 2567, 2568) == "2568/3"
    assert year_copy.code_for_year("671", 2567, 2568) == "671"
    assert year_copy.code_for_year("P001", 2567, 2568) == "P001"


def test_a_write_never_lands_in_another_year_than_asked(client, copied):
    client.force_login(copied.planner)
    response = client.post(reverse("plans:window_open") + "?year=2590", {"quarter": "3", "deadline": "15/07/2567"})
    assert response.status_code == 404
    assert not ReportingWindow.objects.filter(quarter=3).exists()


def test_the_default_is_the_latest_year_with_reports_when_no_window_is_open(client, world):
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, state="accepted")
    action_plan_copy(source=world.plan, fiscal_year=2568, by=world.planner)
    client.force_login(world.director)
    assert client.get(reverse("reports:dashboard")).context["plan"] == world.plan
