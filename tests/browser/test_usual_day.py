"""Each role's usual day in the browser (issue #19), counting page loads and clicks.

Page loads: every document the browser asks for after signing in (a form's POST and the page it is
redirected to are two, as in tests/projects/test_review_queue.py; a downloaded PDF is one). Clicks:
every click and every choice in a select; typed fields are counted apart. The owner's and finance's
days are also done the way main's pages allow (no inbox, no filters, no "next report" list, no way
back to a filtered list), on the same pages, and both counts are printed ("before" / "after"); the
planner's and the director's "before" are counted by hand from main's pages, as their comments say.
Screenshots of each role's home at 1366 and 390 px go to $TIDTAM_SHOTS when it is set.
"""

import datetime
import os
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from budget.models import BudgetSource, Disbursement
from plans.models import ReportingWindow
from projects.models import QuarterlyReport, ReportState
from projects.notifications.models import Mail, MailKind
from reports.models import Booklet, Publication
from tests import factories

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
NO_EFFECT = ("national_strategy", "master_plan", "sub_plan", "nesdp")


class Day:
    """A signed-in page that counts its page loads, clicks and typed fields."""

    def __init__(self, browser, login, username, viewport=DESKTOP):
        self.page = browser.new_context(viewport=viewport, accept_downloads=True).new_page()
        login(self.page, username)
        self.loads = self.clicks = self.typed = 0
        self.page.on("request", self._request)

    def _request(self, request):
        if request.resource_type == "document" and request.frame == self.page.main_frame:
            self.loads += 1

    def click(self, selector):
        self.clicks += 1
        self.page.locator(selector).first.click()
        self.page.wait_for_load_state("load")

    def select(self, selector, value):
        self.clicks += 1
        self.page.select_option(selector, value)

    def fill(self, selector, value):
        self.typed += 1
        self.page.fill(selector, value)

    def counts(self):
        return {"loads": self.loads, "clicks": self.clicks, "typed": self.typed}

    def reset(self):
        self.loads = self.clicks = self.typed = 0


def shoot(page, role, live_server):
    """The role's home at both sizes, to $TIDTAM_SHOTS (when set); the page keeps its own size."""
    folder = os.environ.get("TIDTAM_SHOTS")
    if not folder:
        return
    own = page.viewport_size
    Path(folder).mkdir(parents=True, exist_ok=True)
    for name, size in (("1366", DESKTOP), ("390", PHONE)):
        page.set_viewport_size(size)
        page.goto(f"{live_server.url}/")
        page.screenshot(path=f"{folder}/{role}-{name}.png", full_page=True)
    page.set_viewport_size(own)


def report(day, project_pk=None):
    """Fill in and send the open report form (a project without activities)."""
    day.select("#id_status", "in_progress")
    for box in NO_EFFECT:
        day.click(f"button.no-effect[data-target=id_contribution_{box}]")
    day.fill("#id_spent_amount", "๐")
    day.fill("#id_results", "ดำเนินการตามแผน")
    day.click("button[value=submit]")
    expect(day.page.locator(".alert-success")).to_contain_text("ส่งรายงานแล้ว")


def add_project(world, owners, **kwargs):
    return factories.ProjectFactory(action_plan=world.plan, group=world.group, strategy=world.strategy,
                                    owners=owners, **kwargs)


def with_email(*users):
    for user in users:
        user.email = f"{user.username}@example.org"
        user.save()


# --- The planner: review a quarter's reports and chase the late ones ------------------------------

@pytest.fixture
def quarter_to_review(world):
    with_email(world.owner_a, world.owner_b)
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    sent = [world.project_a, add_project(world, [world.owner_a]), add_project(world, [world.owner_a])]
    for order, project in enumerate([*sent, world.project_b]):
        project.display_order = order
        project.save(update_fields=["display_order"])
    for project in sent:
        factories.QuarterlyReportFactory(project=project, quarter=2, state="submitted", status="in_progress")
    return sent  # project B (owner B) never reported: late


