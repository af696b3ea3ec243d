"""Issue #12: the booklet preview shows the summaries at once and loads each project's section and the
digest on demand (their own URLs, so it works without JavaScript), with the same figures and text as the
whole booklet the PDF is made from."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Role
from reports.models import Booklet
from reports.pdf import render_booklet_html
from tests import factories as f

PROJECT = re.compile(r'<div class="project">.*?<table class="signoff">.*?</table>\s*</div>', re.S)
DIGEST = re.compile(r'<section class="part" id="digest">.*?</section>', re.S)


@pytest.fixture
def planner(client, small):
    user = f.UserFactory(username="planner_preview")
    f.MembershipFactory(user=user, office=small.office, role=Role.PLANNER)
    client.force_login(user)
    return client


def whole(booklet):
    """The booklet as the old preview showed it: every project's section in one page (screen mode)."""
    return render_booklet_html(booklet, screen=True, extra={"booklet": booklet, "toolbar": []})


def before_sections(html):
    """Cover to register (the PDF's page-break marks for the parallel layout left out)."""
    part = html[html.index('<div class="booklet">'):html.index('<div class="section-head"')]
    return re.sub(r"<!--chunk[^>]*-->", "", part).rstrip()


@pytest.mark.parametrize("grouping", ["status", "group"])
def test_the_preview_and_its_parts_say_what_the_whole_booklet_says(planner, small, grouping):
    small.b.remark = "สพฐ. แจ้งให้ดำเนินการคัดเลือกผลงาน OBEC Content Center ภายหลังการอนุมัติแผนปฏิบัติการประจำปี"
    small.b.save()
    booklet = Booklet.objects.create(action_plan=small.plan, months=6, grouping=grouping)
    full = whole(booklet)

    page = planner.get(f"/booklets/{booklet.pk}/preview/").content.decode()
    # Cover, foreword, contents, summary, every table and the register: the same text.
    assert before_sections(page) == before_sections(full)
    # No project's report blocks on the page itself: each is a closed section with its own URL.
    assert '<div class="project">' not in page
    assert "ผู้เข้าร่วมมาไม่ครบ" not in page  # A's problems, printed in its block and in the digest
    links = re.findall(r'href="(/booklets/\d+/preview/projects/\d+/)" data-fragment', page)
    sections = [PROJECT.search(planner.get(link).content.decode()).group(0) for link in links]
    assert sections == PROJECT.findall(full)
    assert len(sections) == 3  # A, B and F print their blocks; C and D are listed by title, E is cancelled
    for title in ("โครงการ C", "โครงการ D"):
        assert title in page[page.index('id="sections"'):]

    digest = planner.get(f"/booklets/{booklet.pk}/preview/digest/").content.decode()
    assert DIGEST.search(digest).group(0) == DIGEST.search(full).group(0)
    assert "ผู้เข้าร่วมมาไม่ครบ" in digest and "งบประมาณล่าช้า" in digest


def test_a_project_without_a_section_in_this_booklet_is_not_found(planner, small):
    booklet = Booklet.objects.create(action_plan=small.plan, months=6)
    other_plan_project = f.ProjectFactory()
    for project in (small.c, small.e, other_plan_project):  # title only, cancelled, another plan's
        assert planner.get(f"/booklets/{booklet.pk}/preview/projects/{project.pk}/").status_code == 404


def test_the_preview_reads_a_fixed_number_of_queries(planner, small):
    small.a.owners.add(f.UserFactory(username="owner_a_preview"))
    booklet = Booklet.objects.create(action_plan=small.plan, months=6)
    url = f"/booklets/{booklet.pk}/preview/"
    planner.get(url)
    with CaptureQueriesContext(connection) as before:
        planner.get(url)
    for n in range(5):
        project = f.ProjectFactory(action_plan=small.plan, group=small.g1, strategy=small.s1, code=f"N{n}")
        project.owners.add(f.UserFactory(username=f"owner_n{n}"))
        f.AllocationFactory(project=project, amount=1000, note="โอนเพิ่ม")
        f.QuarterlyReportFactory(project=project, quarter=2, status="in_progress", state="submitted")
    with CaptureQueriesContext(connection) as after:
        planner.get(url)
    assert len(after) == len(before)
