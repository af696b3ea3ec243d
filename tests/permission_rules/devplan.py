"""The development plan pages, a strategy's projects and the plan documents (issue #16): every member
of the office reads them; only its planner writes (403 for the others); another office sees nothing
(404). A project's served indicators are edited by its planner and its owner."""

from plans.models import PlanItem, StrategyApproach, StrategyGoal, StrategyIndicator
from tests.permission_rules import Rule
from tests.permission_rules.setup import READ_ALL, READ_OBJECT, owner_a_object, planner_object, planner_page

YEAR = 2567
MADE_BY_A_JOB = {user: 302 if code == 200 else code for user, code in READ_OBJECT.items()}


def _plan(w):
    return {"pk": w.plan.development_plan_id}


def _plan_year(w):
    return {"pk": w.plan.development_plan_id, "year": YEAR}


def _strategy(w):
    return {"pk": w.strategy.pk}


def _item(w):
    item = PlanItem.objects.get_or_create(development_plan_id=w.plan.development_plan_id, kind="mission", number=1,
                                          defaults={"text": "พันธกิจ"})[0]
    return {"item_pk": item.pk}


def _goal(w):
    goal = StrategyGoal.objects.get_or_create(strategy=w.strategy, number=1, defaults={"text": "เป้าประสงค์"})[0]
    return {"part": "goals", "part_pk": goal.pk}


def _approach(w):
    approach = StrategyApproach.objects.get_or_create(strategy=w.strategy, number=1, defaults={"text": "แนวทาง"})[0]
    return {"part": "approaches", "part_pk": approach.pk}


def _indicator(w):
    indicator = StrategyIndicator.objects.get_or_create(strategy=w.strategy, code="1.1",
                                                        defaults={"text": "ร้อยละ", "kind": "percent"})[0]
    return {"indicator_pk": indicator.pk}


def _result(w):
    return {**_indicator(w), "year": YEAR}


RULES = {
    "plans:devplan_list": Rule(expect=READ_ALL),
    "plans:devplan_create": Rule(expect=planner_page()),
    "plans:devplan_detail": Rule(expect=READ_OBJECT, kwargs=_plan),
    "plans:devplan_history": Rule(expect=READ_OBJECT, kwargs=_plan),
    "plans:devplan_results": Rule(expect=READ_OBJECT, kwargs=_plan_year),
    "plans:devplan_edit": Rule(expect=planner_object(), kwargs=_plan),
    "plans:devplan_revise": Rule(expect=planner_object(), kwargs=_plan),
    "plans:devplan_item_create": Rule(expect=planner_object(), kwargs=lambda w: {**_plan(w), "kind": "goal"}),
    "plans:devplan_item_edit": Rule(expect=planner_object(), kwargs=_item),
    "plans:devplan_item_delete": Rule(method="POST", expect=planner_object(302), kwargs=_item),
    "plans:strategy_part_create": Rule(expect=planner_object(), kwargs=lambda w: {**_strategy(w), "part": "goals"}),
    "plans:strategy_part_edit": Rule(expect=planner_object(), kwargs=_approach),
    "plans:strategy_part_delete": Rule(method="POST", expect=planner_object(302), kwargs=_goal),
    "plans:strategy_alignment": Rule(expect=planner_object(), kwargs=_strategy),
    "plans:indicator_create": Rule(expect=planner_object(), kwargs=_strategy),
    "plans:indicator_edit": Rule(expect=planner_object(), kwargs=_indicator),
    "plans:indicator_delete": Rule(method="POST", expect=planner_object(302), kwargs=_indicator),
    "plans:result_edit": Rule(expect=planner_object(), kwargs=_result),
    "plans:strategy_projects": Rule(expect=READ_OBJECT, kwargs=_strategy),
    "projects:plan_indicators": Rule(expect=owner_a_object(), kwargs=lambda w: {"pk": w.project_a.pk}),
    "reports:devplan_document": Rule(expect=READ_OBJECT, kwargs=_plan),
    # The PDFs are made by a job: every member is sent to its progress page.
    "reports:devplan_pdf": Rule(expect=MADE_BY_A_JOB, kwargs=_plan),
    "reports:devplan_results": Rule(expect=READ_OBJECT, kwargs=_plan_year),
    "reports:devplan_results_pdf": Rule(expect=MADE_BY_A_JOB, kwargs=_plan_year),
}


def _devplan_upload(w):
    from projects.models import ImportKind, ImportUpload
    from projects.workbooks.devplan_workbook import build_devplan_workbook

    plan = w.plan.development_plan
    content = build_devplan_workbook(plan, with_data=False)
    upload = ImportUpload.objects.create(development_plan=plan, uploaded_by=w.planner, kind=ImportKind.DEVPLAN,
                                         file_name="devplan.xlsx", content=content)
    return {"pk": upload.pk}


# The development plan in Excel: the office's planner only; another office's plan or upload is 404.
RULES.update({
    "imports:devplan_template": Rule(expect=planner_object(), kwargs=_plan),
    "imports:devplan_export": Rule(expect=planner_object(), kwargs=_plan),
    "imports:devplan_upload": Rule(expect=planner_object(), kwargs=_plan),
    # An upload is seen by the person who uploaded it only (another planner of the office: 404).
    "imports:devplan_preview": Rule(expect={**planner_object(), "director_planner": 404}, kwargs=_devplan_upload),
    "imports:devplan_confirm": Rule(method="POST", expect={**planner_object(302), "director_planner": 404},
                                    kwargs=_devplan_upload),
})
