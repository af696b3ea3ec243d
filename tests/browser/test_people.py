"""An office runs itself (issue #15): the planner adds a colleague, makes them owner of a project;
the colleague signs in with the temporary password, chooses their own, and reports."""

import datetime

import pytest
from playwright.sync_api import expect

from plans.models import ReportingWindow
from projects.models import QuarterlyReport, ReportState

pytestmark = pytest.mark.browser


def test_a_new_colleague_is_added_made_owner_and_reports(browser, live_server, login, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    planner = login(browser.new_context().new_page(), "planner1")
    planner.click("nav >> text=บุคลากร")
    planner.click("text=เพิ่มบุคลากร")
    planner.fill("#id_username", "kanya.s")
    planner.fill("#id_title", "นางสาว")
    planner.fill("#id_first_name", "กัญญา")
    planner.fill("#id_last_name", "สุขใจ")
    planner.fill("#id_position", "นักวิชาการศึกษาปฏิบัติการ")
    planner.select_option("#id_group", str(world.group.pk))
    planner.click("button:has-text('บันทึก')")
    expect(planner.locator(".alert-success")).to_contain_text("เพิ่ม นางสาวกัญญา สุขใจ แล้ว")
    password = planner.locator("#temporary-password-value").inner_text().strip()
    assert len(password) == 10

    # The planner makes her owner of project B, choosing her by her real name.
    planner.goto(f"{live_server.url}/projects/{world.project_b.pk}/edit/")
    planner.get_by_label("นางสาวกัญญา สุขใจ", exact=False).check()
    planner.click("button[type=submit]:has-text('บันทึก')")
    expect(planner.locator(".alert-success")).to_be_visible()
    assert "kanya.s" in [u.username for u in world.project_b.owners.all()]

    colleague = login(browser.new_context().new_page(), "kanya.s", password)
    expect(colleague.locator("h1")).to_contain_text("ตั้งรหัสผ่านของคุณเอง")
    colleague.fill("#id_old_password", password)
    colleague.fill("#id_new_password1", "ดอกมะลิบานเช้า2567")
    colleague.fill("#id_new_password2", "ดอกมะลิบานเช้า2567")
    colleague.click("button:has-text('บันทึกรหัสผ่านใหม่')")
    expect(colleague.locator(".alert-success")).to_contain_text("เปลี่ยนรหัสผ่านแล้ว")
    colleague.click("a:has-text('เริ่มรายงาน')")
    colleague.select_option("#id_status", "in_progress")
    for box in colleague.locator("button.no-effect").all():
        box.click()
    colleague.fill("#id_spent_amount", "0")
    colleague.fill("#id_results", "ประชุมชี้แจงโรงเรียนแล้ว 12 แห่ง")
    colleague.click("button[value=submit]")
    expect(colleague.locator(".alert-success")).to_contain_text("ส่งรายงานแล้ว")
    report = QuarterlyReport.objects.get(project=world.project_b, quarter=2)
    assert report.state == ReportState.SUBMITTED

    # The old temporary password no longer opens the account.
    again = browser.new_context().new_page()
    login(again, "kanya.s", password)
    expect(again.locator(".alert-danger")).to_contain_text("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")
