"""A small finished year built by hand: every count and percent the annual report prints is computed
from it here, in comments, and asserted in the tests.

FY2567. Groups G1, G2; strategies S1, S2; OBEC policies of 2567: ด้านที่ 1, ด้านที่ 2.
A  in plan   G1 S1  office 10,000; disbursed 7,500 (15 Mar 2024)   year-end ACCEPTED, achieved
                   indicators: A1 ≥ 80 result 85 (achieved), A2 N/A (not assessed)   policy 2
B  in plan   G2 S1  office 20,000; disbursed 20,000 (1 Jul 2024)   year-end ACCEPTED, not achieved
                   ("ครูติดภารกิจ"); indicator B1 ≥ 90 result 70 (missed)          policies 1 and 2
C  in plan   G1 S2  no budget; Q4 report only, no year-end report (not reported); no indicators; no policy
D  mid-year  G2 S2  office 5,000; disbursed 4,000                     year-end ACCEPTED, achieved;
                   disposition returned; indicator D1 text "มีคู่มือ" = "มีคู่มือ"    policy 1
E  in plan   G1 S1  cancelled; office 1,000 (counted nowhere)
F  in plan   G2 S2  office 3,000; year-end only SUBMITTED (not accepted: not counted -> not reported)

Registers: in plan A, B, C, F (4): assessed 2 (A, B), achieved 1 -> 1/2 = 50.00 %; not reported 2 (C, F).
           added D (1): 1/1 = 100.00 %.   All: 2 of 3 assessed = 66.67 %.
Project indicators: A1 A2 B1 D1 = 4; assessed 3 (A1, B1, D1); achieved 2 (A1, D1) -> 66.67 %;
           N/A 1 (A2); by strategy S1: 3 indicators, 2 assessed, 1 achieved -> 50.00 %; S2: 1/1 -> 100.00 %.
Money (finance-recorded, fiscal year 2567): allocated A 10,000 + B 20,000 + C 0 + F 3,000 = 33,000 in plan,
           D 5,000 added; all 38,000. Used 7,500 + 20,000 + 4,000 = 31,500; remaining 6,500;
           31,500 / 38,000 = 82.894.. -> 82.89 %. In plan 27,500 / 33,000 = 83.333.. -> 83.33 %.
"""

import datetime
from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from plans.models import AlignmentItem, AlignmentKind
from projects.models import YearEndIndicatorResult, YearEndObjective, YearEndReport
from tests import factories as f


def _policy(code, title):
    return AlignmentItem.objects.update_or_create(
        kind=AlignmentKind.OBEC_POLICY, code=code, be_year=2567,
        defaults={"title": title, "display_order": int(code)})[0]


