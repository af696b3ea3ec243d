"""Summary figures of the small round in conftest.py, each computed by hand in the comments."""

from decimal import Decimal as D

from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.figures import Round, booklet_figures
from tests import factories as f


def figures(small, months=6, **kw):
    return booklet_figures(small.plan, Round(2567, months), **kw)


def by_code(fig):
    return {r.project.code: r for r in fig.register}


def test_it_counts_statuses_with_percent_of_all_counted_projects(small):
    fig = figures(small)
    # A completed; F in progress; C not started; B (Q1 only) and D (a draft) not reported; E cancelled.
    assert {r.project.code: r.status for r in fig.rows} == {
        "A": "completed",
        "B": "not_reported",
        "C": "not_started",
        "D": "not_reported",
        "F": "in_progress",
    }
    assert fig.status.total == 5
    assert fig.status.counts == {"completed": 1, "in_progress": 1, "not_started": 1, "not_reported": 2}
    assert fig.status.percent("in_progress") == D("20.00")  # 1 / 5
    assert fig.status.percent("not_reported") == D("40.00")  # 2 / 5


def test_it_lists_cancelled_projects_in_the_register_but_counts_them_nowhere(small):
    fig = figures(small)
    assert [r.project.code for r in fig.register] == ["A", "B", "C", "D", "F", "E"]
    assert [r.number for r in fig.register] == [1, 2, 3, 4, 5, 6]
    assert fig.totals.count == 5
    assert fig.money.allocated == D("32000")  # 10,000 + 8,000 + 3,000 + 11,000; E's 1,000 left out


def test_it_sums_money_of_the_quarter_and_cumulatively(small):
    money = figures(small).money
    # Q2 planned: A 4,000 + B 2,000 + D 3,000 + F 2,000; disbursed: A 5,000 (777 and 999 are outside).
    assert (money.quarter.planned, money.quarter.disbursed, money.quarter.not_disbursed) == (
        D("11000"),
        D("5000"),
        D("6000"),
    )
    assert money.quarter.disbursed_percent == D("45.45")  # 5,000 / 11,000 = 45.4545...
    assert money.quarter.not_disbursed_percent == D("54.55")  # 6,000 / 11,000 = 54.5454... half-up
    # Cumulative: planned 4,000 + 11,000; disbursed A 8,000 + B 1,000.
    assert (money.cumulative.planned, money.cumulative.disbursed) == (D("15000"), D("9000"))
    assert money.cumulative.disbursed_percent == D("60.00")


def test_it_rounds_percent_of_the_allocation_half_up(small):
    money = figures(small).money
    # 9,000 / 32,000 = 28.125 %: half-up gives 28.13 (banker's rounding would give 28.12).
    assert money.disbursed_of_allocated == D("28.13")
    assert money.remaining == D("23000")
    assert money.remaining_percent == D("71.88")  # 23,000 / 32,000 = 71.875
    assert money.target_percent == D("50.00")
    assert money.target_amount == D("16000.00")
    assert [p.disbursed for p in money.points] == [D("4000"), D("9000")]  # Q1: A 3,000 + B 1,000
    assert [p.target_percent for p in money.points] == [D("30.00"), D("50.00")]


def test_it_builds_the_by_group_tables(small):
    fig = figures(small)
    g1, g2 = fig.groups
    assert (g1.count, g2.count) == (2, 3)
    assert g2.status.counts == {"completed": 0, "in_progress": 1, "not_started": 1, "not_reported": 1}
    assert g2.status.percent("in_progress") == D("33.33")  # 1 / 3
    # Table 2: by source; C uses no budget.
    assert [(n, amount) for _, n, amount in g1.by_source] == [(1, D("10000")), (1, D("6000")), (1, D("2000"))]
    assert [(n, amount) for _, n, amount in g2.by_source] == [(2, D("14000")), (0, D("0")), (0, D("0"))]
    assert (g1.no_budget_count, g2.no_budget_count, fig.totals.no_budget_count) == (0, 1, 1)
    assert [(n, amount) for _, n, amount in fig.totals.by_source] == [
        (3, D("24000")),
        (1, D("6000")),
        (1, D("2000")),
    ]
    # Table 3
    assert (g1.allocated_count, g1.allocated, g1.disbursed_count, g1.disbursed) == (
        2,
        D("18000"),
        2,
        D("9000"),
    )
    assert (g1.disbursed_percent, g1.remaining, g1.remaining_percent) == (D("50.00"), D("9000"), D("50.00"))
    assert (g2.disbursed_count, g2.disbursed, g2.remaining_percent) == (0, D("0"), D("100.00"))
    # Table 5: B is mid-year; S1 has A, C, D; S2 has B, F.
    assert (g1.in_plan_count, g1.mid_year_count) == (1, 1)
    assert [n for _, n in fig.totals.by_strategy] == [3, 2]


