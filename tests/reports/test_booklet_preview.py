"""Issue #12: the booklet preview shows the summaries at once and loads the register's lines (group by group),
each section's list of projects, each project's section and the digest on demand (their own URLs, so it works
without JavaScript), with the same figures and text as the whole booklet the PDF is made from: put back
together, the parts are the whole booklet's register, lists, sections and digest."""

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
REGISTER = re.compile(r'<section class="part wide" id="register">.*?</section>', re.S)
LAZY_ROWS = re.compile(r'<tr class="lazy-row"><td colspan="9"><a href="([^"]+)" data-rows>.*?</a></td></tr>\n')
ROWS = re.compile(r'<tbody id="rows-[a-z0-9]+" data-rows>(.*?)</tbody>', re.S)
BRIEF = re.compile(r'<div class="brief.*?</ol>\s*</div>', re.S)


@pytest.fixture
def planner(client, small):
    user = f.UserFactory(username="planner_preview")
    f.MembershipFactory(user=user, office=small.office, role=Role.PLANNER)
    client.force_login(user)
    return client


def whole(booklet):
    """The booklet as the old preview showed it: every project's section in one page (screen mode)."""
    return render_booklet_html(booklet, screen=True, extra={"booklet": booklet, "toolbar": []})


def before_register(html):
    """Cover to the register's heading (the PDF's page-break marks for the parallel layout left out)."""
    part = html[html.index('<div class="booklet">'):html.index('<section class="part wide" id="register">')]
    return re.sub(r"<!--chunk[^>]*-->", "", part).rstrip()


def register_put_together(client, page):
    """The preview's register with each group's lines (and the cancelled projects') loaded from their links."""
    register = REGISTER.search(page).group(0)
    register = re.sub(r' id="register-[a-z0-9]+"', "", register)
    return LAZY_ROWS.sub(lambda link: ROWS.search(client.get(link.group(1)).content.decode()).group(1), register)


@pytest.mark.parametrize("grouping", ["status", "group", "strategy"])
def test_the_preview_and_its_parts_say_what_the_whole_booklet_says(planner, small, grouping):
    small.b.remark = "สพฐ. แจ้งให้ดำเนินการคัดเลือกผลงาน OBEC Content Center ภายหลังการอนุมัติแผนปฏิบัติการประจำปี"
    small.b.save()
    # Allocation notes are printed in the remark column in the allocations' order (B has two).
    for n, allocation in enumerate(small.b.allocations.all()):
        allocation.note = f"โอนเปลี่ยนแปลงงบประมาณครั้งที่ {n + 1} ตามหนังสือแจ้งจัดสรรงบประมาณ"
        allocation.save()
    booklet = Booklet.objects.create(action_plan=small.plan, months=6, grouping=grouping)
    full = whole(booklet)

    page = planner.get(f"/booklets/{booklet.pk}/preview/").content.decode()
    # Cover, foreword, contents, summary and every table: the same text.
    assert before_register(page) == before_register(full)
    # The page itself names no project: the register's lines, the sections' lists, each project's section
    # and the digest are loaded on demand, so the page does not grow with the office's projects.
    for title in ("โครงการ A", "โครงการ B", "โครงการ C", "โครงการ E"):
        assert title not in page
    assert '<div class="project">' not in page
    assert "ผู้เข้าร่วมมาไม่ครบ" not in page  # A's problems, printed in its block and in the digest

    # The register put together from its parts is the whole booklet's, line for line, notes included.
    assert len(LAZY_ROWS.findall(page)) == 3  # two groups and the cancelled project
    register = register_put_together(planner, page)
    assert register == REGISTER.search(full).group(0)
    assert "(หมายเหตุ ๑)" in register and "โอนเปลี่ยนแปลงงบประมาณครั้งที่ 2" in register

    # Each section's list, opened: its projects printed in full (each loaded in turn) and those listed by title.
    lists = [planner.get(link).content.decode()
             for link in re.findall(r'href="(/booklets/\d+/preview/sections/[a-z0-9_]+/)" data-fragment', page)]
    assert len(lists) == len(re.findall(r'<div class="section-head"', full))
    assert [b for html in lists for b in BRIEF.findall(html)] == BRIEF.findall(full)
    links = [link for html in lists
             for link in re.findall(r'href="(/booklets/\d+/preview/projects/\d+/)" data-fragment', html)]
    sections = [PROJECT.search(planner.get(link).content.decode()).group(0) for link in links]
    assert sections == PROJECT.findall(full)
    assert len(sections) == 3  # A, B and F print their blocks; C and D are listed by title, E is cancelled
    for title in ("โครงการ C", "โครงการ D"):
        assert any(title in b for html in lists for b in BRIEF.findall(html))

    digest = planner.get(f"/booklets/{booklet.pk}/preview/digest/").content.decode()
    assert DIGEST.search(digest).group(0) == DIGEST.search(full).group(0)
    assert "ผู้เข้าร่วมมาไม่ครบ" in digest and "งบประมาณล่าช้า" in digest


