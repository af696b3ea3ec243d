"""Point 2 of issue #10: spending a project has not reported for the round is unknown, not zero."""

from decimal import Decimal as D

from reports.context import BookletParams
from reports.figures import Round, booklet_figures
from reports.pdf import render_booklet_html
from tests import factories as f


def test_a_project_without_a_report_for_the_round_has_unknown_spending(small):
    # B reported Q1 (spent 1,000) but not Q2: its spending through Q2 is not known.
    fig = booklet_figures(small.plan, Round(2567, 6))
    rows = {r.project.code: r for r in fig.rows}
    assert rows["B"].spent_through(2) is None
    assert rows["A"].spent_through(2) == D("8000")
    g1, g2 = fig.groups
    assert g1.spent_unknown_count == 1  # B
    assert g2.spent_unknown_count == 1  # D (a draft only); C uses no budget
    assert fig.totals.spent_unknown_count == 2


def test_a_project_that_reported_zero_before_and_nothing_now_prints_unknown(small):
    # O-NET in the demo: Q1 "not started, spent 0", no Q2 report, finance disbursed.
    g = f.GroupFactory(office=small.office, display_order=3, short_name="กลุ่มสาม")
    onet = f.ProjectFactory(action_plan=small.plan, code="O", group=g, strategy=small.s1, title="โอเน็ต")
    f.AllocationFactory(project=onet, amount=D("321574"))
    f.QuarterlyReportFactory(project=onet, quarter=1, status="not_started", state="accepted",
                             spent_amount=D("0"))
    fig = booklet_figures(small.plan, Round(2567, 6))
    row = {r.project.code: r for r in fig.rows}["O"]
    assert row.spent_total is None
    html = render_booklet_html(BookletParams(action_plan=small.plan, months=6))
    register = html[html.index('id="register"'):]
    line = register[register.index("โอเน็ต"):]
    line = line[: line.index("</tr>")]
    assert "ไม่รายงาน" in line


def test_a_completed_project_carried_forward_has_known_spending(small):
    fig = booklet_figures(small.plan, Round(2567, 9))
    a = {r.project.code: r for r in fig.rows}["A"]
    assert a.spent_total == D("8000")
