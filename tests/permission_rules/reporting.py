"""Rules for the quarterly report pages (issue #3).

Every member of the office reads a project's report and its history; another office gets 404.
Owners and planners write reports (tested in tests/projects/test_report_views.py, since a URL has
one rule here); only the office's planner reviews and reopens, everyone else gets 403.
"""

from decimal import Decimal

from projects.models import QuarterlyReport
from tests.permission_rules import Rule

READ_OBJECT = {
    "anonymous": 302,
    "owner_a": 200,
    "owner_b": 200,
    "planner": 200,
    "director": 200,
    "finance": 200,
    "other_planner": 404,
}
# An empty form is refused with a message and a redirect back to the report: 302 for the planner.
PLANNER_ACTION = {
    "anonymous": 302,
    "owner_a": 403,
    "owner_b": 403,
    "planner": 302,
    "director": 403,
    "finance": 403,
    "other_planner": 404,
}


def _mail(world):
    from projects.notifications.models import Mail

    return Mail.objects.get_or_create(office=world.office, kind="returned", state="failed",
                                      defaults={"recipients": ["owner_a@example.org"], "subject": "s", "body": "b"})[0]


def _report(world):
    return QuarterlyReport.objects.get_or_create(
        project=world.project_a,
        quarter=2,
        defaults={"state": "submitted", "spent_amount": Decimal("0")},
    )[0]


# The quarter's reports waiting for review (issue #19): the planner's page; other members 403.
PLANNER_PAGE = {**PLANNER_ACTION, "planner": 200}


RULES = {
    "reporting:report": Rule(kwargs=lambda w: {"pk": w.project_a.pk, "quarter": 2}, expect=READ_OBJECT),
    "reporting:history": Rule(kwargs=lambda w: {"pk": w.project_a.pk}, expect=READ_OBJECT),
    "reporting:review": Rule(method="POST", kwargs=lambda w: {"pk": _report(w).pk}, expect=PLANNER_ACTION),
    "reporting:reopen": Rule(method="POST", kwargs=lambda w: {"pk": _report(w).pk}, expect=PLANNER_ACTION),
    # The office's mail: planners only (each planner sees their own office's list).
    "reporting:mails": Rule(expect={**PLANNER_ACTION, "planner": 200, "other_planner": 200}),
    "reporting:mail_resend": Rule(method="POST", kwargs=lambda w: {"pk": _mail(w).pk}, expect=PLANNER_ACTION),
    "reporting:waiting": Rule(kwargs=lambda w: {"plan_pk": w.plan.pk, "quarter": 2}, expect=PLANNER_PAGE),
    # Nothing checked: refused with a message and a redirect back to the list (302 for the planner).
    "reporting:accept_checked": Rule(method="POST", kwargs=lambda w: {"plan_pk": w.plan.pk, "quarter": 2},
                                     expect=PLANNER_ACTION),
    # The board's reminder to a quarter's overdue owners (issue #19): the planner is sent back to the
    # board (302) with what was sent; other members 403, another office 404.
    "reporting:remind_overdue": Rule(method="POST", kwargs=lambda w: {"plan_pk": w.plan.pk, "quarter": 2},
                                     expect=PLANNER_ACTION),
}