def test_the_planners_day(browser, live_server, login, world, quarter_to_review):
    day = Day(browser, login, "planner1")
    shoot(day.page, "planner", live_server)
    day.page.goto(f"{live_server.url}/")
    day.reset()
    # Home (the board) says what waits; the inbox's link opens the first waiting report.
    expect(day.page.locator(".nav-count[data-count=board]")).to_be_visible()
    expect(day.page.locator("#inbox")).to_contain_text("รายงานไตรมาสที่ ๒ รอตรวจ ๓ ฉบับ")
    day.click("#inbox a:has-text('รอตรวจ')")
    for _ in quarter_to_review:
        day.click("#review button[value=accept]")
        expect(day.page.locator(".alert-success").first).to_contain_text("ตรวจรับรายงานแล้ว")
    expect(day.page.locator("body")).to_contain_text("ไม่มีรายงานที่รอตรวจในไตรมาสนี้แล้ว")
    review = day.counts()
    # Chase the late ones: the empty queue shows the inbox; its overdue line opens the board's overdue
    # rows, where one button mails every late owner.
    day.reset()
    day.click("#inbox a:has-text('เลยกำหนดส่ง')")
    expect(day.page.locator("table.board tbody tr.table-danger")).to_have_count(1)
    day.click("#remind-form button")
    expect(day.page.locator(".alert-success")).to_contain_text("ส่งอีเมลเตือน")
    chase = day.counts()
    assert QuarterlyReport.objects.filter(state=ReportState.ACCEPTED).count() == 3
    assert list(Mail.objects.filter(kind=MailKind.REMINDER).values_list("recipients", flat=True)) == [
        [world.owner_b.email]]
    # A second click the same day sends nothing and says so.
    day.click("#remind-form button")
    expect(day.page.locator(".alert-info")).to_contain_text("จึงไม่ส่งซ้ำ")
    assert Mail.objects.filter(kind=MailKind.REMINDER).count() == 1
    # Main: from the board, open the first sent report (found by reading the board's rows), accept each
    # (one pass was already on main: 1 + 3 × 2 loads); to chase, the board (1 load) is read for the red
    # rows' owners, and each owner is written to outside the portal (no mail from the portal).
    before_review = {"loads": 1 + 3 * 2, "clicks": 1 + 3}
    before_chase = {"loads": 1, "clicks": 1, "mails written by hand": 1}
    print(f"\nplanner's day: review before {before_review}, after {review}; "
          f"chase before {before_chase}, after {chase} (the portal sends the mail)")
    assert review["loads"] <= before_review["loads"] and review["clicks"] <= before_review["clicks"]
    assert chase["loads"] == 3 and chase["clicks"] == 2


# --- The owner: report two projects from a phone ---------------------------------------------------

@pytest.fixture
def two_each(world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=3,
                                   deadline=datetime.date.today() + datetime.timedelta(days=5))
    add_project(world, [world.owner_a])
    add_project(world, [world.owner_b])
    return world


def test_the_owners_day_on_a_phone(browser, live_server, login, world, two_each):
    # After: home says what is due; the inbox opens the first report, then the "still to send" list the next.
    day = Day(browser, login, "owner_a", viewport=PHONE)
    shoot(day.page, "owner", live_server)
    day.page.goto(f"{live_server.url}/")
    day.reset()
    expect(day.page.locator("#inbox")).to_contain_text("ส่งภายใน")
    day.click("#inbox a:has-text('ไตรมาสที่ ๓')")
    report(day)
    day.click("#next-due a")
    report(day)
    after = day.counts()
    assert QuarterlyReport.objects.filter(state=ReportState.SUBMITTED, project__owners=world.owner_a).count() == 2
    assert day.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # Before, the way main's pages allow (owner B, two projects): the home's "start" button, then back to
    # the home through the phone's menu (open it, tap "my projects"), the next "start" button.
    old = Day(browser, login, "owner_b", viewport=PHONE)
    old.page.goto(f"{live_server.url}/plan/my-projects/")
    old.reset()
    old.click("a:has-text('เริ่มรายงาน')")
    report(old)
    old.click("button.navbar-toggler")
    old.click("#mainnav a:has-text('โครงการของฉัน')")
    old.click("a:has-text('เริ่มรายงาน')")
    report(old)
    before = old.counts()
    print(f"\nowner's day (2 projects, 390 px): before {before}, after {after}")
    assert after["loads"] < before["loads"] and after["clicks"] < before["clicks"]


# --- Finance: record a quarter ---------------------------------------------------------------------

