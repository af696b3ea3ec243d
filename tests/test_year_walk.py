"""Issue #10: one office walked through Q1-Q4 of FY2567 and Q1 of FY2568, the plan copied to 2568 in
the middle of the year. At each step: the 3/6/9/12-month figures, the dashboard and the board, for
every role (planner, director, finance, both owners).

Projects (FY2567): A (owner_a) 10,000, plan 2,000/3,000/3,000/2,000, completed in Q2;
                   B (owner_b) 20,000, plan -/10,000/-/10,000, misses Q1, completed in Q4.
"""

import datetime
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone

from budget import services as money
from plans import services as plan_services
from plans.models import ReportingWindow
from projects.models import ReportState
from projects.reporting import services as reporting
from projects.reporting.services import CONTRIBUTION_FIELDS, NO_EFFECT_SENTENCE, ReportInput
from reports.figures import Round, booklet_figures
from tests import factories


@pytest.fixture
def office(world, monkeypatch):
    office_src = factories.budget_source("office")
    for project, amount, plan in [(world.project_a, "10000", ["2000", "3000", "3000", "2000"]),
                                  (world.project_b, "20000", ["0", "10000", "0", "10000"])]:
        factories.AllocationFactory(project=project, source=office_src, amount=D(amount))
        for quarter, planned in enumerate(plan, start=1):
            if planned != "0":
                factories.SpendingPlanFactory(project=project, quarter=quarter, amount=D(planned))
    world.project_a.code, world.project_b.code = "67-01", "67-02"
    world.project_a.save()
    world.project_b.save()
    world.today = datetime.date(2023, 10, 1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: world.today)
    world.source = office_src
    return world


def open_window(w, plan, quarter, deadline):
    return plan_services.reporting_window_open(action_plan=plan, quarter=quarter, deadline=deadline, by=w.planner)


def close(window):
    plan_services.reporting_window_close(window=window)


def report(w, project, owner, quarter, status, spent, reason=""):
    values = {"status": status, "results": "ดำเนินการตามแผน", "spent_amount": D(spent),
              "disbursement_variance_reason": reason, "problems": "", "suggestions": "",
              "output_progress": "", "outcome_progress": "",
              **{name: NO_EFFECT_SENTENCE for name in CONTRIBUTION_FIELDS}}
    return reporting.report_submit(project=project, quarter=quarter, user=owner, data=ReportInput(values=values))


def accept(w, rep):
    reporting.report_accept(report=rep, user=w.planner, expected_version=rep.version)


def disburse(w, project, date, amount):
    money.disbursement_record(project=project, user=w.finance, date=date, amount=D(amount), source=w.source)


def roles(w):
    return [w.planner, w.director, w.finance, w.owner_a, w.owner_b]


def check_pages(client, w, *, plan, months, overdue, board_overdue, missed_by):
    """Every role's home pages show `plan` (the running year) and agree on who is late."""
    for user in roles(w):
        client.force_login(user)
        dashboard = client.get(reverse("reports:dashboard"))
        assert dashboard.status_code == 200
        assert dashboard.context["plan"] == plan, user.username
        assert dashboard.context["rnd"].months == months
        late = sorted(r.project.code for _, rows in dashboard.context["overdue"] for r in rows)
        assert late == overdue, user.username
        board = client.get(reverse("plans:board"))
        assert board.status_code == 200
        assert board.context["plan"] == plan
        assert board.context["total"].overdue == board_overdue, user.username
        assert client.get(reverse("budget:disbursements")).context["plan"] == plan
        mine = client.get(reverse("plans:my_projects"))
        assert mine.context["plan"] == plan
        html = mine.content.decode()
        # The projects' cards say who is late; the inbox above them (issue #19) says what needs each role,
        # and its own part ("รายงานโครงการของฉัน") agrees for the owner.
        inbox = re.search(r'<section class="card mb-3 inbox".*?</section>', html, re.S)
        cards = html.replace(inbox.group(0), "") if inbox else html
        assert ("เลยกำหนด" in cards) == (user in missed_by), user.username
        own = re.search(r'data-section="owner".*?</div>', html, re.S)
        assert ("เลยกำหนด" in (own.group(0) if own else "")) == (user in missed_by), user.username


def figures(plan, months):
    fig = booklet_figures(plan, Round(plan.fiscal_year.be_year, months))
    return fig, {r.project.code: r for r in fig.rows}


