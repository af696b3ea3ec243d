"""L6: every object of another office answers 404 (it does not exist for you), whatever your role:
a director, finance officer or staff member of office 2 was told 403 on 20 of office 1's URLs."""

import pytest
from django.urls import reverse

from plans.models import Role
from tests import factories
from tests.test_permission_matrix import RULES

OBJECT_URLS = sorted(name for name, rule in RULES.items() if rule.expect.get("other_planner") == 404)


@pytest.fixture
def outsiders(world):
    users = {}
    for role in (Role.DIRECTOR, Role.FINANCE, Role.STAFF):
        user = factories.UserFactory(username=f"other_{role}")
        factories.MembershipFactory(user=user, office=world.other_office, role=role)
        users[role] = user
    factories.ProjectFactory(action_plan=world.other_plan, owners=[users[Role.STAFF]])
    return users


def test_there_are_object_urls_to_check():
    assert len(OBJECT_URLS) > 20


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_another_offices_object_is_404_for_every_role(client, world, outsiders, name):
    rule = RULES[name]
    url = reverse(name, kwargs=rule.kwargs(world))
    answers = {}
    for role, user in outsiders.items():
        client.force_login(user)
        for method in ("get", "post"):
            response = getattr(client, method)(url, rule.data(world))
            if response.status_code != 405:
                answers[(str(role), method)] = response.status_code
    assert set(answers.values()) == {404}, answers
