"""Fixtures shared by all tests: a small office with every role, and a second office."""

import importlib
from types import SimpleNamespace

import pytest

from plans.models import Role
from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs ~0.3 s per user; tests only need passwords to match."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    uses_marker = marker is not None and marker.kwargs.get("transaction", False)
    return uses_marker or {"transactional_db", "live_server"} & set(request.fixturenames)


@pytest.fixture(autouse=True)
def reference_data_after_flush(request):
    """A transactional test (the browser tests) ends by flushing every table, which also deletes the rows
    migrations wrote (the budget sources). Put them back before each transactional test."""
    if not _is_transactional(request):
        return
    request.getfixturevalue("transactional_db")
    from budget.models import BudgetSource

    for code, name, order in importlib.import_module("budget.migrations.0002_budget_sources").SOURCES:
        BudgetSource.objects.get_or_create(code=code, defaults={"name": name, "display_order": order})


@pytest.fixture
def world(db):
    """Office 1 with planner, director, finance, owner A (of project A) and owner B (of project B),
    head A (director + finance, also an owner of project A) and a director who also plans;
    office 2 with its own planner and project. Every user's password is "demo"."""
    plan = factories.ActionPlanFactory()
    office = plan.office
    group = factories.GroupFactory(office=office)
    strategy = factories.StrategyFactory(development_plan=plan.development_plan)

    def member(username, role, office=office, extra_roles=()):
        user = factories.UserFactory(username=username)
        factories.MembershipFactory(user=user, office=office, role=role, extra_roles=list(extra_roles))
        return user

    planner = member("planner1", Role.PLANNER)
    director = member("director1", Role.DIRECTOR)
    finance = member("finance1", Role.FINANCE)
    owner_a = member("owner_a", Role.STAFF)
    owner_b = member("owner_b", Role.STAFF)
    # Members holding more than one role (issue #15): a group director who also records disbursements
    # and owns project A; a deputy director who also plans.
    head_a = member("head_a", Role.DIRECTOR, extra_roles=[Role.FINANCE])
    director_planner = member("deputy1", Role.DIRECTOR, extra_roles=[Role.PLANNER])
    project_a = factories.ProjectFactory(
        action_plan=plan, group=group, strategy=strategy, owners=[owner_a, head_a]
    )
    project_b = factories.ProjectFactory(action_plan=plan, group=group, strategy=strategy, owners=[owner_b])

    other_plan = factories.ActionPlanFactory()
    other_planner = member("planner2", Role.PLANNER, office=other_plan.office)
    other_project = factories.ProjectFactory(action_plan=other_plan)

    return SimpleNamespace(
        plan=plan, office=office, group=group, strategy=strategy,
        planner=planner, director=director, finance=finance, owner_a=owner_a, owner_b=owner_b,
        head_a=head_a, director_planner=director_planner,
        project_a=project_a, project_b=project_b,
        other_plan=other_plan, other_office=other_plan.office, other_planner=other_planner,
        other_project=other_project,
    )
