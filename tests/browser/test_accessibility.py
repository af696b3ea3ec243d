"""Every role's pages, on a desktop and on a phone, checked by axe-core (WCAG 2 A and AA rules) and for
sideways scrolling: no serious or critical violation, nothing wider than a 390 px screen, and every table
region named for the table it holds."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from budget.models import BudgetSource
from budget.office_budget_services import LineInput, office_budget_set
from plans.models import Membership, ReportingWindow
from projects.models import ImportKind, ImportUpload, YearEndReport
from projects.notifications.models import Mail
from reports.models import Booklet, DocumentJob
from tests import factories
from tests.permission_rules.office_budget import budget_workbook

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
BLOCKING = ("serious", "critical")


@pytest.fixture
def office(world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 15))
    source = BudgetSource.objects.get_or_create(code="office", defaults={"name": "งบ สพป."})[0]
    factories.AllocationFactory(project=world.project_a, source=source, amount=Decimal("50000"))
    factories.SpendingPlanFactory(project=world.project_a, quarter=2, amount=Decimal("12500"))
    factories.DisbursementFactory(project=world.project_a, date=datetime.date(2024, 2, 15), amount=Decimal("9000"))
    factories.ActivityFactory(project=world.project_a, title="อบรมครูเรื่องการอ่าน")
    factories.QuarterlyReportFactory(project=world.project_b, quarter=2, status="in_progress", state="submitted")
    booklet = world.booklet = Booklet.objects.create(action_plan=world.plan, months=6)
    world.failed_job = DocumentJob.objects.create(
        booklet=booklet, kind="publish", state="failed", phase="failed", attempts=3, step=2, steps=4,
        requested_by=world.planner, error="จัดทำไฟล์ไม่สำเร็จ: OSError: ไม่พบฟอนต์ (ทำแล้ว 3 ครั้ง)")
    world.running_job = DocumentJob.objects.create(booklet=booklet, kind="excel", state="running", phase="excel",
                                                  step=1, steps=2, requested_by=world.planner)
    Mail.objects.create(office=world.office, kind="returned", recipients=["owner_a@example.org"], subject="ส่งกลับ",
                        body="-", state="failed", attempts=3, error="เซิร์ฟเวอร์อีเมลไม่รับ: SMTPServerDisconnected")
    # The annual report's set-up (issue #17).
    from reports.annual.models import AnnualReport

    world.annual = AnnualReport.objects.create(action_plan=world.plan)
    # Jobs of the other documents (issue #13): an annual report's failed publication, the plan's running PDF
    # (the booklet list shows it to every member).
    world.annual_job = DocumentJob.objects.create(
        annual_report=world.annual, kind="publish", state="failed", phase="failed", attempts=3, step=2, steps=4,
        requested_by=world.planner, error="จัดทำไฟล์ไม่สำเร็จ: OSError: ไม่พบฟอนต์ (ทำแล้ว 3 ครั้ง)")
    world.plan_job = DocumentJob.objects.create(
        development_plan=world.plan.development_plan, kind="results", be_year=2567, state="running", phase="pdf",
        step=2, steps=4, requested_by=world.director)
    # An owner's imported draft waiting to be sent (issue #19).
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, state="draft")
    ImportUpload.objects.create(action_plan=world.plan, uploaded_by=world.owner_a, kind=ImportKind.RESULTS,
                                quarter=1, file_name="q1.xlsx", content=b"")
    # The office's budget by expenditure category (issue #17), and finance's workbook waiting for confirmation.
    lines = {"operating": LineInput(Decimal("15482300"), Decimal("15017894.50"), Decimal("212400")),
             "central": LineInput(Decimal("1250000"), Decimal("1248760"))}
    office_budget_set(office=world.office, fiscal_year=world.plan.fiscal_year, as_of=datetime.date(2024, 3, 31),
                      lines=lines, user=world.finance, expected_version=0)
    world.budget_upload = ImportUpload.objects.create(action_plan=world.plan, uploaded_by=world.finance,
                                                      kind=ImportKind.OFFICE_BUDGET, file_name="budget.xlsx",
                                                      content=budget_workbook())
    # Year-end reports (issue #17): project B's sent and waiting for review; project A's not started.
    factories.IndicatorFactory(project=world.project_a, text="ร้อยละของครูที่ผ่านการอบรม")
    YearEndReport.objects.create(project=world.project_b, state="submitted", verdict="not_achieved",
                                 verdict_reason="จัดกิจกรรมได้ไม่ครบ", disposition="returned",
                                 quantitative_results="อบรมครูครบทุกคน")
    return world


def pages_of(world):
    a, b = world.project_a.pk, world.project_b.pk
    dp, s = world.plan.development_plan_id, world.strategy.pk
    common = ["/projects/", f"/projects/{a}/", "/booklets/dashboard/", "/booklets/", "/budget/disbursements/",
              f"/reporting/projects/{a}/history/", "/plan/devplans/", f"/plan/devplans/{dp}/",
              f"/plan/devplans/{dp}/results/2567/", f"/plan/strategies/{s}/projects/"]
    return {
        "planner1": ["/plan/board/", "/plan/", "/plan/groups/", "/plan/strategies/", "/plan/windows/open/",
                     f"/projects/{a}/edit/", f"/projects/{a}/money/", f"/projects/{a}/activities/",
                     f"/projects/{a}/indicators/", "/import/", f"/reporting/projects/{b}/q2/",
                     f"/plan/devplans/{dp}/edit/", f"/plan/devplans/strategies/{s}/indicators/new/",
                     f"/import/devplans/{dp}/upload/", *common,
                     "/reporting/mails/", f"/booklets/jobs/{world.failed_job.pk}/",
                     f"/booklets/jobs/{world.running_job.pk}/", f"/booklets/jobs/{world.annual_job.pk}/",
                     # The office's own pages (issue #15).
                     "/office/people/", "/office/people/new/", f"/office/people/{_person(world.owner_b)}/",
                     "/office/people/import/", "/office/profile/", "/office/years/", "/office/years/2567/",
                     "/accounts/password/", "/accounts/login-attempts/",
                     # Review in one pass (issue #19).
                     f"/reporting/plans/{world.plan.pk}/q2/waiting/",
                     # The annual report's set-up pages (issue #17).
                     "/booklets/annual/new/", f"/booklets/annual/{world.annual.pk}/edit/",
                     # Year-end reports (issue #17): the review and the queue.
                     f"/year-end/projects/{b}/", f"/year-end/plans/{world.plan.pk}/waiting/",
                     # Filters, paging and the inbox on the empty review queue (issue #19, items 1 and 3).
                     f"/plan/board/?quarter=2&state=overdue&q=%E0%B8%97&owner={world.owner_b.pk}&page=1",
                     f"/projects/?quarter=2&status=not_reported&group={world.group.pk}&page=1",
                     "/budget/disbursements/?quarter=2&state=missing", f"/reporting/plans/{world.plan.pk}/q3/waiting/",
                     # The booklet preview's parts loaded on demand (issue #12).
                     f"/booklets/{world.booklet.pk}/preview/projects/{b}/",
                     f"/booklets/{world.booklet.pk}/preview/digest/"],
        "owner_a": ["/plan/my-projects/", f"/reporting/projects/{a}/q2/",
                    f"/year-end/projects/{a}/", f"/projects/{a}/edit/", "/accounts/password/",
                    *common, f"/import/{ImportUpload.objects.get(uploaded_by=world.owner_a).pk}/submit/"],
        "finance1": ["/plan/my-projects/", f"/budget/projects/{a}/", "/budget/disbursements/?quarter=2&state=missing",
                     f"/budget/projects/{a}/?back=quarter%3D2%26state%3Dmissing",
                     # The office's budget by expenditure category and its Excel (issue #17).
                     "/budget/office/", "/import/office-budget/upload/",
                     f"/import/office-budget/uploads/{world.budget_upload.pk}/",
                     *common],
        # The print views of a project and of a report (issue #19).
        "director1": [*common, f"/booklets/jobs/{world.plan_job.pk}/",
                      f"/booklets/print/projects/{a}/", f"/booklets/print/projects/{b}/q2/",
                      "/budget/office/", f"/year-end/projects/{b}/"],
    }


def _person(user):
    return Membership.objects.get(user=user).pk


def _violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def _unclear_regions(page):
    """A screen reader lists a page's scrollable table regions by name: each says which table it holds."""
    labels = page.eval_on_selector_all("[role=region]", "els => els.map(e => e.getAttribute('aria-label') || '')")
    unclear = sorted({label for label in labels if label in ("", "ตาราง") or labels.count(label) > 1})
    return [f"table regions named alike or not at all: {unclear}"] if unclear else []


@pytest.mark.parametrize("size", SIZES)
def test_every_page_passes_axe_and_fits_the_screen(browser, live_server, login, office, size):
    assert AXE.exists(), "axe-core is missing: `make setup-test` installs it (npm ci)"
    width, height = SIZES[size]
    problems = {}
    for username, paths in pages_of(office).items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = login(context.new_page(), username)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, (username, path, response.status)
            found = _violations(page)
            found += _unclear_regions(page)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                found.append(f"the page is {overflow} px wider than the screen")
            if found:
                problems[f"{username} {path}"] = found
        context.close()
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())
