"""Rules for the home pages, the plan set-up pages, the board and the project pages (issue #3).

Reading: every member reads everything in their own office; another office's objects are 404.
Writing: the office's planner sets up the plan; an owner edits their own project's details,
activities and indicators; directors, finance and other owners get 403 on any writing page.
"""

import datetime

from plans.models import ReportingWindow
from tests import factories
from tests.permission_rules import Rule

ANON = {"anonymous": 302}
# Every member of any office may read an office-level page (each sees their own office).
READ_ALL = {
    **ANON,
    "owner_a": 200,
    "owner_b": 200,
    "planner": 200,
    "director": 200,
    "finance": 200,
    "other_planner": 200,
}
# An object of office 1: its members read it, the other office does not see it.
READ_OBJECT = {**READ_ALL, "other_planner": 404}


def planner_page(ok=200):
    """An office-level writing page: each office's planner, nobody else."""
    return {
        **ANON,
        "owner_a": 403,
        "owner_b": 403,
        "planner": ok,
        "director": 403,
        "finance": 403,
        "other_planner": ok,
    }


def planner_object(ok=200):
    """Writing an object of office 1: its planner only; the other office's planner does not see it."""
    return {**planner_page(ok), "other_planner": 404}


def owner_a_object(ok=200):
    """Writing project A or its parts: its planner and its owner."""
    return {**planner_object(ok), "owner_a": ok}


def _window(w):
    return ReportingWindow.objects.create(action_plan=w.plan, quarter=1, deadline=datetime.date(2024, 1, 15))


def _activity(w):
    return {"pk": w.project_a.pk, "activity_pk": factories.ActivityFactory(project=w.project_a).pk}


def _indicator(w):
    return {"pk": w.project_a.pk, "indicator_pk": factories.IndicatorFactory(project=w.project_a).pk}


def _project_a(w):
    return {"pk": w.project_a.pk}


RULES = {
    "home": Rule(expect={name: 302 for name in READ_ALL}),
    "login": Rule(expect={**{name: 302 for name in READ_ALL}, "anonymous": 200}),
    "logout": Rule(method="POST", expect={name: 302 for name in READ_ALL}),
    # Accounts (issue #12): everyone changes their own password; the planner sees the office's sign-ins.
    "password_change": Rule(expect=READ_ALL),
    "password_change_done": Rule(expect=READ_ALL),
    "login_attempts": Rule(expect=planner_page()),
    # For a load balancer: no login.
    "healthz": Rule(expect={name: 200 for name in READ_ALL}),
    # Home pages and the board.
    "plans:my_projects": Rule(expect=READ_ALL),
    "plans:board": Rule(expect=READ_ALL),
    # Plan set-up.
    "plans:setup": Rule(expect=READ_ALL),
    "plans:action_plan_create": Rule(expect=planner_page()),
    "plans:action_plan_copy": Rule(expect=planner_page()),
    "plans:groups": Rule(expect=READ_ALL),
    "plans:group_create": Rule(expect=planner_page()),
    "plans:group_edit": Rule(expect=planner_object(), kwargs=lambda w: {"pk": w.group.pk}),
    "plans:group_delete": Rule(
        method="POST", expect=planner_object(302), kwargs=lambda w: {"pk": w.group.pk}
    ),
    "plans:strategies": Rule(expect=READ_ALL),
    "plans:strategy_create": Rule(expect=planner_page()),
    "plans:strategy_edit": Rule(expect=planner_object(), kwargs=lambda w: {"pk": w.strategy.pk}),
    "plans:strategy_delete": Rule(
        method="POST", expect=planner_object(302), kwargs=lambda w: {"pk": w.strategy.pk}
    ),
    "plans:window_open": Rule(expect=planner_page()),
    "plans:window_close": Rule(
        method="POST", expect=planner_object(302), kwargs=lambda w: {"pk": _window(w).pk}
    ),
    # Projects.
    "projects:list": Rule(expect=READ_ALL),
    "projects:create": Rule(expect=planner_page()),
    "projects:detail": Rule(expect=READ_OBJECT, kwargs=_project_a),
    "projects:edit": Rule(expect=owner_a_object(), kwargs=_project_a),
    "projects:status": Rule(expect=planner_object(), kwargs=_project_a),
    "projects:money": Rule(expect=planner_object(), kwargs=_project_a),
    "projects:activities": Rule(expect=owner_a_object(), kwargs=_project_a),
    "projects:activity_edit": Rule(expect=owner_a_object(), kwargs=_activity),
    "projects:activity_move": Rule(
        method="POST", expect=owner_a_object(302), kwargs=_activity, data=lambda w: {"direction": "up"}
    ),
    "projects:activity_delete": Rule(method="POST", expect=owner_a_object(302), kwargs=_activity),
    "projects:indicators": Rule(expect=owner_a_object(), kwargs=_project_a),
    "projects:indicator_edit": Rule(expect=owner_a_object(), kwargs=_indicator),
    "projects:indicator_delete": Rule(method="POST", expect=owner_a_object(302), kwargs=_indicator),
}
