"""Every URL × every kind of user gets the answer its rule expects (issue #3).

Rules live in tests/permission_rules/<area>.py (RULES = {url_name: Rule}). A URL with no rule, a
rule for a URL that no longer exists, or a rule that forgets a user makes this test fail.
"""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.static import serve

import tests.permission_rules as rules_package
from tests.permission_rules import USERS

SKIPPED_PREFIXES = ("admin/",)


def collect_rules():
    rules, owners = {}, {}
    for module_info in pkgutil.iter_modules(rules_package.__path__):
        module = importlib.import_module(f"{rules_package.__name__}.{module_info.name}")
        for name, rule in getattr(module, "RULES", {}).items():
            assert name not in rules, f"{name} has rules in both {owners[name]} and {module_info.name}"
            rules[name], owners[name] = rule, module_info.name
    return rules


def url_names(patterns=None, namespace="", prefix=""):
    """Names of every URL pattern, through includes; the admin and static/media files are not ours."""
    names = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += url_names(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern):
            if pattern.callback is serve:
                continue
            names.append(f"{namespace}{pattern.name}" if pattern.name else f"<unnamed {route}>")
    return names


RULES = collect_rules()
CASES = [(name, user) for name in sorted(RULES) for user in USERS]


def test_it_has_a_rule_for_every_url():
    missing = sorted(set(url_names()) - set(RULES))
    assert not missing, f"URLs without a permission rule: {', '.join(missing)}"


def test_it_has_no_rule_for_a_url_that_does_not_exist():
    stale = sorted(set(RULES) - set(url_names()))
    assert not stale, f"Rules for URLs that do not exist: {', '.join(stale)}"


def test_it_has_every_user_in_every_rule():
    incomplete = sorted(name for name, rule in RULES.items() if set(rule.expect) != set(USERS))
    assert not incomplete, f"Rules that do not say what every user gets: {', '.join(incomplete)}"


@pytest.mark.parametrize(("name", "user"), CASES, ids=[f"{n}-{u}" for n, u in CASES])
def test_it_answers_every_user_as_the_rule_says(client, world, name, user):
    rule = RULES[name]
    url = reverse(name, kwargs=rule.kwargs(world))
    if user != "anonymous":
        client.force_login(getattr(world, user))
    send = client.post if rule.method == "POST" else client.get
    response = send(url, rule.data(world))
    expected = rule.expect[user]
    assert response.status_code == expected, f"{rule.method} {url} as {user}"
    if user == "anonymous" and expected == 302:
        assert response.url.startswith("/accounts/login/"), f"{url} sends anonymous users to {response.url}"
