"""Rules for evidence files (issue #18).

Every member of the office opens a report's photos and documents; another office gets 404. Only
the project's planner or owners attach, remove, move and recaption (403 for other members); the
refusals and limits themselves are tested in tests/evidence/.
"""

import datetime

from plans.models import ReportingWindow
from projects.evidence.services import Upload, attachments_add
from projects.models import QuarterlyReport
from tests.evidence import samples
from tests.permission_rules import Rule

READ = {
    "anonymous": 302, "owner_a": 200, "owner_b": 200, "planner": 200, "director": 200, "finance": 200,
    "other_planner": 404,
}
# Owner A and the planner may write; an empty post is refused with a message and sent back (302).
WRITE = {
    "anonymous": 302, "owner_a": 302, "owner_b": 403, "planner": 302, "director": 403, "finance": 403,
    "other_planner": 404,
}


def _report(world):
    ReportingWindow.objects.get_or_create(action_plan=world.plan, quarter=2,
                                          defaults={"deadline": datetime.date(2024, 4, 10)})
    return QuarterlyReport.objects.get_or_create(project=world.project_a, quarter=2)[0]


def _photo(world):
    report = _report(world)
    existing = report.attachments.first()
    if existing:
        return existing
    return attachments_add(project=world.project_a, report=report, user=world.owner_a, uploads=[
        Upload(name="a.jpg", file=samples.upload("a.jpg", samples.jpeg()), caption="ภาพกิจกรรม")])[0]


RULES = {
    "evidence:download": Rule(kwargs=lambda w: {"pk": _photo(w).pk}, expect=READ),
    "evidence:thumbnail": Rule(kwargs=lambda w: {"pk": _photo(w).pk}, expect=READ),
    "evidence:add_to_report": Rule(method="POST", kwargs=lambda w: {"pk": _report(w).pk}, expect=WRITE),
    "evidence:add_to_project": Rule(method="POST", kwargs=lambda w: {"pk": w.project_a.pk}, expect=WRITE),
    # A move with no direction moves up: the photo is first already, so nothing changes (302 back).
    "evidence:move": Rule(method="POST", kwargs=lambda w: {"pk": _photo(w).pk}, expect=WRITE),
    # An empty caption is refused with a message (302 back).
    "evidence:caption": Rule(method="POST", kwargs=lambda w: {"pk": _photo(w).pk}, expect=WRITE),
    "evidence:delete": Rule(method="POST", kwargs=lambda w: {"pk": _photo(w).pk}, expect=WRITE),
}
