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
def test_it_answers_every_user_as_the_rule_says(client, marked, name, user):
    """The status the rule expects, and (issue #11) nothing of the other office in what it shows."""
    world = marked
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
    if user not in ("anonymous", "other_planner"):  # office 2's planner reads their own office
        assert MARKER not in response_text(response), f"{url} shows office 2's data to {user}"


# --- Issue #11: what a response shows, and what a write changes -------------------------------
#
# 1. Every URL × user: nothing of the other office appears in any response (HTML, the text inside
#    an .xlsx, the text of a PDF): office 2's objects carry MARKER.
# 2. Every write URL × user: a VALID POST, built from the page's own HTML form, changes the database
#    for the users who may write and leaves it exactly as it was for everyone else.
# 3. Foreign ids: another office's ids in form fields and in nested URLs change nothing.

import hashlib  # noqa: E402
import io  # noqa: E402
import zipfile  # noqa: E402

from django.apps import apps  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402

from tests import factories  # noqa: E402
from tests.permission_rules.writes import NOT_WRITES, WRITES  # noqa: E402
from tests.support.html_forms import post_forms  # noqa: E402

MARKER = "ZQOTHER7731"
FINGERPRINTED_APPS = ("plans", "projects", "budget", "reports")


@pytest.fixture
def marked(world):
    """The world, with office 2's objects named with MARKER (a leak of any of them shows)."""
    from reports.models import Booklet, Publication

    other = world.other_project
    other.title = f"โครงการ {MARKER}"
    other.code = MARKER
    other.save()
    other.group.name = f"กลุ่ม {MARKER}"
    other.group.save()
    factories.ActivityFactory(project=other, title=f"กิจกรรม {MARKER}")
    factories.IndicatorFactory(project=other, text=f"ตัวชี้วัด {MARKER}")
    booklet = Booklet.objects.create(action_plan=world.other_plan, months=6, foreword=f"คำนำ {MARKER}")
    pdf = f"%PDF-1.7 {MARKER}".encode()
    Publication.objects.create(booklet=booklet, title=f"เล่ม {MARKER}", pdf=pdf,
                               sha256=hashlib.sha256(pdf).hexdigest(), size=len(pdf),
                               published_by=world.other_planner)
    return world


def fingerprint():
    """Every row of our apps (history included) and every user, as one digest."""
    digest = hashlib.sha256()
    for model in apps.get_models():
        if model._meta.app_label in FINGERPRINTED_APPS:
            for row in model._base_manager.order_by("pk").values_list():
                # PostgreSQL returns binary columns as memoryview, whose repr is an address.
                digest.update(repr([bytes(v) if isinstance(v, memoryview) else v for v in row]).encode())
    users = get_user_model().objects.order_by("pk").values_list("pk", "username", "is_active", "first_name")
    digest.update(repr(list(users)).encode())
    return digest.hexdigest()


def response_text(response):
    """What a user can read in the response: the page, the text inside an .xlsx, a PDF's text."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if content[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                           if n.endswith(".xml"))
    if content[:5] == b"%PDF-" or "pdf" in kind:
        from pypdf import PdfReader

        try:
            pages = PdfReader(io.BytesIO(content)).pages
            return content.decode("latin-1") + "".join(page.extract_text() or "" for page in pages)
        except Exception:  # noqa: BLE001 - a stored test PDF is not a full document; its bytes are searched
            return content.decode("latin-1")
    return content.decode("utf-8", "replace")


def test_every_url_that_writes_has_a_valid_write():
    posting = {name for name, rule in RULES.items() if rule.method == "POST"}
    missing = sorted(posting - set(WRITES) - NOT_WRITES)
    assert not missing, f"POST URLs without a valid write in tests/permission_rules/writes.py: {missing}"


def _page_of(name, case, kwargs, world):
    page = case.page
    if page is None:
        return name, kwargs
    page_name, page_kwargs = page
    if page_kwargs == "report":
        from projects.models import QuarterlyReport

        report = QuarterlyReport.objects.get(pk=kwargs["pk"])
        return page_name, {"pk": report.project_id, "quarter": report.quarter}
    if page_kwargs == "year_end":
        from projects.models import YearEndReport

        return page_name, {"pk": YearEndReport.objects.get(pk=kwargs["pk"]).project_id}
    if page_kwargs is None:
        return page_name, {"pk": kwargs["pk"]} if "pk" in kwargs else {}
    return page_name, page_kwargs


def _valid_post(client, world, name, case, kwargs):
    """The write as the page's own form sends it (read by a user who sees the form)."""
    url = reverse(name, kwargs=kwargs)
    page_name, page_kwargs = _page_of(name, case, kwargs, world)
    client.force_login(getattr(world, case.able))
    page = client.get(reverse(page_name, kwargs=page_kwargs))
    assert page.status_code == 200, f"{page_name} as {case.able}: {page.status_code}"
    forms = [f for f in post_forms(page.content) if f.action in ("", url) or f.action.split("?")[0] == url]
    if case.containing:
        forms = [f for f in forms if case.containing in f.values]
    assert forms, f"no form posting to {url} on {page_name}"
    form = forms[0]
    return url, form.data(**case.changes(world, form))


