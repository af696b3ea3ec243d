"""The first pages: login in Thai, the project list with its filters, and a project's page."""

import datetime
from decimal import Decimal

import pytest

from projects.models import ProgressStatus
from tests import factories


def test_it_shows_the_login_page_in_thai(client, db):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert "เข้าสู่ระบบ" in response.content.decode()


def test_it_sends_anonymous_users_to_login(client, db):
    response = client.get("/projects/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_logs_in_with_the_form(client, world):
    # An owner lands on "my projects" (issue #3), which names the project they own.
    response = client.post("/accounts/login/", {"username": "owner_a", "password": "demo"}, follow=True)
    assert response.status_code == 200
    assert world.project_a.title in response.content.decode()


def test_it_lists_only_the_projects_of_the_users_office(client, world):
    client.force_login(world.planner)
    page = client.get("/projects/").content.decode()
    assert world.project_a.title in page and world.project_b.title in page
    assert world.other_project.title not in page


def test_it_filters_by_group_strategy_status_and_title(client, world):
    other_group = factories.GroupFactory(office=world.office)
    other_strategy = factories.StrategyFactory(development_plan=world.plan.development_plan)
    third = factories.ProjectFactory(action_plan=world.plan, group=other_group, strategy=other_strategy,
                                     title="ประชุมข้าราชการครู")
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, status=ProgressStatus.COMPLETED,
                                     state="submitted")  # a draft does not count (round_status)
    client.force_login(world.director)

    def titles(query):
        page = client.get(f"/projects/?{query}").content.decode()
        return {p.title for p in (world.project_a, world.project_b, third) if p.title in page}

    assert titles(f"group={other_group.pk}") == {third.title}
    assert titles(f"strategy={world.strategy.pk}") == {world.project_a.title, world.project_b.title}
    assert titles("status=completed") == {world.project_a.title}
    assert titles("status=not_reported") == {world.project_b.title, third.title}
    assert titles("q=ข้าราชการ") == {third.title}


def test_it_shows_a_projects_budget_by_source(client, world):
    factories.AllocationFactory(project=world.project_a, source=factories.budget_source("office"),
                                amount=Decimal("130000"))
    factories.AllocationFactory(project=world.project_a, source=factories.budget_source("obec"),
                                amount=Decimal("30000"))
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("158000"))
    factories.DisbursementFactory(project=world.project_a, amount=Decimal("110840"),
                                  date=datetime.date(2024, 2, 1))
    client.force_login(world.owner_b)
    page = client.get(f"/projects/{world.project_a.pk}/").content.decode()
    assert "งบ สพป." in page and "๑๓๐,๐๐๐.๐๐" in page
    assert "งบ สพฐ." in page and "๓๐,๐๐๐.๐๐" in page
    assert "๑๖๐,๐๐๐.๐๐" in page  # total of both sources
    assert "๑๑๐,๘๔๐.๐๐" in page  # disbursed in Q2


def test_it_says_a_project_without_allocation_uses_no_budget(client, world):
    client.force_login(world.planner)
    assert "ไม่ใช้งบประมาณ" in client.get(f"/projects/{world.project_b.pk}/").content.decode()


def test_it_hides_other_offices_projects(client, world):
    client.force_login(world.other_planner)
    assert client.get(f"/projects/{world.project_a.pk}/").status_code == 404


@pytest.mark.parametrize("count", [10, 40])
def test_it_lists_projects_in_a_fixed_number_of_queries(client, world, django_assert_max_num_queries, count):
    for _ in range(count):
        project = factories.ProjectFactory(action_plan=world.plan, group=world.group, strategy=world.strategy,
                                           owners=[world.owner_a])
        factories.AllocationFactory(project=project)
        factories.QuarterlyReportFactory(project=project, quarter=1)
    client.force_login(world.planner)
    # 12 for the list and its filter's choices, and a fixed number for the inbox's counts in the navigation
    # (reports/inbox.py; tests/reports/test_inbox.py counts them apart).
    with django_assert_max_num_queries(19):
        assert client.get("/projects/").status_code == 200


def test_it_counts_a_project_without_a_report_for_the_open_quarter_as_not_reported(client, world):
    from plans.models import ReportingWindow

    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, status=ProgressStatus.NOT_STARTED)
    factories.QuarterlyReportFactory(project=world.project_b, quarter=2, status=ProgressStatus.IN_PROGRESS,
                                     state="submitted")
    client.force_login(world.planner)
    page = client.get("/projects/?status=not_reported").content.decode()
    assert "สถานะ ไตรมาสที่ ๒" in page
    assert world.project_a.title in page and "ไตรมาสที่ ๑: ยังไม่ได้ดำเนินการ" in page
    assert world.project_b.title not in page
    assert world.project_b.title in client.get("/projects/?status=in_progress").content.decode()
