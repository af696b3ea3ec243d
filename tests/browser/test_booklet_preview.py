"""In Chromium, on a desktop and on a 390 px phone: the planner reads the booklet preview (issue #12), opens a
group's lines of the register, a section's list and a project's section in place; nothing is wider than the
screen and axe finds nothing serious. Screenshots go to $TIDTAM_SCREENSHOTS when set (looked at by hand)."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from budget.models import BudgetSource
from reports.models import Booklet
from tests import factories
from tests.browser.test_accessibility import SIZES, _violations
from tests.browser.test_evidence import _shot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", SIZES)
def test_the_planner_opens_the_register_a_list_and_a_project_in_place(browser, live_server, login, world, size):
    source = BudgetSource.objects.get_or_create(code="office", defaults={"name": "งบ สพป."})[0]
    factories.AllocationFactory(project=world.project_a, source=source, amount=Decimal("50000"),
                                note="โอนเปลี่ยนแปลงตามหนังสือแจ้งจัดสรรงบประมาณ ครั้งที่ ๒ ลงวันที่ ๑๕ มกราคม")
    factories.DisbursementFactory(project=world.project_a, date=datetime.date(2024, 2, 15), amount=Decimal("9000"))
    factories.QuarterlyReportFactory(project=world.project_a, quarter=2, status="in_progress", state="submitted",
                                     problems="ผู้เข้าร่วมอบรมมาไม่ครบตามเป้าหมาย")
    booklet = Booklet.objects.create(action_plan=world.plan, months=6)
    width, height = SIZES[size]
    page = login(browser.new_context(viewport={"width": width, "height": height}).new_page(), "planner1")
    page.goto(f"{live_server.url}/booklets/{booklet.pk}/preview/")
    expect(page.locator("#register")).to_contain_text("บัญชีสรุปโครงการ")
    expect(page.locator("#register")).not_to_contain_text(world.project_a.title)
    _shot(page, f"preview-{size}.png")

    page.locator(f"#register-g{world.group.pk} a[data-rows]").click()
    expect(page.locator(f"#register-g{world.group.pk}")).to_contain_text(world.project_a.title)
    expect(page.locator(f"#register-g{world.group.pk}")).to_contain_text("หมายเหตุ ๑")
    expect(page.locator("#register tr.lazy-row")).to_have_count(0)

    page.locator("details.lazy-section > summary").first.click()
    page.locator(f"#project-{world.project_a.pk} > summary").click()
    expect(page.locator(f"#project-{world.project_a.pk} .project")).to_contain_text("ผู้เข้าร่วมอบรมมาไม่ครบตามเป้าหมาย")
    page.locator("#digest-part > summary").click()
    expect(page.locator("#digest-part")).to_contain_text("ผู้เข้าร่วมอบรมมาไม่ครบตามเป้าหมาย")

    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert _violations(page) == []
    page.locator("#register").scroll_into_view_if_needed()
    _shot(page, f"preview-opened-{size}.png")

    # Without JavaScript the register's link opens the group's lines as a page of their own.
    page.goto(f"{live_server.url}/booklets/{booklet.pk}/preview/register/groups/{world.group.pk}/")
    expect(page.locator("tbody[data-rows]")).to_contain_text(world.project_a.title)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert _violations(page) == []
    _shot(page, f"preview-register-part-{size}.png")
