"""The interface's digits (issue #19): the one helper every message and title goes through, the filters
pages use with `digits`, and the scanner the page test relies on."""

from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from plans import interface_digits as ui
from plans.context_processors import membership
from plans.interface_digits import Formatted
from tests.digits.scan import escaped_markup, stray_digits, thai_in_values

THAI_OFFICE = SimpleNamespace(interface_digits="thai")
ARABIC_OFFICE = SimpleNamespace(interface_digits="arabic")


def render(source, **context):
    return Template("{% load thai %}" + source).render(Context(context))


def test_it_reads_the_offices_choice_and_falls_back_to_thai():
    assert ui.digits_of(ARABIC_OFFICE) == "arabic"
    assert ui.digits_of(THAI_OFFICE) == "thai"
    assert ui.digits_of(None) == "thai"  # the sign-in page, a user without an office
    assert ui.digits_of(SimpleNamespace(interface_digits="roman")) == "thai"


@pytest.mark.parametrize(("office", "expected"), [
    (THAI_OFFICE, ["๑,๒๓๔,๕๖๗", "๓๗๒,๕๙๕.๐๐", "๒๕.๐๐", "๓๑ มี.ค. ๖๗", "๓๑ มีนาคม พ.ศ. ๒๕๖๗", "ปี ๒๕๖๗"]),
    (ARABIC_OFFICE, ["1,234,567", "372,595.00", "25.00", "31 มี.ค. 67", "31 มีนาคม พ.ศ. 2567", "ปี 2567"]),
])
def test_each_value_follows_the_office(office, expected):
    assert [ui.number(office, 1234567), ui.money(office, Decimal("372595")), ui.percent(office, Decimal("25")),
            ui.date_short(office, date(2024, 3, 31)), ui.date_long(office, date(2024, 3, 31)),
            ui.shown(office, "ปี ๒๕๖๗" if office is ARABIC_OFFICE else "ปี 2567")] == expected


def test_a_phrase_formats_numbers_and_dates_but_keeps_codes_and_names():
    text = ui.phrase(THAI_OFFICE, "ส่งรายงานไตรมาสที่ {q} ปี {y} แล้ว {n} ฉบับ: {codes} เมื่อ {d} ({f})",
                     q=2, y=2567, n=ui.number(THAI_OFFICE, 12500), codes="67-01, P002", d=date(2024, 3, 31),
                     f="แผน 2566.xlsx")
    assert text == "ส่งรายงานไตรมาสที่ ๒ ปี ๒๕๖๗ แล้ว ๑๒,๕๐๐ ฉบับ: 67-01, P002 เมื่อ ๓๑ มี.ค. ๖๗ (แผน 2566.xlsx)"
    assert ui.phrase("arabic", "ข้อ {code} {amount} {at}", code=Formatted("๑.๒"), amount=Decimal("1500.5"),
                     at=datetime(2024, 3, 31, 3, 5, tzinfo=UTC)) == "ข้อ 1.2 1,500.5 31 มี.ค. 67 10:05 น."


def test_the_context_processor_gives_every_template_the_offices_digits(world):
    world.office.interface_digits = "arabic"
    world.office.save()
    request = RequestFactory().get("/")
    request.user = world.planner
    assert membership(request)["digits"] == "arabic"
    request.user = world.other_planner
    assert membership(request)["digits"] == "thai"
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert membership(request) == {"membership": None, "digits": "thai"}


FORM = ('<label for="id_q">ไตรมาสที่ 2</label><select name="q"><option value="1">ไตรมาส 1</option></select>'
        '<input name="amount" value="12500"><textarea name="t">อบรม 39 คน</textarea>'
        '<div id="hint_id_amount" class="form-text">เช่น 12,500</div><p class="invalid-feedback">ไม่มีวันที่ 31</p>'
        '<p class="invalid-feedback">อักษรย่อ “กท42.” ถูกใช้แล้ว</p>')


def test_a_rendered_form_shows_labels_options_and_errors_in_the_digits_but_keeps_what_people_type():
    from django.utils.safestring import mark_safe

    out = render("{{ form|form_digits:digits }}", form=mark_safe(FORM), digits="thai")
    assert "ไตรมาสที่ ๒</label>" in out and "ไตรมาส ๑</option>" in out and "ไม่มีวันที่ ๓๑" in out
    assert 'value="12500"' in out and 'value="1"' in out and "อบรม 39 คน</textarea>" in out
    assert "เช่น 12,500</div>" in out and "“กท42.”" in out  # an error quotes the input as it was typed
    back = render("{{ form|form_digits:digits }}", form=mark_safe(out), digits="arabic")
    assert "ไตรมาสที่ 2</label>" in back and "ไม่มีวันที่ 31" in back
    # Text that is not already safe HTML is escaped, never trusted as markup.
    assert render("{{ v|form_digits:digits }}", v="<b>2</b>", digits="thai") == "&lt;b&gt;๒&lt;/b&gt;"


def test_a_history_value_follows_the_digits_only_when_the_portal_formatted_it():
    assert render("{{ v|value_digits:digits }}", v=Formatted("12,500.00"), digits="thai") == "๑๒,๕๐๐.๐๐"
    assert render("{{ v|value_digits:digits }}", v="อบรม 39 คน", digits="thai") == "อบรม 39 คน"


def test_without_the_choice_the_filters_print_thai_digits():
    # Templates rendered without a request (e-mails, the booklet) never see `digits`: an empty choice and
    # a filter without its argument are Thai, as before the setting existed.
    assert render("{{ v|number:digits }}", v=2567, digits="") == "๒,๕๖๗"
    assert render("{{ v|thai_digits }}", v=2567) == "๒๕๖๗"


def test_the_scanner_finds_a_raw_number_and_skips_what_keeps_its_digits():
    page = ("<title>ไตรมาสที่ ๒</title><p>ปี 2567</p><input value='2567'><p>owner_a · a1@example.org · แผน2567.xlsx"
            " · P001</p><script>var x = 1;</script><div class='form-text'>เช่น 12,500</div>")
    assert stray_digits(page, digits="thai", kept_words=["owner_a", "P001"]) == ["ปี 2567"]
    assert stray_digits(page, digits="arabic", kept_words=["owner_a", "P001"]) == ["ไตรมาสที่ ๒"]
    assert stray_digits('<a aria-label="หน้า 2" href="?page=2">ถัดไป</a>', digits="thai") == ["หน้า 2"]


def test_the_scanner_finds_thai_digits_in_what_a_form_sends_and_a_field_shown_as_text():
    page = '<input name="version" value="๓"><option value="2567">พ.ศ. ๒๕๖๗</option><p>&lt;input name="x"&gt;</p>'
    assert thai_in_values(page) == ['version="๓"']
    assert escaped_markup(page) == ['<input name="x">']


def test_a_service_message_follows_the_digits_but_keeps_what_it_quotes():
    text = "ลบกลุ่มไม่ได้ มีโครงการ 3 โครงการ ชื่อผู้ใช้ “planner2” อักษรย่อ “กท42.”"
    assert ui.shown_message(THAI_OFFICE, text) == "ลบกลุ่มไม่ได้ มีโครงการ ๓ โครงการ ชื่อผู้ใช้ “planner2” อักษรย่อ “กท42.”"
    assert ui.shown_message("arabic", "ไตรมาสที่ ๒ “๑”") == "ไตรมาสที่ 2 “๑”"
