import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from plans.models import ReportingWindow
from projects.models import ReportState
from tests import factories


def run(*args):
    """The command as cron runs it: each mail goes to its task once its row is committed."""
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def owners_with_mail(world):
    for user in (world.owner_a, world.owner_b):
        user.email = f"{user.username}@example.org"
        user.save()


def window_due_in(world, days, **extra):
    deadline = timezone.localdate() + datetime.timedelta(days=days)
    return ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=deadline, **extra)


def test_it_mails_owners_whose_report_is_missing_or_returned(world, owners_with_mail):
    window_due_in(world, 2)
    factories.QuarterlyReportFactory(project=world.project_b, quarter=2, state=ReportState.RETURNED)
    output = run()
    assert sorted(m.to[0] for m in mail.outbox) == ["owner_a@example.org", "owner_b@example.org"]
    body_b = next(m.body for m in mail.outbox if m.to == ["owner_b@example.org"])
    assert "ถูกส่งกลับ" in body_b and world.project_b.code in body_b
    assert "ส่งเข้าคิวอีเมลเตือน 2 ฉบับ" in output


def test_it_leaves_out_submitted_and_accepted_reports(world, owners_with_mail):
    window_due_in(world, 1)
    factories.QuarterlyReportFactory(project=world.project_a, quarter=2, state=ReportState.SUBMITTED)
    factories.QuarterlyReportFactory(project=world.project_b, quarter=2, state=ReportState.ACCEPTED)
    run()
    assert mail.outbox == []


def test_it_waits_until_the_deadline_is_near(world, owners_with_mail):
    window_due_in(world, 5)
    run("--days", "3")
    assert mail.outbox == []
    run("--days", "5")
    assert len(mail.outbox) == 2


def test_it_ignores_closed_windows(world, owners_with_mail):
    window_due_in(world, 1, closed_at=timezone.now())
    run()
    assert mail.outbox == []


def test_it_sends_nothing_on_a_dry_run_but_says_what_it_would_send(world, owners_with_mail):
    window_due_in(world, 1)
    output = run("--dry-run")
    assert mail.outbox == []
    assert "จะส่ง owner_a@example.org" in output