@pytest.fixture
def quarter_to_record(world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    source = BudgetSource.objects.get_or_create(code="office", defaults={"name": "งบ สพป."})[0]
    projects = [world.project_a, world.project_b, *(add_project(world, [world.owner_a]) for _ in range(4))]
    for project in projects:
        factories.AllocationFactory(project=project, source=source, amount=Decimal("50000"))
        factories.SpendingPlanFactory(project=project, quarter=2, amount=Decimal("10000"))
    # Four are recorded already; two are not.
    for project in projects[2:]:
        factories.DisbursementFactory(project=project, source=source, date=datetime.date(2024, 2, 1),
                                      amount=Decimal("10000"))
    return source


def record(day, source):
    day.fill("#id_date", "15/2/67")
    day.fill("#id_amount", "๑๐,๐๐๐")
    day.select("#id_source", str(source.pk))
    day.click("#disbursement-form button[type=submit]")
    expect(day.page.locator(".alert-success")).to_contain_text("บันทึกการเบิกจ่ายแล้ว")


def test_the_finance_day(browser, live_server, login, world, quarter_to_record):
    day = Day(browser, login, "finance1")
    shoot(day.page, "finance", live_server)
    day.page.goto(f"{live_server.url}/")
    day.reset()
    expect(day.page.locator("#inbox")).to_contain_text("ไตรมาสที่ ๒: ๒ โครงการยังไม่มีการบันทึกการเบิกจ่าย")
    day.click("#inbox a:has-text('ไตรมาสที่ ๒')")
    expect(day.page.locator("#finance-table tbody tr")).to_have_count(2)
    for _ in range(2):
        day.click("#finance-table tbody tr a")
        record(day, quarter_to_record)  # back on the filtered list, where the next one waits
    expect(day.page.locator("#finance-table tbody")).to_contain_text("ไม่พบโครงการตามตัวกรองนี้")
    after = day.counts()
    assert Disbursement.objects.count() == 6
    # Before, the way main's pages allow: two more projects without Q2's disbursement; the whole list
    # (8 rows here, 26 in the demo office) read for the quarter's empty cells, each project opened,
    # recorded (main then shows the project's page), back to the list through the menu.
    late = [add_project(world, [world.owner_b], code=code) for code in ("X-1", "X-2")]
    for project in late:
        factories.AllocationFactory(project=project, source=quarter_to_record, amount=Decimal("50000"))
        factories.SpendingPlanFactory(project=project, quarter=2, amount=Decimal("10000"))
    day.page.goto(f"{live_server.url}/budget/disbursements/")
    day.reset()
    for number, project in enumerate(late):
        day.click(f"#finance-table a:text-is('{project.code}')")
        record(day, quarter_to_record)
        expect(day.page).to_have_url(f"{live_server.url}/budget/projects/{project.pk}/")
        if number == 0:
            day.click("nav a:has-text('การเบิกจ่าย')")
    before = day.counts()
    assert Disbursement.objects.count() == 8
    print(f"\nfinance's day (2 projects to record): before {before}, after {after}; "
          f"rows to read: before all 8, after the 2 without a disbursement")
    # As many page loads and clicks: the gain is the rows to read and not going through the menu.
    assert after["loads"] <= before["loads"] and after["clicks"] <= before["clicks"]


# --- The director: read the dashboard and download -------------------------------------------------

@pytest.fixture
def published(world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    booklet = Booklet.objects.create(action_plan=world.plan, months=6)
    return Publication.objects.create(booklet=booklet, title="รายงานความก้าวหน้า รอบ ๖ เดือน", pdf=b"%PDF-1.4 t",
                                      sha256="0" * 64, size=10, published_by=world.planner)


def test_the_directors_day(browser, live_server, login, world, published):
    day = Day(browser, login, "director1")
    shoot(day.page, "director", live_server)
    day.page.goto(f"{live_server.url}/")
    day.reset()
    expect(day.page.locator("#inbox")).to_contain_text("เผยแพร่ใหม่")
    expect(day.page.locator("#inbox")).to_contain_text("เลยกำหนดส่งรายงาน")
    expect(day.page.locator("#status-counts")).to_be_visible()
    with day.page.expect_response(lambda r: "/booklets/published/" in r.url) as response:
        day.clicks += 1
        day.page.locator("a:has-text('รายงานความก้าวหน้า รอบ')").first.click(no_wait_after=True)
    assert response.value.status == 200
    assert response.value.headers["content-type"] == "application/pdf"
    assert ".pdf" in response.value.headers["content-disposition"]
    after = day.counts()
    # Main: the same dashboard, figures and download link: the inbox adds what is new and what is late.
    before = {"loads": 1, "clicks": 1, "typed": 0}
    print(f"\ndirector's day: before {before}, after {after}")
    assert after["clicks"] == 1
