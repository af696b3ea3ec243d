"""List pages and the reporting board run the same number of SQL queries for 10 and for 100 projects."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import ReportingWindow
from projects.models import ReportState
from tests import factories

PAGES = [
    ("planner", "projects:list"),
    ("planner", "plans:board"),
    ("owner_a", "plans:my_projects"),
]


def _add_projects(world, how_many):
    """Projects owned by owner A, in two groups, each with a report, owners and an allocation."""
    other_group = factories.GroupFactory(office=world.office)
    for n in range(how_many):
        project = factories.ProjectFactory(
            action_plan=world.plan,
            strategy=world.strategy,
            group=world.group if n % 2 else other_group,
            owners=[world.owner_a, world.owner_b],
        )
        factories.QuarterlyReportFactory(project=project, quarter=1, state=ReportState.SUBMITTED)
        factories.AllocationFactory(project=project)


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("user", "url_name"), PAGES)
def test_it_runs_as_many_queries_for_100_projects_as_for_10(
    client, world, django_assert_num_queries, user, url_name
):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=datetime.date(2099, 1, 1))
    client.force_login(getattr(world, user))
    url = reverse(url_name)
    _add_projects(world, 10)
    with_10 = _queries(client, url)
    _add_projects(world, 90)
    with django_assert_num_queries(with_10):
        response = client.get(url)
    # The page did show all of them (owner A owns the 100 added, not project B).
    assert response.content.decode().count("/projects/") >= 100
