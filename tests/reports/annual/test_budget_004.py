"""Reference 004's budget table (ตารางที่ ๑๓), entered through finance's service, printed by the annual
report: 318,223,938.00 allocated / 317,489,822.56 disbursed / 734,115.44 remaining / 99.77 %."""

import datetime

import pytest

from budget.office_budget_services import LineInput, office_budget_set
from reports.annual.document import render_annual_html, render_annual_pdf
from reports.annual.models import AnnualReport
from tests import factories as f
from tests.budget.reference_004 import AS_OF, BE_YEAR, LINES, TOTAL
from tests.reports.annual.printed import html_text, pdf_text, squeeze

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.fixture
def report_2565(db):
    plan = f.ActionPlanFactory(fiscal_year=f.fiscal_year(BE_YEAR))
    finance = f.UserFactory()
    office_budget_set(office=plan.office, fiscal_year=plan.fiscal_year, as_of=AS_OF,
                      lines={category: LineInput(*amounts) for category, amounts in LINES.items()},
                      user=finance, expected_version=0, today=datetime.date(2022, 10, 15))
    return AnnualReport.objects.create(action_plan=plan, parts=["budget"], digits="arabic")


def test_it_prints_reference_004s_totals(report_2565):
    allocated, disbursed, remaining, percent = TOTAL
    text = html_text(render_annual_html(report_2565))
    assert squeeze(f"รวมทั้งสิ้น {allocated} {disbursed} {remaining} {percent}") in text
    # งบกลาง below the total, not in it: 5,851,800.00 − 5,851,795.80 = 4.20; 99.99993 % -> 100.00.
    assert squeeze("งบกลาง 5,851,800.00 5,851,795.80 4.20 100.00") in text
    # The sentence that tells the office's money from the projects' money.
    assert squeeze("ไม่ใช่ผลรวมงบประมาณของโครงการตามแผนปฏิบัติการ ซึ่งรายงานแยกไว้ต่างหาก") in text
    assert squeeze("งบประมาณโครงการตามแผนปฏิบัติการ") in text
    assert squeeze("ข้อมูล ณ วันที่ 30 กันยายน พ.ศ. 2565") in text


def test_it_prints_them_in_thai_digits_too(report_2565):
    report_2565.digits = "thai"
    text = html_text(render_annual_html(report_2565))
    assert squeeze("รวมทั้งสิ้น " + " ".join(TOTAL).translate(THAI)) in text


def test_the_pdf_prints_reference_004s_totals(report_2565):
    text = pdf_text(render_annual_pdf(report_2565))
    assert squeeze("รวมทั้งสิ้น " + " ".join(TOTAL)) in text