def test_a_group_of_the_register_is_a_page_of_its_own(planner, small):
    booklet = Booklet.objects.create(action_plan=small.plan, months=6)
    page = planner.get(f"/booklets/{booklet.pk}/preview/register/groups/{small.g2.pk}/").content.decode()
    assert page.count('<tr class="subtotal">') == 1 and "<thead>" in page  # readable without the preview
    for title in ("โครงการ C", "โครงการ D", "โครงการ F"):
        assert title in page
    assert "โครงการ A" not in page and "โครงการ E" not in page
    cancelled = planner.get(f"/booklets/{booklet.pk}/preview/register/cancelled/").content.decode()
    assert "โครงการ E" in ROWS.search(cancelled).group(1) and "ยกเลิกตามนโยบาย" in cancelled


def test_a_part_that_is_not_in_this_booklet_is_not_found(planner, small):
    booklet = Booklet.objects.create(action_plan=small.plan, months=6)
    other_group = f.GroupFactory()
    empty_group = f.GroupFactory(office=small.office)
    for url in (f"register/groups/{other_group.pk}/", f"register/groups/{empty_group.pk}/", "sections/nothing/",
                "sections/g1/"):
        assert planner.get(f"/booklets/{booklet.pk}/preview/{url}").status_code == 404, url
    small.e.cancelled = False
    small.e.save()
    assert planner.get(f"/booklets/{booklet.pk}/preview/register/cancelled/").status_code == 404


def test_a_project_without_a_section_in_this_booklet_is_not_found(planner, small):
    booklet = Booklet.objects.create(action_plan=small.plan, months=6)
    other_plan_project = f.ProjectFactory()
    for project in (small.c, small.e, other_plan_project):  # title only, cancelled, another plan's
        assert planner.get(f"/booklets/{booklet.pk}/preview/projects/{project.pk}/").status_code == 404


@pytest.mark.parametrize("part", ["", "register/groups/{g1}/", "sections/in_progress/", "sections/not_reported/"])
def test_the_preview_and_its_lists_read_a_fixed_number_of_queries(planner, small, part):
    for project in (small.a, small.b, small.c, small.d, small.e, small.f):
        project.owners.add(f.UserFactory(username=f"owner_{project.code}_preview"))
    booklet = Booklet.objects.create(action_plan=small.plan, months=6)
    url = f"/booklets/{booklet.pk}/preview/" + part.format(g1=small.g1.pk)
    assert planner.get(url).status_code == 200
    with CaptureQueriesContext(connection) as before:
        planner.get(url)
    for n in range(5):
        project = f.ProjectFactory(action_plan=small.plan, group=small.g1, strategy=small.s1, code=f"N{n}")
        project.owners.add(f.UserFactory(username=f"owner_n{n}"))
        f.AllocationFactory(project=project, amount=1000, note="โอนเพิ่ม")
        if n % 2:  # the others are not reported, listed by title with their owners
            f.QuarterlyReportFactory(project=project, quarter=2, status="in_progress", state="submitted")
    with CaptureQueriesContext(connection) as after:
        planner.get(url)
    assert len(after) == len(before)
