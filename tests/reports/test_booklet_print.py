"""Issue #10 points 12-17: what the printed booklet says and how it keeps things together (HTML level;
test_booklet_layout.py reads the PDF's boxes)."""

import re
from decimal import Decimal as D

import pytest

from plans.models import AlignmentItem, AlignmentKind
from reports.context import BookletParams
from reports.pdf import render_booklet_html
from tests import factories as f

THAI_DIGIT = re.compile("[๐-๙]")
ARABIC_DIGIT = re.compile("[0-9]")


def html_of(small, **kw):
    kw.setdefault("months", 6)
    return render_booklet_html(BookletParams(action_plan=small.plan, **kw))


def visible_text(html):
    html = re.sub(r"<style.*?</style>", "", html, flags=re.S)
    html = re.sub(r"<head>.*?<title>", "<title>", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def sections_part(html):
    return html[html.index('id="sections"'):html.index('id="digest"')]


# --- 12: title-only projects together, once --------------------------------------------------------

@pytest.mark.parametrize("grouping", ["status", "group"])
def test_title_only_projects_are_listed_together_once(small, grouping):
    part = sections_part(html_of(small, grouping=grouping))
    # C is not started, D not reported with nothing to print: titles only, in a list, never a page each.
    for title in ("โครงการ C", "โครงการ D"):
        assert part.count(title) == 1, title
    projects = re.findall(r'<div class="project"', part)
    assert len(projects) == 3  # A, B (earlier blocks) and F; C and D are in the list
    assert 'class="titles-only' in part


# --- 13: the register ---------------------------------------------------------------------------------

def test_the_register_has_group_subtotals_and_remarks(small):
    small.b.remark = "ได้รับจัดสรรเพิ่มระหว่างปี"
    small.b.added_mid_year_reason = "สพฐ. แจ้งให้ดำเนินการ"
    small.b.save()
    small.a.owners.set([f.UserFactory(username="owner_reg", first_name="ผู้ใช้ทดสอบ")])
    html = html_of(small)
    register = html[html.index('id="register"'):html.index('id="sections"')]
    assert register.count('class="subtotal"') == 2  # G1 and G2
    assert "ได้รับจัดสรรเพิ่มระหว่างปี" in register
    assert "สพฐ. แจ้งให้ดำเนินการ" in register
    assert "ยกเลิกตามนโยบาย" in register  # E's reason
    assert re.search(r'<span class="nw">[^<]*ผู้ใช้', register)  # an owner's name never breaks inside


def test_a_long_remark_is_shortened_in_its_cell_and_printed_whole_under_the_register(small):
    """The register stays about two rows of text per project (003's two pages): a long remark keeps its
    first words in the cell and its whole text in a numbered note under the table; nothing is lost."""
    long_remark = "สพฐ. แจ้งให้ดำเนินการคัดเลือกผลงาน OBEC Content Center ภายหลังการอนุมัติแผนปฏิบัติการประจำปี"
    small.b.remark = long_remark
    small.b.save()
    html = html_of(small)
    register = html[html.index('id="register"'):html.index('id="sections"')]
    table, notes = register.split("</table>", 1)
    assert long_remark not in table
    assert "(หมายเหตุ ๑)" in table
    assert "สพฐ. แจ้งให้ดำเนินการคัดเลือกผลงาน …" in table
    assert re.search(r"\(๑\) ที่ [๐-๙]+ " + re.escape(long_remark), notes)
    # Sources are numbers in the table, named once under it (as 003's legend).
    assert re.search(r"แหล่งงบประมาณ</span> <span class=\"nw\">๑ = ", notes)


# --- 14: numbers, years and dates stay whole -----------------------------------------------------------

def inside_nowrap(body, position):
    opened = body.rfind('<span class="nw">', 0, position)
    return opened != -1 and "</span>" not in body[opened:position]


def test_years_amounts_and_dates_never_break_inside(small):
    html = html_of(small)
    body = html[html.index('<div class="booklet">'):]
    for pattern in (r"พ\.ศ\. [๐-๙]{4}", r"[๐-๙][๐-๙,.]* บาท"):
        for match in re.finditer(pattern, body):
            assert inside_nowrap(body, match.start()), body[match.start() - 60:match.end() + 10]


# --- 15: digits follow the choice ------------------------------------------------------------------------

def test_arabic_digits_leave_no_thai_digit(small):
    text = visible_text(html_of(small, digits="arabic"))
    assert not THAI_DIGIT.search(text), THAI_DIGIT.findall(text)[:5]


def test_thai_digits_everywhere_generated(small):
    html = html_of(small, digits="thai")
    title = re.search(r"<title>(.*?)</title>", html).group(1).replace(small.office.short_name, "")
    assert not ARABIC_DIGIT.search(title), title
    # Lists are numbered in Thai digits.
    assert "list-style-type: thai" in html or "thai-list" in html
    for heading in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", html, flags=re.S):
        assert not ARABIC_DIGIT.search(re.sub(r"<[^>]+>|กลุ่มทดสอบ \d+|กลยุทธ์ทดสอบ \d+", "", heading)), heading


# --- 16: zero, targets, labels -----------------------------------------------------------------------------

def test_zero_prints_a_dash_and_targets_read_naturally(small):
    f.IndicatorFactory(project=small.a, text="ร้อยละของครู", target_value=D("100"), target_unit="ร้อยละ")
    f.IndicatorFactory(project=small.a, text="คู่มือ", target_value=D("1"), target_unit="เรื่อง")
    html = html_of(small)
    assert "ร้อยละ ๑๐๐<" in html and "ร้อยละ ๑๐๐.๐๐" not in html.split('id="sections"')[1]
    assert "๑ เรื่อง" in html and "เรื่อง ๑.๐๐" not in html
    summary = html[html.index('id="summary"'):html.index('id="tables"')]
    assert ">๐.๐๐<" not in summary
    assert "แผนแม่บทประเด็น" in html and "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ" not in html


# --- 17: sign-off, alignment, what the money covers ----------------------------------------------------------

def test_each_project_ends_with_the_group_heads_sign_off_and_shows_its_alignment(small):
    head = f.UserFactory(username="head1", first_name="สมชาย", last_name="ใจดี")
    f.MembershipFactory(user=head, office=small.office, group=small.g1, position="ผู้อำนวยการกลุ่มหนึ่ง")
    small.g1.head = head
    small.g1.save()
    national = AlignmentItem.objects.create(kind=AlignmentKind.NATIONAL_STRATEGY, code="3",
                                            title="ด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์")
    small.a.alignment.add(national)
    part = sections_part(html_of(small))
    a = part[part.index("โครงการ A"):]
    a = a[: a.index('<div class="project"')] if '<div class="project"' in a else a
    assert "รับรองข้อมูลถูกต้อง" in a
    assert "สมชาย ใจดี" in a and "ผู้อำนวยการกลุ่มหนึ่ง" in a
    assert "ด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์" in a


def test_the_money_summary_says_how_many_projects_it_covers(small):
    html = html_of(small)
    summary = html[html.index('id="summary"'):html.index('id="tables"')]
    # A, B, D, F use budget; C does not (E is cancelled).
    assert re.search(r"ใช้งบประมาณ ๔ โครงการ", summary)
    assert re.search(r"ไม่ใช้งบประมาณ ๑ โครงการ", summary)
