"""Rules for the year-end report pages (issue #17) and the files on a year-end report (#18).

Every member of the office reads a project's year-end report; another office gets 404. Its owners
and the planner write it (tested in tests/year_end/, since a URL has one rule here); only the
office's planner reviews, reopens and sees the queue; everyone else gets 403.
"""

from projects.models import YearEndReport
from tests.permission_rules import Rule
from tests.permission_rules.reporting import PLANNER_ACTION, PLANNER_PAGE, READ_OBJECT

# Owner A and the planner may attach; an empty post is refused with a message and sent back (302).
WRITE = {
    "anonymous": 302, "owner_a": 302, "owner_b": 403, "planner": 302, "director": 403, "finance": 403,
    "other_planner": 404,
}


def _report(world, state="submitted"):
    return YearEndReport.objects.get_or_create(project=world.project_a, defaults={"state": state})[0]


RULES = {
    "year_end:report": Rule(kwargs=lambda w: {"pk": w.project_a.pk}, expect=READ_OBJECT),
    "year_end:review": Rule(method="POST", kwargs=lambda w: {"pk": _report(w).pk}, expect=PLANNER_ACTION),
    "year_end:reopen": Rule(method="POST", kwargs=lambda w: {"pk": _report(w).pk}, expect=PLANNER_ACTION),
    "year_end:waiting": Rule(kwargs=lambda w: {"plan_pk": w.plan.pk}, expect=PLANNER_PAGE),
    "evidence:add_to_year_end": Rule(method="POST", kwargs=lambda w: {"pk": _report(w, "draft").pk}, expect=WRITE),
}
