"""A small round built by hand: every expected figure in the tests is computed from it in comments.

FY2567, 6-month round. Groups G1 (A, B) and G2 (C, D, F); E is cancelled.
A  G1 S1  office 10,000; plan Q1 3,000 Q2 4,000; disbursed Q1 3,000, Q2 5,000 (over plan);
          reports Q1 in progress spent 3,000, Q2 completed spent 5,000  -> completed
          (+ 777 dated FY2566 and 999 dated Q3: both outside the round)
B  G1 S2  mid-year; obec 6,000 + other 2,000; plan Q1 1,000 Q2 2,000; disbursed Q1 1,000;
          report Q1 in progress spent 1,000, no Q2 report            -> not reported (for Q2)
C  G2 S1  no budget; report Q2 not started, spending not given      -> not started
D  G2 S1  office 3,000; plan Q2 3,000; only a DRAFT Q1 report       -> not reported
F  G2 S2  office 11,000; plan Q2 2,000; reports Q1 in progress (spending not given),
          Q2 in progress spent 500, returned for fixing             -> in progress
E  G2 S1  cancelled; office 1,000, disbursed 1,000                  -> counted nowhere
Cabinet target Q1 30.00 %, Q2 50.00 %.
"""

import datetime
from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from tests import factories as f
from tests.browser.conftest import browser_type_launch_args, login  # noqa: F401  (for test_browser.py)


@pytest.fixture
def small(db):
    plan = f.ActionPlanFactory()
    office = plan.office
    g1 = f.GroupFactory(office=office, display_order=1, short_name="กลุ่มหนึ่ง")
    g2 = f.GroupFactory(office=office, display_order=2, short_name="กลุ่มสอง")
    s1 = f.StrategyFactory(development_plan=plan.development_plan, number=1)
    s2 = f.StrategyFactory(development_plan=plan.development_plan, number=2)

    def project(code, group, strategy, **kw):
        return f.ProjectFactory(
            action_plan=plan, code=code, group=group, strategy=strategy, title=f"โครงการ {code}", **kw
        )

    a = project("A", g1, s1, display_order=1)
    b = project("B", g1, s2, display_order=2, added_mid_year=True)
    c = project("C", g2, s1, display_order=3)
    d = project("D", g2, s1, display_order=4)
    e = project("E", g2, s1, display_order=5, cancelled=True, cancelled_reason="ยกเลิกตามนโยบาย")
    fp = project("F", g2, s2, display_order=6)

    office_src, obec, other = (f.budget_source(c) for c in ("office", "obec", "other"))
    for proj, src, amount in [
        (a, office_src, "10000"),
        (b, obec, "6000"),
        (b, other, "2000"),
        (d, office_src, "3000"),
        (fp, office_src, "11000"),
        (e, office_src, "1000"),
    ]:
        f.AllocationFactory(project=proj, source=src, amount=D(amount))
    for proj, quarter, amount in [
        (a, 1, "3000"),
        (a, 2, "4000"),
        (b, 1, "1000"),
        (b, 2, "2000"),
        (d, 2, "3000"),
        (fp, 2, "2000"),
        (e, 1, "1000"),
    ]:
        f.SpendingPlanFactory(project=proj, quarter=quarter, amount=D(amount))
    for proj, date, amount in [
        (a, datetime.date(2023, 11, 15), "3000"),
        (a, datetime.date(2024, 2, 10), "5000"),
        (a, datetime.date(2023, 9, 30), "777"),
        (a, datetime.date(2024, 4, 10), "999"),
        (b, datetime.date(2023, 12, 1), "1000"),
        (e, datetime.date(2023, 12, 1), "1000"),
    ]:
        f.DisbursementFactory(project=proj, date=date, amount=D(amount))

    def report(proj, quarter, status, spent=None, state="submitted", **kw):
        return f.QuarterlyReportFactory(
            project=proj,
            quarter=quarter,
            status=status,
            state=state,
            spent_amount=None if spent is None else D(spent),
            **kw,
        )

    report(a, 1, "in_progress", "3000", state="accepted")
    report(
        a,
        2,
        "completed",
        "5000",
        state="accepted",
        problems="ผู้เข้าร่วมมาไม่ครบ",
        suggestions="ควรแจ้งล่วงหน้า",
        disbursement_variance_reason="จัดอบรมเพิ่ม",
    )
    report(b, 1, "in_progress", "1000", problems="งบประมาณล่าช้า")
    report(c, 2, "not_started")
    report(d, 1, "in_progress", "3000", state="draft")
    report(fp, 1, "in_progress")
    report(fp, 2, "in_progress", "500", state="returned")
    f.CabinetTargetFactory(fiscal_year=plan.fiscal_year, quarter=1, cumulative_percent=D("30.00"))
    f.CabinetTargetFactory(fiscal_year=plan.fiscal_year, quarter=2, cumulative_percent=D("50.00"))
    return SimpleNamespace(
        plan=plan, office=office, g1=g1, g2=g2, s1=s1, s2=s2, a=a, b=b, c=c, d=d, e=e, f=fp
    )
