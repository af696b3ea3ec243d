"""The whole quarter in the browser: the owner reports (typing Thai-digit money), the planner
returns it with a comment, the owner fixes and resubmits, the planner accepts, the report locks."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from budget.models import BudgetSource
from plans.models import ReportingWindow
from projects.models import QuarterlyReport, ReportState
from tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def quarter_two(world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    # Live-server tests flush the database, migration-made sources included.
    source = BudgetSource.objects.get_or_create(code="office", defaults={"name": "งบ สพป."})[0]
    factories.AllocationFactory(project=world.project_a, source=source, amount=Decimal("50000"))
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("12500"))
    # Finance already paid out the planned 12,500 in February (Q2).
    factories.DisbursementFactory(project=world.project_a, date=datetime.date(2024, 2, 15), amount=Decimal("12500"))
    return factories.ActivityFactory(project=world.project_a, title="อบรมครูเรื่องการอ่าน")


def as_user(browser, login, username):
    page = browser.new_context().new_page()
    return login(page, username)


def test_it_runs_a_report_through_return_and_acceptance(browser, live_server, login, world, quarter_two):
    report_url = f"{live_server.url}/reporting/projects/{world.project_a.pk}/q2/"
    activity = quarter_two

    owner = as_user(browser, login, "owner_a")
    # The owner starts from their home page, which lists the open quarter.
    owner.click("a:has-text('เริ่มรายงาน')")
    expect(owner).to_have_url(report_url)
    owner.select_option("#id_status", "in_progress")
    owner.select_option(f"#id_act-{activity.pk}-status", "completed")
    owner.fill(f"#id_act-{activity.pk}-text", "อบรมครู 40 คน")
    for box in ("national_strategy", "master_plan", "sub_plan", "nesdp"):
        owner.click(f"button.no-effect[data-target=id_contribution_{box}]")
    owner.fill("#id_spent_amount", "๑๐,๐๐๐")
    expect(owner.locator("#variance-hint")).to_be_visible()
    owner.fill("#id_spent_amount", "๑๒,๕๐๐")
    expect(owner.locator("#variance-hint")).to_be_hidden()
    owner.fill("#id_results", "ครูนำไปใช้ได้")
    owner.click("button[value=submit]")
    expect(owner.locator(".alert-success")).to_contain_text("ส่งรายงานแล้ว")
    report = QuarterlyReport.objects.get()
    assert report.spent_amount == Decimal("12500")
    assert report.contribution_nesdp.startswith("ผลการดำเนินงานกิจกรรมในไตรมาสนี้")

    planner = as_user(browser, login, "planner1")
    planner.goto(report_url)
    planner.fill("#id_comment", "กรุณาระบุจำนวนโรงเรียนที่เข้าร่วม")
    planner.click("#review button[value=return]")
    expect(planner.locator(".alert-success")).to_contain_text("ส่งรายงานกลับ")

    owner.goto(report_url)
    expect(owner.locator("#review-comment")).to_contain_text("กรุณาระบุจำนวนโรงเรียนที่เข้าร่วม")
    owner.fill("#id_results", "ครู 40 คนจาก 12 โรงเรียนนำไปใช้ได้")
    owner.click("button[value=submit]")
    expect(owner.locator(".alert-success")).to_contain_text("ส่งรายงานแล้ว")

    planner.goto(report_url)
    planner.click("#review button[value=accept]")
    expect(planner.locator(".alert-success")).to_contain_text("ตรวจรับรายงานแล้ว")

    owner.goto(report_url)
    expect(owner.locator("#refusal")).to_contain_text("ตรวจรับแล้ว")
    expect(owner.locator("#report-form")).to_have_count(0)
    expect(owner.locator("#report-readonly")).to_contain_text("12 โรงเรียน")
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED
