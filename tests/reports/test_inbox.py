"""The "what needs me" inbox (issue #19, item 1): each role's items with counts, the union for a member
with several roles, the counts in the navigation, and a fixed number of queries however many projects."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import ReportingWindow
from reports.inbox import inbox_for
from reports.models import Booklet, Publication
from tests import factories

TODAY = datetime.date(2024, 4, 20)  # Q2's deadline (10 April) has passed; Q3's window closes on 25 April


@pytest.fixture
def office(world):
    world.q2 = ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    world.q3 = ReportingWindow.objects.create(action_plan=world.plan, quarter=3, deadline=datetime.date(2024, 4, 25))
    # Project A's Q2 report waits for review; project B never reported Q2 (missed).
    factories.QuarterlyReportFactory(project=world.project_a, quarter=2, state="submitted", status="in_progress")
    return world


def texts(inbox, key):
    section = inbox.section(key)
    return [item.text for item in section.items] if section else []


def test_the_planner_sees_reports_waiting_overdue_owners_and_windows_closing(office):
    inbox = inbox_for(office.planner, TODAY)
    items = inbox.section("planner").items
    waiting = next(i for i in items if "รอตรวจ" in i.text)
    assert waiting.count == 1 and "ไตรมาสที่ ๒" in waiting.text
    # The one-pass review starts at the first waiting report; the bulk-accept page is linked too.
    assert waiting.url == reverse("reporting:report", kwargs={"pk": office.project_a.pk, "quarter": 2})
    assert ("ตรวจรับหลายฉบับ", reverse("reporting:waiting", kwargs={"plan_pk": office.plan.pk, "quarter": 2})) \
        in waiting.links
    overdue = next(i for i in items if "เลยกำหนด" in i.text)
    assert overdue.count == 1 and "ผู้รับผิดชอบ ๑ คน" in overdue.text  # owner B, of project B
    assert "state=overdue" in overdue.url and "quarter=2" in overdue.url
    closing = next(i for i in items if "ใกล้ถึงกำหนดส่ง" in i.text)
    assert "ไตรมาสที่ ๓" in closing.text and "อีก ๕ วัน" in closing.text
    assert inbox.nav == {"board": inbox.section("planner").count}


def test_a_window_a_week_away_or_more_is_not_closing_soon(office):
    office.q3.deadline = TODAY + datetime.timedelta(days=8)
    office.q3.save()
    assert not [t for t in texts(inbox_for(office.planner, TODAY), "planner") if "ใกล้ถึงกำหนดส่ง" in t]


def test_a_round_with_nothing_waiting_and_nothing_published_is_ready_to_publish(office):
    assert not [t for t in texts(inbox_for(office.planner, TODAY), "planner") if "พร้อมจัดทำ" in t]
    office.project_a.reports.update(state="accepted")
    assert [t for t in texts(inbox_for(office.planner, TODAY), "planner") if "รอบ ๖ เดือน" in t]
    booklet = Booklet.objects.create(action_plan=office.plan, months=6)
    Publication.objects.create(booklet=booklet, title="t", pdf=b"%PDF", sha256="0" * 64, size=4,
                               published_by=office.planner)
    assert not [t for t in texts(inbox_for(office.planner, TODAY), "planner") if "รอบ ๖ เดือน" in t]


def test_the_owner_sees_due_returned_with_the_comment_and_missed_of_a_closed_window(office):
    office.q2.closed_at = datetime.datetime(2024, 4, 12, tzinfo=datetime.UTC)
    office.q2.save()
    inbox = inbox_for(office.owner_b, TODAY)
    items = inbox.section("owner").items
    assert [i.text.split(" · ")[1] for i in items] == ["เลยกำหนดส่ง ๑๐ เม.ย. ๖๗", "ส่งภายใน ๒๕ เม.ย. ๖๗"]
    factories.QuarterlyReportFactory(project=office.project_b, quarter=3, state="returned",
                                     review_comment="กรุณาระบุจำนวนโรงเรียน")
    returned = inbox_for(office.owner_b, TODAY).section("owner").items[-1]
    assert "ถูกส่งกลับ" in returned.text and returned.note == "กรุณาระบุจำนวนโรงเรียน"
    assert inbox_for(office.owner_b, TODAY).nav == {"my_projects": 2}


def test_a_handed_in_or_completed_report_is_not_due(office):
    factories.QuarterlyReportFactory(project=office.project_b, quarter=2, state="accepted", status="completed")
    assert inbox_for(office.owner_b, TODAY).section("owner") is None


def test_finance_sees_quarters_without_a_disbursement(office):
    factories.SpendingPlanFactory(project=office.project_a, quarter=2, amount=Decimal("1000"))
    factories.SpendingPlanFactory(project=office.project_b, quarter=2, amount=Decimal("1000"))
    factories.DisbursementFactory(project=office.project_b, date=datetime.date(2024, 2, 1), amount=Decimal("900"))
    items = inbox_for(office.finance, TODAY).section("finance").items
    assert [(i.text, i.count) for i in items] == [("ไตรมาสที่ ๒: ๑ โครงการยังไม่มีการบันทึกการเบิกจ่าย", 1)]
    assert "quarter=2" in items[0].url and "state=missing" in items[0].url


def test_the_director_sees_new_publications_and_overdue_projects(office):
    booklet = Booklet.objects.create(action_plan=office.plan, months=3)
    Publication.objects.create(booklet=booklet, title="t", pdf=b"%PDF", sha256="0" * 64, size=4,
                               published_by=office.planner)
    found = texts(inbox_for(office.director, TODAY), "director")
    assert any("เผยแพร่ใหม่" in t and "๑ ฉบับ" in t for t in found)
    assert any("เลยกำหนดส่งรายงาน ๑ โครงการ" in t for t in found)


def test_a_member_with_several_roles_sees_the_union(office):
    factories.SpendingPlanFactory(project=office.project_a, quarter=3, amount=Decimal("1000"))
    # head_a: director, finance, and an owner of project A.
    inbox = inbox_for(office.head_a, TODAY)
    assert [s.key for s in inbox.sections] == ["owner", "finance", "director"]
    assert inbox_for(office.owner_a, TODAY).section("planner") is None


def test_another_office_and_an_outsider_see_nothing_of_it(office):
    assert inbox_for(office.other_planner, TODAY).count == 0
    assert inbox_for(factories.UserFactory(), TODAY).sections == []


def test_the_counts_are_in_the_navigation_and_the_panel_on_the_home(client, office):
    client.force_login(office.planner)
    body = client.get(reverse("plans:board")).content.decode()
    assert 'data-count="board"' in body and 'id="inbox"' in body


def test_it_reads_in_a_fixed_number_of_queries_however_many_projects(office):
    def queries():
        for user in (office.head_a, office.planner):
            user.__dict__.pop("_tidtam_membership", None)  # each request asks for it once
        with CaptureQueriesContext(connection) as captured:
            inbox_for(office.head_a, TODAY)
            inbox_for(office.planner, TODAY)
        return len(captured)

    few = queries()
    for _ in range(30):
        project = factories.ProjectFactory(action_plan=office.plan, group=office.group, strategy=office.strategy,
                                           owners=[office.head_a, factories.UserFactory()])
        factories.QuarterlyReportFactory(project=project, quarter=2, state="submitted")
        factories.SpendingPlanFactory(project=project, quarter=3, amount=Decimal("10"))
    many = queries()
    print(f"\ninbox queries (head_a + planner): {few} with 2 projects, {many} with 32")
    assert many == few <= 22
