"""Point 1 of issue #10: a project completed in an earlier quarter stays completed in later rounds."""

import datetime

from django.urls import reverse

from plans.models import ReportingWindow, Role
from reports.figures import Round, booklet_figures
from tests import factories as f


def rows_by_code(fig):
    return {r.project.code: r for r in fig.rows}


def test_it_carries_a_completed_status_into_later_rounds(small):
    # A completed in Q2; nothing reported for Q3 or Q4.
    for months in (9, 12):
        fig = booklet_figures(small.plan, Round(2567, months))
        a = rows_by_code(fig)["A"]
        assert a.status == "completed"
        assert [b.quarter for b in a.printed_blocks] == [1, 2]
        assert fig.status.counts["completed"] == 1


def test_it_does_not_carry_an_in_progress_status(small):
    fig = booklet_figures(small.plan, Round(2567, 9))
    assert rows_by_code(fig)["F"].status == "not_reported"


def test_a_new_report_replaces_the_carried_status(small):
    f.QuarterlyReportFactory(project=small.a, quarter=3, status="in_progress", state="submitted")
    fig = booklet_figures(small.plan, Round(2567, 9))
    assert rows_by_code(fig)["A"].status == "in_progress"


def test_nobody_chases_a_completed_project_on_the_dashboard(small, client):
    ReportingWindow.objects.create(action_plan=small.plan, quarter=3, deadline=datetime.date(2024, 7, 15))
    director = f.UserFactory(username="boss")
    f.MembershipFactory(user=director, office=small.office, role=Role.DIRECTOR)
    client.force_login(director)
    response = client.get(reverse("reports:dashboard"))
    fig = response.context["fig"]
    assert fig.round.months == 9
    assert fig.status.counts["completed"] == 1
    overdue = {w.quarter: [r.project.code for r in rows] for w, rows in response.context["overdue"]}
    assert "A" not in overdue[3]
    assert set(overdue[3]) == {"B", "C", "D", "F"}
