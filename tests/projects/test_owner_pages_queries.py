"""The owner's home (โครงการของฉัน) and the quarterly report form, the pages an owner opens most (issue #12,
point 9): each reads in a fixed number of queries however many projects the owner has, the office's plans
are read once a page (the year picker and the navigation's inbox both ask which plan is running), and the
plan's reporting windows once."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import ReportingWindow
from projects.models import Project, YearEndReport
from tests import factories

# session, user, membership, the office's plans, their windows, the owner's projects with their year-end
# reports and their quarterly reports, the user's and the groups' permissions (the navigation's
# "สร้างหน่วยงาน").
HOME_QUERIES = 9
# session, user, membership; the project, its activities, indicators, allocations with their sources,
# spending plan, disbursements, reports and owners; the report, the window, the previous report with its
# activity and indicator rows; the office's plans, their windows, the inbox's owned projects and their
# reports; the user's and the groups' permissions.
FORM_QUERIES = 22


@pytest.fixture
def owner(world):
    """Owner A with a closed Q1 window (reported) and an open Q2 window, and money for project A."""
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=datetime.date(2000, 1, 15),
                                   closed_at=datetime.datetime(2000, 1, 20, tzinfo=datetime.UTC))
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2099, 4, 15))
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, state="accepted")
    factories.AllocationFactory(project=world.project_a)  # the report form shows the money with its source
    factories.SpendingPlanFactory(project=world.project_a, quarter=2)
    return world


def more_projects(world, n):
    for _ in range(n):
        project = factories.ProjectFactory(action_plan=world.plan, group=world.group, strategy=world.strategy,
                                           owners=[world.owner_a])
        factories.QuarterlyReportFactory(project=project, quarter=1, state="submitted")
        factories.ActivityFactory(project=project)


def read(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries], response.content.decode()


def from_table(queries, table):
    return [sql for sql in queries if f'FROM "{table}"' in sql]


def test_the_owner_home_reads_in_a_fixed_number_of_queries(client, owner):
    client.force_login(owner.owner_a)
    url = reverse("plans:my_projects")
    few, page = read(client, url)
    assert 'data-count="my_projects"' in page and 'id="inbox"' in page  # the navigation's count and the panel
    more_projects(owner, 5)
    many, page = read(client, url)
    assert all(project.title in page for project in Project.objects.filter(owners=owner.owner_a))
    assert len(few) == len(many) == HOME_QUERIES, "\n".join(many)


def test_the_owner_home_shows_a_year_end_report_read_with_its_project(client, owner):
    """No Q4 window yet: the year-end row is shown only for the project that has a year-end report."""
    client.force_login(owner.owner_a)
    url = reverse("plans:my_projects")
    more_projects(owner, 2)
    before, page = read(client, url)
    assert "year-end-due" not in page
    YearEndReport.objects.create(project=owner.project_a, state="submitted")
    after, page = read(client, url)
    assert page.count("year-end-due") == 1 and "เปิดรายงานสิ้นสุดโครงการ" in page
    assert len(before) == len(after) == HOME_QUERIES


def test_the_owner_home_reads_the_plans_and_their_windows_once(client, owner):
    client.force_login(owner.owner_a)
    queries, _ = read(client, reverse("plans:my_projects"))
    assert len(from_table(queries, "plans_actionplan")) == 1
    assert len(from_table(queries, "plans_reportingwindow")) == 1


def test_the_report_form_reads_in_a_fixed_number_of_queries(client, owner):
    client.force_login(owner.owner_a)
    url = reverse("reporting:report", kwargs={"pk": owner.project_a.pk, "quarter": 2})
    few, page = read(client, url)
    assert 'id="report-form"' in page and 'data-count="my_projects"' in page
    more_projects(owner, 5)
    many, _ = read(client, url)
    assert len(few) == len(many) == FORM_QUERIES, "\n".join(many)
    assert len(from_table(many, "plans_actionplan")) == 1
