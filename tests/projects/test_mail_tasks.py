"""Mail as tasks (run eagerly here): who is told what, absolute links, retries, and a mail server that
fails never turns the planner's saved change into an error page; the planner sees "not sent"."""

import datetime
import logging

import pytest
from django.core import mail
from django.urls import reverse

from plans import services as plan_services
from projects.notifications.models import Mail
from projects.reporting.services import report_accept, report_submit
from tests.projects.mail_backends import FlakyBackend
from tests.projects.test_report_services import complete_input, open_window

SITE = "https://tidtam.example.go.th"


@pytest.fixture
def mail_setup(world, settings):
    settings.TIDTAM_SITE_URL = SITE
    for user in (world.owner_a, world.owner_b, world.planner):
        user.email = f"{user.username}@example.org"
        user.save()
    open_window(world.plan)
    return world


def submitted(world, capture):
    with capture(execute=True):
        return report_submit(project=world.project_a, quarter=2, user=world.owner_a,
                             data=complete_input(world.project_a))


def test_a_submitted_report_is_mailed_to_the_planners_with_an_absolute_link(mail_setup,
                                                                            django_capture_on_commit_callbacks):
    world = mail_setup
    report = submitted(world, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["planner1@example.org"]]
    link = SITE + reverse("reporting:report", kwargs={"pk": world.project_a.pk, "quarter": 2})
    assert link in mail.outbox[0].body and world.project_a.code in mail.outbox[0].subject
    assert Mail.objects.get(report=report).state == "sent"


def test_an_accepted_report_is_mailed_to_its_owners(mail_setup, django_capture_on_commit_callbacks):
    world = mail_setup
    report = submitted(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        report_accept(report=report, user=world.planner, expected_version=report.version)
    assert mail.outbox[-1].to == ["owner_a@example.org"] and "ตรวจรับแล้ว" in mail.outbox[-1].subject


def test_opening_a_window_mails_each_owner_their_projects(mail_setup, django_capture_on_commit_callbacks):
    world = mail_setup
    with django_capture_on_commit_callbacks(execute=True):
        plan_services.reporting_window_open(action_plan=world.plan, quarter=3, deadline=datetime.date(2024, 7, 10),
                                            by=world.planner)
    assert sorted(m.to[0] for m in mail.outbox) == ["owner_a@example.org", "owner_b@example.org"]
    body_a = next(m.body for m in mail.outbox if m.to == ["owner_a@example.org"])
    assert "ไตรมาสที่ ๓" in body_a and world.project_a.code in body_a and world.project_b.code not in body_a
    assert "กรุณาส่งภายใน ๑๐ กรกฎาคม พ.ศ. ๒๕๖๗" in body_a
    assert SITE + reverse("reporting:report", kwargs={"pk": world.project_a.pk, "quarter": 3}) in body_a


def test_mail_follows_the_offices_interface_digits(mail_setup, django_capture_on_commit_callbacks):
    """The quarter and the deadline the portal writes into a mail are in the digits the office chose for its
    pages; links and project codes keep theirs."""
    world = mail_setup
    world.plan.office.interface_digits = "arabic"
    world.plan.office.save(update_fields=["interface_digits"])
    with django_capture_on_commit_callbacks(execute=True):
        plan_services.reporting_window_open(action_plan=world.plan, quarter=3, deadline=datetime.date(2024, 7, 10),
                                            by=world.planner)
    sent = next(m for m in mail.outbox if m.to == ["owner_a@example.org"])
    assert "ไตรมาสที่ 3" in sent.subject and "10 กรกฎาคม พ.ศ. 2567" in sent.subject
    assert "ไตรมาสที่ 3" in sent.body and "กรุณาส่งภายใน 10 กรกฎาคม พ.ศ. 2567" in sent.body
    assert SITE + reverse("reporting:report", kwargs={"pk": world.project_a.pk, "quarter": 3}) in sent.body


@pytest.mark.django_db(transaction=True)  # commits as in production: the mail task runs inside the request
def test_a_failing_mail_server_does_not_break_the_return_and_the_planner_sees_not_sent(
        mail_setup, client, settings, caplog, django_capture_on_commit_callbacks):
    world = mail_setup
    report = submitted(world, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "tests.projects.mail_backends.FailingBackend"
    client.force_login(world.planner)
    with caplog.at_level(logging.WARNING):
        response = client.post(reverse("reporting:review", args=[report.pk]),
                               {"version": report.version, "action": "return", "comment": "ขาดภาพกิจกรรม"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "returned"  # the return stands
    sent = Mail.objects.get(report=report, kind="returned")
    assert (sent.state, sent.attempts) == ("failed", 3)
    assert "SMTPServerDisconnected" in sent.error and "เซิร์ฟเวอร์อีเมลไม่รับ" in sent.error
    assert any("not sent after 3 tries" in r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)
    # The review goes on to the next waiting report (issue #19); the warning comes along, and the report's
    # own page lists the mail as not sent.
    page = client.get(response["Location"]).content.decode()
    assert "ส่งอีเมลแจ้งผู้รับผิดชอบไม่สำเร็จ" in page
    report_page = client.get(reverse("reporting:report", args=[report.project_id, report.quarter])).content.decode()
    assert "ส่งไม่สำเร็จ" in report_page
    listing = client.get(reverse("reporting:mails")).content.decode()
    assert "ส่งไม่สำเร็จ ๑ ฉบับ" in listing and "ส่งอีกครั้ง" in listing

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(reverse("reporting:mail_resend", args=[sent.pk]))
    sent.refresh_from_db()
    assert sent.state == "sent" and mail.outbox[-1].to == ["owner_a@example.org"]


def test_a_mail_refused_once_is_sent_on_the_next_try(mail_setup, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.projects.mail_backends.FlakyBackend"
    FlakyBackend.failures_left = 1
    report = submitted(mail_setup, django_capture_on_commit_callbacks)
    sent = Mail.objects.get(report=report)
    assert (sent.state, sent.attempts, sent.error) == ("sent", 2, "")
    assert len(mail.outbox) == 1


def test_a_broker_that_is_down_marks_the_mail_not_sent_and_the_report_is_sent(
        mail_setup, monkeypatch, django_capture_on_commit_callbacks):
    from projects import tasks

    def down(*args, **kwargs):
        raise ConnectionRefusedError("redis down")

    monkeypatch.setattr(tasks.send_mail_task, "delay", down)
    report = submitted(mail_setup, django_capture_on_commit_callbacks)
    assert report.state == "submitted"
    assert Mail.objects.get(report=report).state == "failed"
    assert "ส่งเข้าคิวไม่ได้" in Mail.objects.get(report=report).error
