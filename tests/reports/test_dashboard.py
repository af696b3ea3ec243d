"""The directors' dashboard: the figures of the latest round opened for reporting, and who is late."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import ReportingWindow, Role
from tests import factories as f


def director_of(office):
    user = f.UserFactory(username="boss")
    f.MembershipFactory(user=user, office=office, role=Role.DIRECTOR)
    return user


def open_q2(small, deadline=datetime.date(2024, 4, 15)):
    ReportingWindow.objects.create(action_plan=small.plan, quarter=2, deadline=deadline)


def test_it_shows_the_status_counts_of_the_latest_opened_round(small, client):
    open_q2(small)
    client.force_login(director_of(small.office))
    response = client.get(reverse("reports:dashboard"))
    fig = response.context["fig"]
    assert fig.round.months == 6
    assert fig.status.counts == {"completed": 1, "in_progress": 1, "not_started": 1, "not_reported": 2}
    html = response.content.decode()
    assert "๒๘.๑๓" in html  # disbursed 9,000 of 32,000 allocated, half-up


def test_it_lists_overdue_reports_after_the_deadline(small, client):
    open_q2(small)
    client.force_login(director_of(small.office))
    overdue = client.get(reverse("reports:dashboard")).context["overdue"]
    # B has only Q1; D only a draft; F's was returned for fixing and not sent again. A and C handed in Q2.
    assert [(window.quarter, [r.project.code for r in rows]) for window, rows in overdue] == [(2, ["B", "D", "F"])]


def test_it_lists_nothing_overdue_before_the_deadline(small, client):
    open_q2(small, deadline=datetime.date.today() + datetime.timedelta(days=7))
    client.force_login(director_of(small.office))
    assert client.get(reverse("reports:dashboard")).context["overdue"] == []


def test_it_reads_a_fixed_number_of_queries_whatever_the_number_of_projects(small, client):
    open_q2(small)
    client.force_login(director_of(small.office))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("reports:dashboard"))
        return len(ctx)

    before = count()
    for _ in range(4):
        p = f.ProjectFactory(action_plan=small.plan, group=small.g2, strategy=small.s2)
        f.AllocationFactory(project=p)
        f.QuarterlyReportFactory(project=p, quarter=2, state="submitted")
    assert count() == before


def test_its_summary_figures_are_the_booklets_figures(small):
    """The summary figures (detail=False, the booklet preview's; the dashboard's own are compared in
    test_dashboard_summary.py) load only what the summaries need; every figure is the booklet's."""
    from reports.figures import Round, booklet_figures

    rnd = Round(small.plan.fiscal_year.be_year, 6)
    full = booklet_figures(small.plan, rnd)
    summary = booklet_figures(small.plan, rnd, detail=False)
    assert summary.status.counts == full.status.counts
    assert summary.money == full.money
    assert [r.project.pk for r in summary.rows] == [r.project.pk for r in full.rows]
    for a, b in zip(summary.rows, full.rows, strict=True):
        assert (a.status, a.allocated, a.planned, a.disbursed, a.spent) == (b.status, b.allocated, b.planned,
                                                                          b.disbursed, b.spent)
        assert [r.quarter for r in a.reports] == [r.quarter for r in b.reports]
    for g, h in zip(summary.groups, full.groups, strict=True):
        assert (g.count, g.allocated, g.disbursed, g.disbursed_percent, g.spent, g.status.counts) == \
            (h.count, h.allocated, h.disbursed, h.disbursed_percent, h.spent, h.status.counts)
    assert summary.totals.allocated == full.totals.allocated and summary.totals.spent == full.totals.spent
