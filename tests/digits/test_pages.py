"""Every main page of every role prints its numbers and dates in the office's interface digits
(issue #19): with Thai digits chosen no Arabic digit shows, with Arabic digits no Thai digit, except
in what keeps its own digits (input values, project codes, usernames, e-mail addresses, file names)."""

import pytest
from django.contrib.auth import get_user_model

from plans.models import Group, Office, Strategy
from projects.models import Project
from tests import factories
from tests.browser.test_accessibility import office, pages_of  # noqa: F401  (the same pages and their data)
from tests.digits.scan import escaped_markup, stray_digits, thai_in_values

# The booklet's print views follow the booklet's own digits, not the interface's.
BOOKLET_PAGES = ("/booklets/print/",)
# The booklet preview's parts loaded on demand (issue #12) are the booklet's own pages too.
BOOKLET_PARTS = "/preview/"


@pytest.fixture
def plain_names(office):  # noqa: F811
    """Names without digits: the factories number what they make ("กลุ่มทดสอบ 3"), and typed text is
    shown as typed, so digits there would hide the digits the portal formats. And one more project,
    finished in the first quarter: the board and the owner's home say since when."""
    done = factories.ProjectFactory(action_plan=office.plan, group=office.group, strategy=office.strategy,
                                    owners=[office.owner_a])
    factories.QuarterlyReportFactory(project=done, quarter=1, status="completed", state="accepted")
    for n, o in enumerate(Office.objects.order_by("pk")):
        Office.objects.filter(pk=o.pk).update(name=f"สำนักงานเขตพื้นที่การศึกษา{'กขค'[n % 3]}",
                                              short_name=f"สพป.{'กขค'[n % 3]}")
    for n, g in enumerate(Group.objects.order_by("pk")):
        Group.objects.filter(pk=g.pk).update(name=f"กลุ่ม{'กขคงจ'[n % 5]}", short_name=f"กลุ่ม{'กขคงจ'[n % 5]}",
                                             abbreviation=f"ก{'กขคงจ'[n % 5]}.")
    for n, s in enumerate(Strategy.objects.order_by("pk")):
        Strategy.objects.filter(pk=s.pk).update(title=f"กลยุทธ์{'กขคงจ'[n % 5]}")
    for n, p in enumerate(Project.objects.order_by("pk")):
        Project.objects.filter(pk=p.pk).update(title=f"โครงการ{'กขคงจ'[n % 5]}")
        Project.history.filter(id=p.pk).update(title=f"โครงการ{'กขคงจ'[n % 5]}")
    get_user_model().objects.update(first_name="ผู้ใช้", last_name="ทดสอบ")
    return office


def _kept_words():
    return [*get_user_model().objects.values_list("username", flat=True),
            *Project.objects.values_list("code", flat=True)]


def _strays(client, world, digits):
    Office.objects.filter(pk=world.office.pk).update(interface_digits=digits)
    kept = _kept_words()
    problems = {}
    for username, paths in pages_of(world).items():
        client.force_login(get_user_model().objects.get(username=username))
        for path in paths:
            if path.startswith(BOOKLET_PAGES) or BOOKLET_PARTS in path:
                continue
            response = client.get(path)
            assert response.status_code == 200, (username, path, response.status_code)
            html = response.content.decode()
            found = stray_digits(html, digits=digits, kept_words=kept) + thai_in_values(html) + escaped_markup(html)
            if found:
                problems[f"{username} {path}"] = found
    return problems


def _report(problems):
    return "\n".join(f"{where}:\n    " + "\n    ".join(found) for where, found in problems.items())


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_it_prints_every_page_in_the_offices_digits(client, plain_names, digits):
    problems = _strays(client, plain_names, digits)
    assert not problems, _report(problems)
