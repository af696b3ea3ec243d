"""The board's reminder button (issue #19, item 3): one e-mail to each owner whose report of a quarter
is missed (projects.round_status, the one rule), through projects.notifications (a Mail row each,
which is the log the planner reads on the mail page), at most once a day per owner and quarter."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from plans.interface_digits import date_long
from plans.models import ReportingWindow
from projects.models import Project, QuarterlyReport
from projects.notifications.models import Mail, MailKind
from projects.notifications.services import mail_overdue_reminder
from projects.reporting.selectors import Reminder
from projects.round_status import is_missed

logger = logging.getLogger(__name__)


@dataclass
class RemindOutcome:
    sent: list = field(default_factory=list)  # owners mailed now
    already: list = field(default_factory=list)  # owners reminded of this quarter earlier today
    no_address: list = field(default_factory=list)  # owners without an e-mail address


def overdue_by_owner(window, today):
    """{owner: [Reminder]} for the window's missed reports (cancelled and completed projects never)."""
    projects = (
        Project.objects.filter(action_plan=window.action_plan, cancelled=False)
        .prefetch_related("owners", Prefetch("reports", queryset=QuarterlyReport.objects.filter(
            quarter__lte=window.quarter), to_attr="round_reports"))
        .order_by("code")
    )
    by_owner = {}
    for project in projects:
        if is_missed(window, project, project.round_reports, today):
            report = next((r for r in project.round_reports if r.quarter == window.quarter), None)
            for owner in project.owners.all():
                by_owner.setdefault(owner, []).append(Reminder(owner, project, window, report))
    return by_owner


def reminded_today(window, today):
    """Addresses already sent a reminder of the window's quarter today (the office's local day)."""
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    addresses = set()
    for recipients in Mail.objects.filter(kind=MailKind.REMINDER, window=window, created_at__gte=start,
                                          created_at__lt=start + datetime.timedelta(days=1)
                                          ).values_list("recipients", flat=True):
        addresses.update(recipients)
    return addresses


def remind_overdue(*, window, by, today):
    """Mail each owner whose report of the window's quarter is missed, unless reminded of it today."""
    outcome = RemindOutcome()
    with transaction.atomic():
        # Two clicks at once: the second waits here, then finds the first one's mails.
        ReportingWindow.objects.select_for_update().filter(pk=window.pk).first()
        already = reminded_today(window, today)
        deadline = date_long(window.action_plan.office, window.deadline)
        owners = overdue_by_owner(window, today)
        for owner in sorted(owners, key=lambda o: (o.get_full_name() or o.username)):
            if not owner.email:
                outcome.no_address.append(owner)
            elif owner.email in already:
                outcome.already.append(owner)
            elif mail_overdue_reminder(owner=owner, window=window, items=owners[owner], deadline=deadline):
                outcome.sent.append(owner)
                logger.info("Overdue reminder of Q%s (plan %s) to %s by %s", window.quarter, window.action_plan_id,
                            owner.username, by.username)
    return outcome
