"""The board's reminder button (issue #19, item 3): one e-mail to each owner whose report of the quarter
is missed, logged as a Mail row, at most once a day per owner and quarter; a second click says so."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import ReportingWindow
from projects.notifications.models import Mail, MailKind
from tests import factories


@pytest.fixture
def late(world):
    """Q2's deadline has passed; project A reported, project B (owner B) did not, project C (owner A and
    owner B) has a draft."""
    for user in (world.owner_a, world.owner_b):
        user.email = f"{user.username}@example.org"
        user.save()
    window = ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    factories.QuarterlyReportFactory(project=world.project_a, quarter=2, state="submitted")
    world.project_c = factories.ProjectFactory(action_plan=world.plan, group=world.group, strategy=world.strategy,
                                               owners=[world.owner_a, world.owner_b])
    factories.QuarterlyReportFactory(project=world.project_c, quarter=2, state="draft")
    return window


def remind(client, world, quarter=2, **data):
    url = reverse("reporting:remind_overdue", kwargs={"plan_pk": world.plan.pk, "quarter": quarter})
    return client.post(url, data, follow=True)


def test_it_mails_each_overdue_owner_once_with_their_projects(client, world, late):
    client.force_login(world.planner)
    response = remind(client, world, back=f"group={world.group.pk}&state=overdue")
    mails = Mail.objects.filter(kind=MailKind.REMINDER, window=late).order_by("recipients")
    assert [m.recipients for m in mails] == [[world.owner_a.email], [world.owner_b.email]]
    mail_b = mails.get(recipients=[world.owner_b.email])
    assert world.project_b.code in mail_b.body and world.project_c.code in mail_b.body
    assert world.project_a.code not in mails.get(recipients=[world.owner_a.email]).body  # A reported
    assert "เลยกำหนดส่ง" in mail_b.subject
    assert "ส่งอีเมลเตือนผู้รับผิดชอบที่เลยกำหนดส่งไตรมาสที่ 2 แล้ว 2 คน" in response.content.decode()
    # Back on the board, with the filter it was sent from.
    assert response.request["PATH_INFO"] == reverse("plans:board")
    assert response.request["QUERY_STRING"] == f"year=2567&quarter=2&group={world.group.pk}&state=overdue"


def test_a_second_click_the_same_day_sends_nothing_and_says_so(client, world, late):
    client.force_login(world.planner)
    remind(client, world)
    response = remind(client, world)
    assert Mail.objects.filter(kind=MailKind.REMINDER).count() == 2
    assert "ไปแล้ว จึงไม่ส่งซ้ำ" in response.content.decode()


def test_the_next_day_it_sends_again(client, world, late):
    client.force_login(world.planner)
    remind(client, world)
    Mail.objects.update(created_at=timezone.now() - datetime.timedelta(days=1))
    remind(client, world)
    assert Mail.objects.filter(kind=MailKind.REMINDER).count() == 4


def test_an_owner_without_an_address_is_named(client, world, late):
    world.owner_b.email = ""
    world.owner_b.save()
    client.force_login(world.planner)
    body = remind(client, world).content.decode()
    assert "ส่งไม่ได้เพราะไม่มีอีเมล" in body
    assert Mail.objects.filter(kind=MailKind.REMINDER).count() == 1


def test_nobody_late_and_no_window_say_so(client, world, late):
    client.force_login(world.planner)
    assert "ยังไม่ได้เปิดรับรายงาน" in remind(client, world, quarter=3).content.decode()
    late.deadline = datetime.date(2099, 1, 1)
    late.save()
    assert "ไม่มีผู้รับผิดชอบที่เลยกำหนดส่ง" in remind(client, world).content.decode()
    assert not Mail.objects.filter(kind=MailKind.REMINDER).exists()


def test_the_board_shows_the_button_to_the_planner_only(client, world, late):
    client.force_login(world.planner)
    body = client.get(reverse("plans:board"), {"quarter": 2}).content.decode()
    assert 'id="remind-form"' in body and "(2 คน)" in body.replace("๒", "2")
    client.force_login(world.director)
    assert 'id="remind-form"' not in client.get(reverse("plans:board"), {"quarter": 2}).content.decode()
