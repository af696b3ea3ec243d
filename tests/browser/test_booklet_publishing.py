"""In Chromium: a planner sets up a booklet, reads the preview and publishes; a director finds it."""

import datetime

import pytest

from plans.models import ReportingWindow
from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_takes_a_booklet_from_setup_to_the_directors_dashboard(world, page, live_server, login):
    f.AllocationFactory(project=world.project_a, amount="12500")
    f.QuarterlyReportFactory(project=world.project_a, quarter=2, status="completed", state="accepted")
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 15))
    login(page, "planner1")
    page.goto(f"{live_server.url}/booklets/new/")
    page.select_option("#id_months", "6")
    page.fill("#id_document_number", "1/2567")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/preview/" in page.url
    assert page.locator(".booklet-toolbar").is_visible()
    assert page.get_by_text("เอกสารลำดับที่ ๑/๒๕๖๗").is_visible()
    with page.expect_navigation():
        page.click("text=เผยแพร่ฉบับนี้")
    # No broker in tests: the job ran in the request, and its page shows it done.
    assert "/booklets/jobs/" in page.url
    assert page.locator("#job-state").inner_text() == "เสร็จแล้ว"
    assert page.get_by_text("เปิดไฟล์ที่เผยแพร่").is_visible()
    page.goto(f"{live_server.url}/booklets/")
    assert page.locator("#publications a").count() == 1

    page.context.clear_cookies()
    login(page, "director1")
    page.goto(f"{live_server.url}/booklets/dashboard/")
    # Project A completed, project B not reported: one each of two projects.
    counts = page.locator("#status-counts .fs-4").all_inner_texts()
    assert counts == ["๑", "๐", "๐", "๑"]
    assert page.locator("#published a").first.inner_text().startswith("รายงานความก้าวหน้า")