def test_a_whole_year_and_the_next_ones_first_quarter(client, office):
    w = office
    plan = w.plan

    # --- Q1 (Oct-Dec 2566): A reports, B misses the deadline -------------------------------------
    w.today = datetime.date(2024, 1, 5)
    q1 = open_window(w, plan, 1, datetime.date(2024, 1, 15))
    accept(w, report(w, w.project_a, w.owner_a, 1, "in_progress", "2000"))
    disburse(w, w.project_a, datetime.date(2023, 12, 1), "2000")
    w.today = datetime.date(2024, 1, 20)
    fig, rows = figures(plan, 3)
    assert fig.status.counts == {"completed": 0, "in_progress": 1, "not_started": 0, "not_reported": 1}
    assert (fig.money.cumulative.planned, fig.money.cumulative.disbursed) == (D("2000"), D("2000"))
    assert rows["67-02"].spent_total is None
    check_pages(client, w, plan=plan, months=3, overdue=["67-02"], board_overdue=1, missed_by=[w.owner_b])
    close(q1)

    # --- Q2 (Jan-Mar 2567): A completes, B reports late for Q1 (planner) and on time for Q2 -------
    w.today = datetime.date(2024, 4, 5)
    q2 = open_window(w, plan, 2, datetime.date(2024, 4, 15))
    accept(w, report(w, w.project_a, w.owner_a, 2, "completed", "3000"))
    rep_b = report(w, w.project_b, w.owner_b, 2, "in_progress", "10000")
    disburse(w, w.project_a, datetime.date(2024, 3, 1), "3000")
    disburse(w, w.project_b, datetime.date(2024, 2, 1), "10000")
    w.today = datetime.date(2024, 4, 20)
    fig, rows = figures(plan, 6)
    assert fig.status.counts == {"completed": 1, "in_progress": 1, "not_started": 0, "not_reported": 0}
    assert (fig.money.cumulative.planned, fig.money.cumulative.disbursed) == (D("15000"), D("15000"))
    assert rows["67-02"].spent_total == D("10000")
    # B's missed Q1 stays missed on every page, Q2 is in.
    check_pages(client, w, plan=plan, months=6, overdue=["67-02"], board_overdue=0, missed_by=[w.owner_b])
    accept(w, rep_b)
    close(q2)

    # --- Mid-year (Q3): the plan is copied to 2568; every page stays on 2567 ---------------------
    w.today = datetime.date(2024, 7, 5)
    q3 = open_window(w, plan, 3, datetime.date(2024, 7, 15))
    client.force_login(w.planner)
    response = client.post(reverse("plans:action_plan_copy"), {"source": plan.pk, "be_year": "2568"})
    assert response.status_code == 302
    next_plan = plan.office.action_plans.get(fiscal_year__be_year=2568)
    assert set(next_plan.projects.values_list("code", flat=True)) == {"68-01", "68-02"}
    # A is completed: nothing more to report. B reports Q3.
    report(w, w.project_b, w.owner_b, 3, "in_progress", "0", reason="รอจัดกิจกรรมไตรมาส 4")
    w.today = datetime.date(2024, 7, 20)
    fig, rows = figures(plan, 9)
    assert fig.status.counts == {"completed": 1, "in_progress": 1, "not_started": 0, "not_reported": 0}
    assert rows["67-01"].status == "completed" and rows["67-01"].carried_from == 2
    assert fig.money.cumulative.disbursed == D("15000")
    assert fig.money.cumulative.planned == D("18000")
    check_pages(client, w, plan=plan, months=9, overdue=["67-02"], board_overdue=0, missed_by=[w.owner_b])
    close(q3)

    # --- Q4 (Jul-Sep 2567): B completes -------------------------------------------------------------
    w.today = datetime.date(2024, 10, 5)
    q4 = open_window(w, plan, 4, datetime.date(2024, 10, 15))
    report(w, w.project_b, w.owner_b, 4, "completed", "9500", reason="ค่าใช้จ่ายจริงต่ำกว่าประมาณการ")
    disburse(w, w.project_b, datetime.date(2024, 8, 1), "9500")
    w.today = datetime.date(2024, 10, 20)
    fig, rows = figures(plan, 12)
    assert fig.status.counts == {"completed": 2, "in_progress": 0, "not_started": 0, "not_reported": 0}
    assert (fig.money.cumulative.planned, fig.money.cumulative.disbursed) == (D("30000"), D("24500"))
    assert fig.money.remaining == D("5500")
    assert rows["67-01"].spent_total == D("5000") and rows["67-02"].spent_total == D("19500")
    check_pages(client, w, plan=plan, months=12, overdue=["67-02"], board_overdue=0, missed_by=[w.owner_b])
    close(q4)

    # --- Q1 of FY2568: the new year's reporting runs; 2567 stays one click away ---------------------
    w.today = datetime.date(2025, 1, 5)
    new_a = next_plan.projects.get(code="68-01")
    open_window(w, next_plan, 1, datetime.date(2025, 1, 15))
    w.today = datetime.date(2025, 1, 20)
    fig, rows = figures(next_plan, 3)
    assert fig.status.counts == {"completed": 0, "in_progress": 0, "not_started": 0, "not_reported": 2}
    check_pages(client, w, plan=next_plan, months=3, overdue=["68-01", "68-02"], board_overdue=2,
                missed_by=[w.owner_a, w.owner_b])
    assert ReportingWindow.objects.filter(action_plan=next_plan, quarter=1).exists()
    client.force_login(w.director)
    old = client.get(reverse("reports:dashboard"), {"year": "2567", "round": "12"})
    assert old.context["plan"] == plan and old.context["fig"].status.counts["completed"] == 2
    assert w.owner_a in new_a.owners.all()
    assert rep_b.project.reports.get(quarter=2).state == ReportState.ACCEPTED
