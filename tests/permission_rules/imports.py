"""Excel import/export (issue #5): planners import and export the plan; owners export and import the
results of their own projects; an upload is seen only by the person who uploaded it."""

from projects.models import ImportKind, ImportUpload
from projects.workbooks.plan_workbook import build_plan_workbook
from projects.workbooks.results_workbook import build_results_workbook
from tests.permission_rules import Rule

ANONYMOUS_TO_LOGIN = {"anonymous": 302}
PLANNER_ONLY = {
    **ANONYMOUS_TO_LOGIN,
    "owner_a": 403,
    "owner_b": 403,
    "planner": 200,
    "director": 403,
    "finance": 403,
    "other_planner": 200,
}
OWNERS_AND_PLANNERS = {
    **ANONYMOUS_TO_LOGIN,
    "owner_a": 200,
    "owner_b": 200,
    "planner": 200,
    "director": 403,
    "finance": 403,
    "other_planner": 200,
}


def planner_upload(world):
    """A valid (empty) plan workbook uploaded by the planner of office 1."""
    return ImportUpload.objects.create(
        action_plan=world.plan,
        uploaded_by=world.planner,
        kind=ImportKind.PLAN,
        file_name="plan.xlsx",
        content=build_plan_workbook(world.plan, with_data=False),
    )


def planner_results_upload(world):
    """The planner's results workbook of quarter 1, as downloaded (issue #19: send the drafts after it)."""
    return ImportUpload.objects.create(
        action_plan=world.plan,
        uploaded_by=world.planner,
        kind=ImportKind.RESULTS,
        quarter=1,
        file_name="q1.xlsx",
        content=build_results_workbook(world.planner, world.plan, 1),
    )


# Only the person who uploaded the file sees the page that sends its drafts; nothing checked: 302.
UPLOADER_ONLY = {
    **ANONYMOUS_TO_LOGIN,
    "owner_a": 404,
    "owner_b": 404,
    "planner": 200,
    "director": 404,
    "finance": 404,
    "other_planner": 404,
    "head_a": 404,
    "director_planner": 404,
}


RULES = {
    "imports:index": Rule(
        expect={
            **ANONYMOUS_TO_LOGIN,
            "owner_a": 200,
            "owner_b": 200,
            "planner": 200,
            "director": 200,
            "finance": 200,
            "other_planner": 200,
        }
    ),
    "imports:plan_template": Rule(expect=PLANNER_ONLY),
    "imports:plan_export": Rule(expect=PLANNER_ONLY),
    "imports:plan_upload": Rule(expect=PLANNER_ONLY),
    "imports:results_export": Rule(kwargs=lambda w: {"quarter": 1}, expect=OWNERS_AND_PLANNERS),
    "imports:results_upload": Rule(kwargs=lambda w: {"quarter": 1}, expect=OWNERS_AND_PLANNERS),
    # Other users' uploads do not exist for them (404), including members of the same office.
    "imports:preview": Rule(
        kwargs=lambda w: {"pk": planner_upload(w).pk},
        expect={
            **ANONYMOUS_TO_LOGIN,
            "owner_a": 404,
            "owner_b": 404,
            "planner": 200,
            "director": 404,
            "finance": 404,
            "other_planner": 404,
            "head_a": 404,
            "director_planner": 404,
        },
    ),
    "imports:confirm": Rule(
        method="POST",
        kwargs=lambda w: {"pk": planner_upload(w).pk},
        expect={
            **ANONYMOUS_TO_LOGIN,
            "owner_a": 404,
            "owner_b": 404,
            "planner": 200,  # an empty POST (no preview fingerprint) is sent back to the preview
            "director": 404,
            "finance": 404,
            "other_planner": 404,
            "head_a": 404,
            "director_planner": 404,
        },
    ),
    "imports:submit_drafts": Rule(kwargs=lambda w: {"pk": planner_results_upload(w).pk}, expect=UPLOADER_ONLY),
    "imports:submit_drafts_confirm": Rule(
        method="POST",
        kwargs=lambda w: {"pk": planner_results_upload(w).pk},
        expect={**UPLOADER_ONLY, "planner": 302},
    ),
}