WRITE_CASES = [(name, user) for name in sorted(WRITES) for user in USERS]


@pytest.mark.parametrize(("name", "user"), WRITE_CASES, ids=[f"{n}-{u}" for n, u in WRITE_CASES])
def test_a_valid_post_changes_the_database_only_for_those_who_may_write(client, world, name, user):
    case = WRITES[name]
    kwargs = case.kwargs(world)
    url, data = _valid_post(client, world, name, case, kwargs)
    client.logout()
    if user != "anonymous":
        client.force_login(getattr(world, user))
    before = fingerprint()
    response = client.post(url, data)
    after = fingerprint()
    assert response.status_code < 500
    if user in case.writers:
        assert before != after, f"{name}: {user}'s valid POST wrote nothing (answered {response.status_code})"
    else:
        assert before == after, f"{name}: {user} changed the database (answered {response.status_code})"
        assert response.status_code in (302, 403, 404) or response.status_code == 200, response.status_code


NESTED = ["projects:activity_edit", "projects:activity_move", "projects:activity_delete",
          "projects:indicator_edit", "projects:indicator_delete"]


@pytest.mark.parametrize("name", NESTED)
def test_another_offices_child_in_a_nested_url_is_404_and_changes_nothing(client, world, name):
    other_child = {
        "activity_pk": factories.ActivityFactory(project=world.other_project).pk,
        "indicator_pk": factories.IndicatorFactory(project=world.other_project).pk,
    }
    own = WRITES[name].kwargs(world)
    child = next(k for k in own if k != "pk")
    client.force_login(world.planner)
    for kwargs in ({"pk": world.project_a.pk, child: other_child[child]},
                   {"pk": world.other_project.pk, child: own[child]}):
        before = fingerprint()
        url = reverse(name, kwargs=kwargs)
        assert client.get(url).status_code in (404, 405)
        assert client.post(url, {"title": "x", "text": "x", "direction": "up"}).status_code == 404
        assert fingerprint() == before


FOREIGN_FIELDS = {
    "projects:create": ("strategy", "group"),
    "projects:edit": ("strategy", "group", "owners"),
    "plans:strategy_create": ("development_plan",),
    "reports:booklet_new": ("action_plan",),
    "projects:activity_edit": ("parent",),
}


@pytest.mark.parametrize("name", sorted(FOREIGN_FIELDS))
def test_another_offices_ids_in_form_fields_change_nothing(client, world, name):
    other = world.other_project
    foreign = {
        "strategy": other.strategy_id, "group": other.group_id, "owners": world.other_planner.pk,
        "development_plan": world.other_plan.development_plan_id, "action_plan": world.other_plan.pk,
        "parent": factories.ActivityFactory(project=other).pk,
    }
    case = WRITES[name]
    kwargs = case.kwargs(world)
    for field_name in FOREIGN_FIELDS[name]:
        url, data = _valid_post(client, world, name, case, kwargs)
        client.force_login(world.planner)
        before = fingerprint()
        response = client.post(url, {**data, field_name: str(foreign[field_name])})
        assert response.status_code == 200, f"{name} accepted office 2's {field_name}"
        assert fingerprint() == before
