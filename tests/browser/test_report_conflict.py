"""Two people edit the same report in two browsers: the later save does not overwrite the
earlier one; the later user sees what changed and, after saving again, both changes are kept."""

import datetime

import pytest
from playwright.sync_api import expect

from plans.models import ReportingWindow
from projects.models import QuarterlyReport
from projects.reporting.services import ReportInput, report_save_draft

pytestmark = pytest.mark.browser


def test_it_keeps_both_peoples_changes(browser, live_server, login, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    report_save_draft(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        data=ReportInput(values={"status": "in_progress", "results": "ร่างแรก"}),
    )
    report_url = f"{live_server.url}/reporting/projects/{world.project_a.pk}/q2/"

    owner = login(browser.new_context().new_page(), "owner_a")
    planner = login(browser.new_context().new_page(), "planner1")
    owner.goto(report_url)
    planner.goto(report_url)

    owner.fill("#id_results", "ผลที่เจ้าของเขียน")
    owner.click("button[value=draft]")
    expect(owner.locator(".alert-success")).to_contain_text("บันทึกฉบับร่างแล้ว")

    # The planner's page still shows the old version.
    planner.fill("#id_problems", "ปัญหาที่ผู้วางแผนเพิ่ม")
    planner.click("button[value=draft]")
    expect(planner.locator("#conflict")).to_contain_text("มีผู้อื่นบันทึกรายงานนี้")
    expect(planner.locator("#conflict")).to_contain_text("ผลการดำเนินงาน")
    expect(planner.locator("#id_problems")).to_have_value("ปัญหาที่ผู้วางแผนเพิ่ม")
    expect(planner.locator("#id_results")).to_have_value("ผลที่เจ้าของเขียน")
    assert QuarterlyReport.objects.get().problems == ""

    planner.click("button[value=draft]")
    expect(planner.locator(".alert-success")).to_contain_text("บันทึกฉบับร่างแล้ว")
    report = QuarterlyReport.objects.get()
    assert (report.results, report.problems) == ("ผลที่เจ้าของเขียน", "ปัญหาที่ผู้วางแผนเพิ่ม")