def test_it_keeps_unreported_spending_unknown_not_zero(small):
    fig = figures(small)
    rows = by_code(fig)
    assert rows["D"].spent_through(2) is None  # draft only
    assert rows["F"].spent_through(2) == D("500")  # Q1 unknown, Q2 500
    assert rows["B"].spent_through(2) is None  # reported Q1 only: Q2's spending is unknown (issue #10)
    g1, g2 = fig.groups
    # Table 4: G1 spent A 8,000, B unknown; G2 only F's 500 is known, D is unknown, C uses no budget.
    assert (g1.spent_count, g1.spent, g1.spent_percent) == (1, D("8000"), D("44.44"))  # 8,000 / 18,000
    assert g1.spent_unknown_count == 1
    assert (g2.spent_count, g2.spent, g2.spent_unknown_count) == (1, D("500"), 1)
    assert g2.spent_percent == D("3.57")  # 500 / 14,000 = 3.5714...
    assert fig.totals.spent_percent == D("26.56")  # 8,500 / 32,000 = 26.5625


def test_it_calls_over_spending_not_as_planned_and_says_nothing_when_both_are_zero(small):
    rows = by_code(figures(small))
    a_q1, a_q2 = rows["A"].blocks
    assert (a_q1.planned, a_q1.disbursed, a_q1.as_planned) == (D("3000"), D("3000"), True)
    assert (a_q2.planned, a_q2.disbursed, a_q2.as_planned) == (D("4000"), D("5000"), False)
    f_q1, f_q2 = rows["F"].blocks
    assert f_q1.as_planned is None
    assert f_q2.as_planned is False
    assert [b.quarter for b in rows["B"].blocks] == [1]


def test_it_handles_a_project_with_no_budget(small):
    c = by_code(figures(small))["C"]
    assert (c.allocated, c.uses_budget, c.disbursed_through(2)) == (D("0"), False, D("0"))


def test_it_counts_a_project_that_reported_only_an_earlier_quarter_as_not_reported(small):
    b = by_code(figures(small))["B"]
    assert b.status == "not_reported"
    assert [block.quarter for block in b.printed_blocks] == [1]  # its Q1 report (in progress) is still printed


def test_it_uses_only_quarter_one_for_the_three_month_round(small):
    fig = figures(small, months=3)
    # Q1 reports only: A in progress, B in progress, F in progress; C (Q2) and D (draft) not reported.
    assert fig.status.counts == {"completed": 0, "in_progress": 3, "not_started": 0, "not_reported": 2}
    assert (fig.money.quarter.planned, fig.money.quarter.disbursed) == (D("4000"), D("4000"))
    assert fig.money.disbursed_of_allocated == D("12.50")  # 4,000 / 32,000


def test_it_groups_sections_by_status_group_or_strategy(small):
    by_status = figures(small).sections
    assert [(s.key, [r.project.code for r in s.rows]) for s in by_status] == [
        ("completed", ["A"]),
        ("in_progress", ["F"]),
        ("not_started", ["C"]),
        ("not_reported", ["B", "D"]),
    ]
    by_group = figures(small, grouping="group").sections
    assert [[r.project.code for r in s.rows] for s in by_group] == [["A", "B"], ["C", "D", "F"]]
    by_strategy = figures(small, grouping="strategy").sections
    assert [[r.project.code for r in s.rows] for s in by_strategy] == [["A", "C", "D"], ["B", "F"]]


def test_it_digests_problems_and_suggestions_by_group(small):
    # C's latest report answers with a dash and "none": nothing to digest.
    c_report = small.c.reports.get()
    c_report.problems, c_report.suggestions = "-", "ไม่มี"
    c_report.save()
    digest = figures(small).digest
    assert [
        (group.pk, [(e.row.project.code, e.problems, e.suggestions) for e in entries]) for group, entries in digest
    ] == [(small.g1.pk, [("A", "ผู้เข้าร่วมมาไม่ครบ", "ควรแจ้งล่วงหน้า"), ("B", "งบประมาณล่าช้า", "")])]


def test_it_reads_a_fixed_number_of_queries_whatever_the_number_of_projects(small):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            fig = figures(small)
        return len(ctx), len(fig.rows)

    before, n_before = count()
    for _ in range(5):
        p = f.ProjectFactory(action_plan=small.plan, group=small.g1, strategy=small.s1)
        f.AllocationFactory(project=p)
        f.DisbursementFactory(project=p)
        f.ActivityFactory(project=p)
        f.IndicatorFactory(project=p)
        f.QuarterlyReportFactory(project=p, quarter=1, state="submitted", status="in_progress")
    after, n_after = count()
    assert n_after == n_before + 5
    assert after == before
