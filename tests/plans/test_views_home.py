import datetime

import pytest
from django.urls import reverse

from plans.models import ReportingWindow
from projects.models import ReportState
from tests import factories


@pytest.mark.parametrize(
    ("user", "lands_on"),
    [
        ("planner", "plans:board"),
        ("owner_a", "plans:my_projects"),
        ("director", "reports:dashboard"),
        ("finance", "budget:disbursements"),
    ],
)
def test_it_sends_each_role_to_its_own_home_page(client, world, user, lands_on):
    client.force_login(getattr(world, user))
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == reverse(lands_on)


def test_it_sends_anonymous_users_to_login(client, db):
    response = client.get(reverse("home"))
    assert response.url.startswith("/accounts/login/")


def test_it_shows_a_thai_404_to_a_user_without_an_office(client, db):
    client.force_login(factories.UserFactory(username="nobody"))
    response = client.get(reverse("home"))
    assert response.status_code == 404
    assert "บัญชีนี้ยังไม่ได้สังกัดหน่วยงานใด" in response.content.decode()


def test_it_lists_only_the_owners_own_projects(client, world):
    client.force_login(world.owner_a)
    page = client.get(reverse("plans:my_projects")).content.decode()
    assert world.project_a.title in page
    assert world.project_b.title not in page


def test_it_shows_the_open_quarter_deadline_and_report_state_on_my_projects(client, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2099, 4, 15))
    factories.QuarterlyReportFactory(project=world.project_a, quarter=2, state=ReportState.RETURNED)
    client.force_login(world.owner_a)
    page = client.get(reverse("plans:my_projects")).content.decode()
    assert "รายงานไตรมาสที่ ๒" in page
    assert "ส่งกลับให้แก้ไข" in page
    assert "เลยกำหนด" not in page


def test_it_marks_a_report_past_its_deadline_as_overdue_on_my_projects(client, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=datetime.date(2000, 1, 15))
    client.force_login(world.owner_a)
    page = client.get(reverse("plans:my_projects")).content.decode()
    assert "ยังไม่มีรายงาน" in page
    assert "เลยกำหนด" in page


def _report_link(page):
    start = page.index('report-link"')
    return page[page.rindex("<a ", 0, start):page.index("</a>", start)]


@pytest.mark.parametrize(("closed", "report", "button", "says"), [
    (False, False, "btn-primary", "เริ่มรายงาน"),
    (True, False, "btn-outline-secondary", "ดูหน้ารายงาน"),  # nothing to start: the window is closed
    (True, True, "btn-primary", "เปิดรายงาน"),
])
def test_a_closed_quarter_is_not_offered_to_be_started(client, world, closed, report, button, says):
    """The owner's home offers to start a report only while its quarter takes reports."""
    from django.utils import timezone

    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2000, 4, 15),
                                   closed_at=timezone.now() if closed else None)
    if report:
        factories.QuarterlyReportFactory(project=world.project_a, quarter=2, state=ReportState.DRAFT)
    client.force_login(world.owner_a)
    link = _report_link(client.get(reverse("plans:my_projects")).content.decode())
    assert button in link and link.endswith(says)
    assert ("ปิดรับรายงานแล้ว" in client.get(reverse("plans:my_projects")).content.decode()) is closed
