"""The dashboard's figures come from sums and light rows (reports/figures/summary.py, issue #12): every figure
it shows equals the whole booklet's, and the money it reads does not grow with the projects."""

import datetime
import random
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import ReportingWindow, Role
from reports.figures import Round, booklet_figures, overdue_reports
from reports.figures.summary import dashboard_figures, overdue_of
from tests import factories as f

TODAY = datetime.date(2024, 10, 20)  # after every deadline of FY2567


def assert_same_figures(plan, rnd, today=TODAY):
    full = booklet_figures(plan, rnd)
    fig = dashboard_figures(plan, rnd)
    assert (fig.status.counts, fig.status.total) == (full.status.counts, full.status.total)
    assert [row.project.id for row in fig.rows] == [row.project.pk for row in full.rows]
    assert [row.status for row in fig.rows] == [row.status for row in full.rows]
    m, n = fig.money, full.money
    assert m.points == n.points
    assert (m.allocated, m.remaining, m.remaining_percent, m.disbursed_of_allocated, m.annual_planned,
            m.target_percent, m.target_amount, m.gap_to_target) == \
        (n.allocated, n.remaining, n.remaining_percent, n.disbursed_of_allocated, n.annual_planned,
         n.target_percent, n.target_amount, n.gap_to_target)
    for line, whole in ((m.quarter, n.quarter), (m.cumulative, n.cumulative)):
        assert (line.planned, line.disbursed, line.disbursed_percent) == \
            (whole.planned, whole.disbursed, whole.disbursed_percent)
    assert m.quarter.over_plan is None and m.cumulative.over_plan is None  # not worked out, not shown

    def line(g):
        return (g.group, g.label, g.count, g.allocated, g.disbursed, g.disbursed_percent, g.remaining,
                g.remaining_percent, g.status.counts)

    assert [line(g) for g in fig.groups] == [line(g) for g in full.groups]
    assert line(fig.totals) == line(full.totals)
    overdue = overdue_of(fig, today)
    assert [(w, [r.project for r in rows]) for w, rows in overdue] == \
        [(w, [r.project for r in rows]) for w, rows in overdue_reports(plan, full.rows, today)]
    return fig, overdue


def test_the_small_rounds_figures_are_the_booklets(small):
    for quarter in (1, 2):
        ReportingWindow.objects.create(action_plan=small.plan, quarter=quarter,
                                       deadline=datetime.date(2024, 1 + 3 * quarter, 15))
    for months in (3, 6, 9, 12):
        assert_same_figures(small.plan, Round(2567, months))
    # Disbursements known up to an earlier date than the round's end (A's 5,000 of 10 Feb is left out).
    fig, overdue = assert_same_figures(small.plan, Round(2567, 6, as_of=datetime.date(2024, 1, 31)))
    assert fig.money.cumulative.disbursed == D("4000")
    assert [(w.quarter, [r.project.code for r in rows]) for w, rows in overdue] == \
        [(1, ["C", "D"]), (2, ["B", "D", "F"])]