@pytest.fixture
def year(db):
    plan = f.ActionPlanFactory()
    office = plan.office
    g1 = f.GroupFactory(office=office, display_order=1, name="กลุ่มหนึ่ง")
    g2 = f.GroupFactory(office=office, display_order=2, name="กลุ่มสอง")
    s1 = f.StrategyFactory(development_plan=plan.development_plan, number=1, title="ยกระดับคุณภาพ")
    s2 = f.StrategyFactory(development_plan=plan.development_plan, number=2, title="เพิ่มโอกาส")
    p1, p2 = _policy("1", "ด้านความปลอดภัย"), _policy("2", "ด้านโอกาส")
    owner = f.UserFactory(first_name="สมชาย", last_name="ใจดี")
    planner = f.UserFactory(username="annual-planner")

    def project(code, group, strategy, order, **kw):
        return f.ProjectFactory(action_plan=plan, code=code, group=group, strategy=strategy, display_order=order,
                                title=f"โครงการทดสอบรายงานประจำปี {code}", **kw)

    a = project("A", g1, s1, 1, owners=[owner])
    b = project("B", g2, s1, 2)
    c = project("C", g1, s2, 3)
    d = project("D", g2, s2, 4, added_mid_year=True, added_mid_year_reason="สพฐ. จัดสรรเพิ่ม")
    e = project("E", g1, s1, 5, cancelled=True, cancelled_reason="ยกเลิกตามนโยบาย")
    fp = project("F", g2, s2, 6)
    a.alignment.set([p2])
    b.alignment.set([p2, p1])
    d.alignment.set([p1])
    office_source = f.budget_source("office")
    for proj, amount in ((a, "10000"), (b, "20000"), (d, "5000"), (e, "1000"), (fp, "3000")):
        f.AllocationFactory(project=proj, source=office_source, amount=D(amount))
    f.DisbursementFactory(project=a, source=office_source, date=datetime.date(2024, 3, 15), amount=D("7500"))
    f.DisbursementFactory(project=b, source=office_source, date=datetime.date(2024, 7, 1), amount=D("20000"))
    f.DisbursementFactory(project=d, source=office_source, date=datetime.date(2024, 8, 1), amount=D("4000"))
    f.QuarterlyReportFactory(project=c, quarter=4, state="accepted", status="completed",
                             results="อบรมครูแล้วตามรายงานไตรมาสที่สี่", problems="ห้องประชุมไม่พอ")

    a1 = f.IndicatorFactory(project=a, text="ร้อยละครูที่ผ่านการอบรม", kind="number", comparator="gte",
                            target_value=D("80"))
    f.IndicatorFactory(project=a, text="ระดับความพึงพอใจ", kind="na", target_value=None, target_text="N/A")
    b1 = f.IndicatorFactory(project=b, text="ร้อยละโรงเรียนที่เข้าร่วม", kind="number", comparator="gte",
                            target_value=D("90"))
    d1 = f.IndicatorFactory(project=d, text="มีคู่มือการดำเนินงาน", kind="text", target_value=None,
                            target_text="มีคู่มือ")
    ra = YearEndReport.objects.create(
        project=a, state="accepted", verdict="achieved", quantitative_results="ครู ๔๐ คนผ่านการอบรม",
        qualitative_results="ครูนำความรู้ไปใช้ในห้องเรียน", problems="งบประมาณมาล่าช้า",
        suggestions="ควรจัดอบรมต้นปีงบประมาณ", disposition="returned")
    rb = YearEndReport.objects.create(
        project=b, state="accepted", verdict="not_achieved", verdict_reason="ครูติดภารกิจ",
        quantitative_results="โรงเรียน ๒๐ แห่งเข้าร่วม", problems="ครูติดภารกิจการสอน", suggestions="")
    rd = YearEndReport.objects.create(
        project=d, state="accepted", verdict="achieved", quantitative_results="จัดทำคู่มือ ๑ เล่ม",
        disposition="returned")
    YearEndObjective.objects.create(report=ra, display_order=1, text="เพื่อพัฒนาครูด้านการอ่าน", met=True)
    YearEndObjective.objects.create(report=ra, display_order=2, text="เพื่อสร้างเครือข่ายครู", met=False,
                                    note="เลื่อนไปปีหน้า")
    YearEndReport.objects.create(project=fp, state="submitted", verdict="achieved", quantitative_results="ส่งแล้ว")
    YearEndIndicatorResult.objects.create(report=ra, indicator=a1, value=D("85"))
    YearEndIndicatorResult.objects.create(report=rb, indicator=b1, value=D("70"), miss_reason="จัดอบรมได้รอบเดียว")
    YearEndIndicatorResult.objects.create(report=rd, indicator=d1, text="มีคู่มือ")
    return SimpleNamespace(plan=plan, office=office, g1=g1, g2=g2, s1=s1, s2=s2, a=a, b=b, c=c, d=d, e=e, f=fp,
                           owner=owner, planner=planner, policies=(p1, p2))


@pytest.fixture
def annual(year):
    from reports.annual.models import AnnualReport

    return AnnualReport.objects.create(action_plan=year.plan, office_problems="งบประมาณล่าช้า\nเวลาน้อย",
                                       office_recommendations="จัดสรรงบต้นปี")
