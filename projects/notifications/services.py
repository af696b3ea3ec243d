"""Mail as tasks: compose now (absolute links from TIDTAM_SITE_URL), send in a Celery worker.

`queue_mail` writes the Mail row and hands it to the worker once the caller's transaction commits;
`send` (the body of the task in projects/tasks.py) sends it, retries a failing server, and after
MAX_TRIES marks it failed and logs it. Nothing here raises into the page that caused the mail: a
broken mail server or broker leaves a row marked "not sent" that the planner sees
(projects/notifications/views.py).
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from plans.interface_digits import date_long, digits_of
from plans.models import Membership, Role
from projects.models import Project
from projects.notifications.models import MAX_TRIES, Mail, MailKind, MailState

logger = logging.getLogger(__name__)

NOT_QUEUED = "ส่งเข้าคิวไม่ได้ (ระบบคิวงานไม่ตอบสนอง) กด “ส่งอีกครั้ง” หรือแจ้งผู้ดูแลระบบให้ตรวจ Redis และ worker"


# Seconds before the second and the third try: a mail server that restarts has time to come back.
RETRY_AFTER_S = [60, 300]


class SendLater(Exception):
    """The mail server refused or was unreachable; the task tries again later."""


def queue_mail(*, office, kind, recipients, template, context, report=None, window=None):
    """A Mail to `recipients` from emails/<template>.txt and emails/<template>_subject.txt; None if
    nobody has an address. Sent after the surrounding transaction commits."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return None
    # The numbers the portal writes (quarters, dates) follow the office's interface digits, as its pages do.
    context = {**context, "site": settings.TIDTAM_SITE_URL, "digits": digits_of(office)}
    try:
        with transaction.atomic():  # a savepoint: whatever fails here, the caller's change stands
            mail = Mail.objects.create(
                office=office, kind=kind, recipients=recipients, report=report, window=window,
                # One line whatever the project code or title hold (a newline in a header is refused).
                subject=" ".join(render_to_string(f"emails/{template}_subject.txt", context).split())[:300],
                body=render_to_string(f"emails/{template}.txt", context),
            )
    except Exception:
        logger.exception("Mail %s to %s could not be written", kind, recipients)
        return None
    transaction.on_commit(lambda: enqueue(mail.pk))
    return mail


def enqueue(mail_id):
    from projects.tasks import send_mail_task  # Celery is loaded by the first process that queues a task

    try:
        send_mail_task.delay(mail_id)
    except Exception as error:  # the broker is down: the page goes on, the planner sees "not sent"
        logger.exception("Mail %s could not be queued", mail_id)
        Mail.objects.filter(pk=mail_id, state=MailState.QUEUED).update(
            state=MailState.FAILED, error=f"{NOT_QUEUED} ({type(error).__name__})")


def resend(mail):
    """Send a mail that was not sent once more (the planner's button)."""
    Mail.objects.filter(pk=mail.pk).update(state=MailState.QUEUED, attempts=0, error="")
    enqueue(mail.pk)


def send(mail_id):
    """One try at sending. Raises SendLater when it failed and may be tried again."""
    with transaction.atomic():
        mail = Mail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.state != MailState.QUEUED:
            return None  # sent or given up already: a redelivered task does nothing
        mail.attempts += 1
        mail.save(update_fields=["attempts"])
    try:
        EmailMessage(subject=mail.subject, body=mail.body, to=mail.recipients).send()
    except Exception as error:
        message = f"เซิร์ฟเวอร์อีเมลไม่รับ: {type(error).__name__}: {error}"
        if mail.attempts < MAX_TRIES:
            logger.warning("Mail %s not sent (try %s of %s): %s", mail.pk, mail.attempts, MAX_TRIES, error)
            Mail.objects.filter(pk=mail.pk).update(error=message)
            raise SendLater(message) from error
        logger.error("Mail %s to %s not sent after %s tries: %s", mail.pk, mail.recipients, MAX_TRIES, error)
        Mail.objects.filter(pk=mail.pk).update(state=MailState.FAILED, error=message)
        return mail
    Mail.objects.filter(pk=mail.pk).update(state=MailState.SENT, sent_at=timezone.now(), error="")
    return mail


# --- What is sent, and to whom --------------------------------------------------------------------


def _owners(report):
    return [owner.email for owner in report.project.owners.all()]


def _report_context(report):
    return {"report": report, "project": report.project}


def mail_report_returned(report):
    return queue_mail(office=report.project.action_plan.office, kind=MailKind.RETURNED, recipients=_owners(report),
                      template="report_returned", context=_report_context(report), report=report)


def mail_report_accepted(report):
    return queue_mail(office=report.project.action_plan.office, kind=MailKind.ACCEPTED, recipients=_owners(report),
                      template="report_accepted", context=_report_context(report), report=report)


def mail_report_submitted(report):
    """To the office's planners: a report waits for their review."""
    office = report.project.action_plan.office
    members = Membership.objects.filter(office=office).select_related("user")
    planners = [m.user.email for m in members if m.has_role(Role.PLANNER)]  # a main or an extra role
    return queue_mail(office=office, kind=MailKind.SUBMITTED, recipients=planners,
                      template="report_submitted", context=_report_context(report), report=report)


YEAR_END_KINDS = {"submitted": MailKind.SUBMITTED, "returned": MailKind.RETURNED, "accepted": MailKind.ACCEPTED}


def mail_year_end(report, what):
    """A year-end report was sent (to the planners), returned or accepted (to its owners)."""
    office = report.project.action_plan.office
    if what == "submitted":
        members = Membership.objects.filter(office=office).select_related("user")
        recipients = [m.user.email for m in members if m.has_role(Role.PLANNER)]
    else:
        recipients = _owners(report)
    return queue_mail(office=office, kind=YEAR_END_KINDS[what], recipients=recipients,
                      template=f"year_end_{what}", context=_report_context(report))


def mail_window_opened(window):
    """One mail per owner of a project in the plan: the quarter is open, until when, which projects."""
    projects = Project.objects.filter(action_plan=window.action_plan).prefetch_related("owners").order_by("code")
    by_owner = {}
    for project in projects:
        for owner in project.owners.all():
            by_owner.setdefault(owner, []).append(project)
    deadline = date_long(window.action_plan.office, window.deadline)
    return [
        queue_mail(office=window.action_plan.office, kind=MailKind.WINDOW_OPENED, recipients=[owner.email],
                   template="window_opened", window=window,
                   context={"owner": owner, "window": window, "projects": owned, "deadline": deadline})
        for owner, owned in by_owner.items()
    ]


def mail_reminder(*, owner, window, items, deadline):
    return queue_mail(office=window.action_plan.office, kind=MailKind.REMINDER, recipients=[owner.email],
                      template="reminder", window=window,
                      context={"owner": owner, "window": window, "items": items, "deadline": deadline})


def mail_overdue_reminder(*, owner, window, items, deadline):
    """The board's reminder button (issue #19): the owner's reports of the quarter are past their deadline."""
    return queue_mail(office=window.action_plan.office, kind=MailKind.REMINDER, recipients=[owner.email],
                      template="overdue_reminder", window=window,
                      context={"owner": owner, "window": window, "items": items, "deadline": deadline})
