"""The year-end report in a browser (issue #17): the owner fills it on a phone (390×844) and sends
it; the planner reviews it on a desktop (1366) and accepts it. axe passes on both, nothing scrolls
sideways. Screenshots go to $YEAR_END_SHOTS when set (looked at by hand)."""

import datetime
import os
from decimal import Decimal

import pytest

from projects.models import QuarterlyReport, YearEndReport
from tests import factories
from tests.browser.test_accessibility import AXE, _violations

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("YEAR_END_SHOTS")


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def project(world):
    p = world.project_a
    p.output_goal = "ครูภาษาไทยได้รับการอบรมการสอนอ่าน 40 คน\nนักเรียนอ่านออกเขียนได้เพิ่มขึ้น"
    p.save()
    factories.AllocationFactory(project=p, amount=Decimal("50000"))
    factories.DisbursementFactory(project=p, date=datetime.date(2024, 2, 15), amount=Decimal("45000"))
    factories.ActivityFactory(project=p, title="อบรมครูเรื่องการสอนอ่านแบบแจกลูกสะกดคำ", planned_q2=True)
    indicator = factories.IndicatorFactory(project=p, text="ร้อยละของครูที่นำความรู้ไปใช้", target_value=Decimal("80"))
    q4 = QuarterlyReport.objects.create(project=p, quarter=4, state="accepted", output_progress="อบรมครู 40 คน",
                                        problems="ครูบางส่วนติดภารกิจ", suggestions="ควรจัดช่วงปิดภาคเรียน")
    q4.indicator_results.create(indicator=indicator, value=Decimal("75"))
    return p


def test_owner_sends_on_a_phone_and_the_planner_accepts_on_a_desktop(browser, live_server, login, world, project):
    assert AXE.exists()
    url = f"{live_server.url}/year-end/projects/{project.pk}/"
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    page = login(phone.new_page(), "owner_a")
    page.goto(url)
    assert page.input_value("#id_quantitative_results") == "อบรมครู 40 คน"  # prefilled from Q4
    assert not _violations(page)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    _shot(page, "owner-form-390-empty")
    with page.expect_navigation():
        page.click("button[value=submit]")
    assert "ยังส่งรายงานไม่ได้" in page.content()
    assert "ไม่บรรลุค่าเป้าหมาย กรุณาระบุสาเหตุ" in page.content()  # 75 < 80: the computed miss
    _shot(page, "owner-form-390-errors")
    indicator = project.indicators.get()
    page.fill(f"#id_ind-{indicator.pk}-miss_reason", "ครูบางส่วนย้ายสถานศึกษาระหว่างปี")
    page.check("input[name=verdict][value=achieved]")
    page.select_option("#id_obj-0-met", "yes")
    page.select_option("#id_obj-1-met", "no")
    page.fill("#id_obj-1-note", "ยังไม่ได้ประเมินการอ่านของนักเรียน")
    page.fill("#id_step-0-started_on", "12/1/2567")
    page.fill("#id_step-0-finished_on", "13/1/2567")
    page.check("input[name=disposition][value=returned]")
    with page.expect_navigation():
        page.click("button[value=submit]")
    assert "ส่งรายงานแล้ว" in page.content()
    assert YearEndReport.objects.get(project=project).state == "submitted"
    phone.close()

    desktop = browser.new_context(viewport={"width": 1366, "height": 900})
    page = login(desktop.new_page(), "planner1")
    page.goto(url)
    content = page.content()
    assert "ผล ๗๕.๐๐ ไม่ผ่านเกณฑ์ ≥ เป้าหมาย ๘๐.๐๐" in content and "ครูบางส่วนย้ายสถานศึกษาระหว่างปี" in content
    assert not _violations(page)
    _shot(page, "planner-review-1366")
    with page.expect_navigation():
        page.click("#review button[value=accept]")
    assert YearEndReport.objects.get(project=project).state == "accepted"
    assert "ไม่มีรายงานสิ้นสุดโครงการที่รอตรวจ" in page.content()
    _shot(page, "planner-queue-1366")
    desktop.close()
