"""Point 5 of issue #10: one definition of a missed report, the same on the board, the dashboard,
an owner's home and in the reminders (and point 1: nobody chases a completed project)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from plans.models import ReportingWindow
from projects.models import ReportState
from projects.reporting.selectors import reminders_due
from tests import factories

PAST = datetime.date(2000, 1, 15)


def closed_window(plan, quarter, deadline=PAST):
    return ReportingWindow.objects.create(action_plan=plan, quarter=quarter, deadline=deadline,
                                          closed_at=timezone.now())


def test_the_board_counts_missed_reports_of_a_closed_quarter_as_the_dashboard_does(client, world):
    closed_window(world.plan, 2)
    factories.QuarterlyReportFactory(project=world.project_a, quarter=2, state=ReportState.ACCEPTED)
    client.force_login(world.planner)
    board = client.get(reverse("plans:board"), {"quarter": "2"})
    assert board.context["total"].overdue == 1
    dashboard = client.get(reverse("reports:dashboard"))
    missed = [r.project.pk for _, rows in dashboard.context["overdue"] for r in rows]
    assert missed == [world.project_b.pk]


def test_an_owner_sees_a_missed_report_of_a_closed_quarter_as_missed(client, world):
    closed_window(world.plan, 2)
    client.force_login(world.owner_b)
    page = client.get(reverse("plans:my_projects")).content.decode()
    assert "ยังไม่มีไตรมาสที่เปิดรับรายงาน" not in page
    assert "รายงานไตรมาสที่ ๒" in page
    assert "เลยกำหนด" in page


def test_a_project_completed_earlier_is_not_missed_anywhere(client, world):
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, status="completed",
                                     state=ReportState.ACCEPTED)
    closed_window(world.plan, 1)
    closed_window(world.plan, 2)
    client.force_login(world.planner)
    board = client.get(reverse("plans:board"), {"quarter": "2"})
    rows = {row.project.pk: row for g in board.context["groups"] for row in g.rows}
    assert rows[world.project_a.pk].overdue is False
    assert rows[world.project_a.pk].state == "completed_before"
    client.force_login(world.owner_a)
    assert "เลยกำหนด" not in client.get(reverse("plans:my_projects")).content.decode()


def test_reminders_skip_a_project_completed_earlier(world):
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, status="completed",
                                     state=ReportState.ACCEPTED)
    today = datetime.date(2024, 4, 10)
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=today + datetime.timedelta(days=2))
    projects = {r.project.pk for r in reminders_due(today, 3)}
    assert projects == {world.project_b.pk}
