"""Every role's pages, on a desktop and on a phone, checked by axe-core (WCAG 2 A and AA rules) and for
sideways scrolling: no serious or critical violation, nothing wider than a 390 px screen."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from budget.models import BudgetSource
from plans.models import Membership, ReportingWindow
from projects.models import ImportKind, ImportUpload
from projects.notifications.models import Mail
from reports.models import Booklet, BookletJob
from tests import factories

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
    world.failed_job = BookletJob.objects.create(
        booklet=booklet, kind="publish", state="failed", phase="failed", attempts=3, step=2, steps=4,
        requested_by=world.planner, error="จัดทำไฟล์ไม่สำเร็จ: OSError: ไม่พบฟอนต์ (ทำแล้ว 3 ครั้ง)")
    world.running_job = BookletJob.objects.create(booklet=booklet, kind="excel", state="running", phase="excel",
                                                  step=1, steps=2, requested_by=world.planner)
    Mail.objects.create(office=world.office, kind="returned", recipients=["owner_a@example.org"], subject="ส่งกลับ",
                        body="-", state="failed", attempts=3, error="เซิร์ฟเวอร์อีเมลไม่รับ: SMTPServerDisconnected")
    # An owner's imported draft waiting to be sent (issue #19).
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, state="draft")
    ImportUpload.objects.create(action_plan=world.plan, uploaded_by=world.owner_a, kind=ImportKind.RESULTS,
                                quarter=1, file_name="q1.xlsx", content=b"")
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
                     f"/booklets/jobs/{world.running_job.pk}/",
                     # The office's own pages (issue #15).
                     "/office/people/", "/office/people/new/", f"/office/people/{_person(world.owner_b)}/",
                     "/office/people/import/", "/office/profile/", "/office/years/", "/office/years/2567/",
                     "/office/development-plans/new/", "/accounts/password/", "/accounts/login-attempts/",
                     # Review in one pass (issue #19).
                     f"/reporting/plans/{world.plan.pk}/q2/waiting/",
                     # The booklet preview's parts loaded on demand (issue #12).
                     f"/booklets/{world.booklet.pk}/preview/projects/{b}/",
                     f"/booklets/{world.booklet.pk}/preview/digest/"],
        "owner_a": ["/plan/my-projects/", f"/reporting/projects/{a}/q2/", f"/projects/{a}/edit/", "/accounts/password/",
                    *common, f"/import/{ImportUpload.objects.get(uploaded_by=world.owner_a).pk}/submit/"],
        "finance1": ["/plan/my-projects/", f"/budget/projects/{a}/",
                     *common],
        # The print views of a project and of a report (issue #19).
        "director1": [*common, f"/booklets/print/projects/{a}/", f"/booklets/print/projects/{b}/q2/"],
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
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                found.append(f"the page is {overflow} px wider than the screen")
            if found:
                problems[f"{username} {path}"] = found
        context.close()
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())
