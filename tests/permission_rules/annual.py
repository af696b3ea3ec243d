"""The annual report (issue #17): planners set it up, preview, draft and publish it; every member of the
office downloads what was published and the Excel tables; another office sees nothing (404)."""

import hashlib

from tests.permission_rules import Rule
from tests.permission_rules.reports import MEMBERS, PLANNERS_ONLY


def annual(world):
    from reports.annual.models import AnnualReport

    return AnnualReport.objects.get_or_create(action_plan=world.plan)[0]


def publication(world):
    from reports.annual.models import AnnualPublication

    pdf = b"%PDF-1.7 annual permission test"
    return AnnualPublication.objects.get_or_create(
        report=annual(world), title="test",
        defaults={"pdf": pdf, "sha256": hashlib.sha256(pdf).hexdigest(), "size": len(pdf),
                  "published_by": world.planner},
    )[0]


def of_annual(world):
    return {"pk": annual(world).pk}


RULES = {
    "reports:annual_new": Rule(expect={**PLANNERS_ONLY, "other_planner": 200}),
    "reports:annual_edit": Rule(kwargs=of_annual, expect={**PLANNERS_ONLY, "other_planner": 404}),
    "reports:annual_preview": Rule(kwargs=of_annual, expect={**PLANNERS_ONLY, "other_planner": 404}),
    # The draft PDF is made by a job: the answer is the job's progress page.
    "reports:annual_pdf": Rule(kwargs=of_annual, expect={**PLANNERS_ONLY, "planner": 302, "other_planner": 404}),
    "reports:annual_excel": Rule(kwargs=of_annual, expect={**MEMBERS, "other_planner": 404}),
    "reports:annual_publish": Rule(method="POST", kwargs=of_annual,
                                   expect={**PLANNERS_ONLY, "planner": 302, "other_planner": 404}),
    "reports:annual_publication_pdf": Rule(kwargs=lambda w: {"pk": publication(w).pk},
                                           expect={**MEMBERS, "other_planner": 404}),
}