@pytest.fixture
def office_of_many(db):
    """N projects in four groups, with every kind of money and report the figures read, drawn at random."""
    rng = random.Random(12)
    plan = f.ActionPlanFactory()
    groups = [f.GroupFactory(office=plan.office, display_order=n % 3) for n in range(4)]
    strategies = [f.StrategyFactory(development_plan=plan.development_plan, number=n) for n in (1, 2)]
    sources = [f.budget_source(code) for code in ("office", "obec", "other")]
    dates = [datetime.date(2023, 9, 30), datetime.date(2023, 10, 1), datetime.date(2023, 12, 31),
             datetime.date(2024, 1, 15), datetime.date(2024, 3, 31), datetime.date(2024, 5, 2),
             datetime.date(2024, 8, 20), datetime.date(2024, 9, 30), datetime.date(2024, 10, 1)]
    for n in range(60):
        project = f.ProjectFactory(action_plan=plan, group=rng.choice(groups), strategy=rng.choice(strategies),
                                   display_order=rng.randrange(20), code=f"{n:03d}",
                                   **({"cancelled": True, "cancelled_reason": "ยกเลิก"} if rng.random() < 0.1 else {}))
        for source in rng.sample(sources, rng.randrange(3)):
            f.AllocationFactory(project=project, source=source, amount=D(rng.randrange(1, 10**6)) / 100)
        for quarter in rng.sample((1, 2, 3, 4), rng.randrange(5)):
            f.SpendingPlanFactory(project=project, quarter=quarter, amount=D(rng.randrange(1, 10**6)) / 100)
        for _ in range(rng.randrange(4)):
            f.DisbursementFactory(project=project, date=rng.choice(dates), amount=D(rng.randrange(1, 10**6)) / 100)
        for quarter in rng.sample((1, 2, 3, 4), rng.randrange(5)):
            f.QuarterlyReportFactory(
                project=project, quarter=quarter,
                state=rng.choice(("draft", "submitted", "returned", "accepted")),
                status=rng.choice(("not_started", "in_progress", "completed")),
            )
    for quarter, deadline in ((1, datetime.date(2024, 1, 15)), (2, datetime.date(2024, 4, 15)),
                              (3, datetime.date(2024, 7, 15))):
        ReportingWindow.objects.create(action_plan=plan, quarter=quarter, deadline=deadline)
    f.CabinetTargetFactory(fiscal_year=plan.fiscal_year, quarter=1, cumulative_percent=D("30.00"))
    f.CabinetTargetFactory(fiscal_year=plan.fiscal_year, quarter=3, cumulative_percent=D("72.50"))
    return plan


def test_at_many_projects_every_figure_is_the_booklets(office_of_many):
    for months in (3, 6, 9, 12):
        fig, overdue = assert_same_figures(office_of_many, Round(2567, months))
        assert len(fig.rows) > 40 and len(fig.groups) == 4
    assert sum(len(rows) for _, rows in overdue) > 10  # the comparison covers a real overdue list
    assert_same_figures(office_of_many, Round(2567, 9, as_of=datetime.date(2024, 5, 1)))


def _rows_read(ctx, tables):
    """How many rows the captured SELECTs on `tables` return (each run again)."""
    total = 0
    with connection.cursor() as cursor:
        for query in ctx.captured_queries:
            sql = query["sql"]
            if sql.startswith("SELECT") and any(f'FROM "{t}"' in sql for t in tables):
                cursor.execute(sql)
                total += len(cursor.fetchall())
    return total


def test_the_money_it_reads_does_not_grow_with_the_projects(small, client):
    """The dashboard sums the money in the database: the rows it reads from the money tables grow with the
    groups and the dates of disbursement, not with the projects."""
    ReportingWindow.objects.create(action_plan=small.plan, quarter=2, deadline=datetime.date(2024, 4, 15))
    director = f.UserFactory(username="boss")
    f.MembershipFactory(user=director, office=small.office, role=Role.DIRECTOR)
    client.force_login(director)
    money_tables = ("budget_allocation", "budget_spendingplan", "budget_disbursement")

    def money_rows():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("reports:dashboard")).status_code == 200
        return _rows_read(ctx, money_tables)

    before = money_rows()
    for _ in range(10):
        p = f.ProjectFactory(action_plan=small.plan, group=small.g1, strategy=small.s2)
        f.AllocationFactory(project=p, amount=D("100"))
        f.SpendingPlanFactory(project=p, quarter=2, amount=D("50"))
        f.DisbursementFactory(project=p, date=datetime.date(2023, 11, 15), amount=D("10"))
    assert money_rows() == before


def test_sums_of_many_amounts_are_exact_to_the_satang(small):
    """SQLite adds the amounts as floating-point numbers (these 150 sum to 77,820,399.5700001 there): the
    sums are brought back to the satang."""
    rng = random.Random(3)
    for _ in range(150):
        f.DisbursementFactory(project=small.a, date=datetime.date(2023, 11, 16),
                              amount=D(rng.randrange(1, 10**8)) / 100)
    assert_same_figures(small.plan, Round(2567, 6))
