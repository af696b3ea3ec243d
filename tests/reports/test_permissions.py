"""Walk the reports area's permission rules for every kind of user (tests/permission_rules/reports.py)."""

import pytest
from django.urls import reverse

from tests.permission_rules import USERS
from tests.permission_rules.reports import RULES


@pytest.mark.parametrize("url_name", sorted(RULES))
def test_it_answers_every_user_as_the_rules_say(url_name, world, client):
    rule = RULES[url_name]
    url = reverse(url_name, kwargs=rule.kwargs(world))
    users = {"owner_a": world.owner_a, "owner_b": world.owner_b, "planner": world.planner,
             "director": world.director, "finance": world.finance, "other_planner": world.other_planner}
    got = {}
    for name in USERS:
        client.logout()
        if name != "anonymous":
            client.force_login(users[name])
        response = getattr(client, rule.method.lower())(url, rule.data(world))
        got[name] = response.status_code
    assert got == {name: rule.expect[name] for name in USERS}
