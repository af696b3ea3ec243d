import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories


def add_projects(world, count):
    for _ in range(count):
        project = factories.ProjectFactory(action_plan=world.plan, group=world.group, strategy=world.strategy)
        factories.AllocationFactory(project=project, amount=Decimal("1000"))
        factories.SpendingPlanFactory(project=project, quarter=1, amount=Decimal("600"))
        factories.DisbursementFactory(
            project=project, date=datetime.date(2023, 11, 15), amount=Decimal("250")
        )
        factories.QuarterlyReportFactory(project=project, quarter=1, spent_amount=Decimal("300"))


def page_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("budget:disbursements"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_it_sums_each_quarter_across_projects(client, world):
    add_projects(world, 3)
    client.force_login(world.finance)
    _, body = page_queries(client)
    # 3 projects: planned 3 × 600 = 1,800 and disbursed 3 × 250 = 750 in Q1; allocated 3 × 1,000.
    assert "๑,๘๐๐" in body and "๗๕๐" in body and "๓,๐๐๐" in body


def test_it_runs_the_same_number_of_queries_for_10_and_100_projects(client, world):
    client.force_login(world.finance)
    add_projects(world, 10)
    with_10, _ = page_queries(client)
    add_projects(world, 90)
    with_100, _ = page_queries(client)
    assert with_10 == with_100
