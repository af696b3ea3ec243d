from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

D = Decimal


def render(source, **context):
    return Template("{% load thai %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("source", "value", "expected"),
    [
        ("{{ v|thai_digits }}", "ปี 2567", "ปี ๒๕๖๗"),
        ('{{ v|thai_digits:"arabic" }}', "ปี ๒๕๖๗", "ปี 2567"),
        ("{{ v|number }}", 1234567, "๑,๒๓๔,๕๖๗"),
        ('{{ v|number:"arabic" }}', 1234567, "1,234,567"),
        ("{{ v|money }}", D("372595"), "๓๗๒,๕๙๕.๐๐"),
        ('{{ v|money:"arabic" }}', D("372595"), "372,595.00"),
        ("{{ v|money }}", 0, "๐.๐๐"),
        ("{{ v|money_auto }}", D("28516.28"), "๒๘,๕๑๖.๒๘"),
        ("{{ v|money_auto }}", D("28516"), "๒๘,๕๑๖"),
        ('{{ v|money_auto:"arabic" }}', D("28516"), "28,516"),
        ("{{ v|money_dash }}", D("0"), "-"),
        ("{{ v|money_dash }}", D("1500"), "๑,๕๐๐.๐๐"),
        ('{{ v|money_dash:"arabic" }}', D("1500"), "1,500.00"),
        ("{{ v|percent }}", D("25.00"), "๒๕.๐๐"),
        ('{{ v|percent:"arabic" }}', D("12.5"), "12.50"),
        ("{{ v|be_date }}", date(2024, 3, 31), "๓๑ มีนาคม พ.ศ. ๒๕๖๗"),
        ('{{ v|be_date:"arabic" }}', date(2024, 3, 31), "31 มีนาคม พ.ศ. 2567"),
        ("{{ v|be_date_short }}", date(2024, 3, 31), "๓๑ มี.ค. ๖๗"),
        ('{{ v|be_date_short:"arabic" }}', date(2024, 3, 31), "31 มี.ค. 67"),
        ("{{ v|baht_text }}", D("196836.28"), "หนึ่งแสนเก้าหมื่นหกพันแปดร้อยสามสิบหกบาทยี่สิบแปดสตางค์"),
        ('{{ v|baht_text:"arabic" }}', 0, "ศูนย์บาทถ้วน"),
    ],
)
def test_it_formats_values_through_filters(source, value, expected):
    assert render(source, v=value) == expected


@pytest.mark.parametrize(
    "source",
    [
        "{{ v|number }}",
        "{{ v|money }}",
        "{{ v|money_auto }}",
        "{{ v|money_dash }}",
        "{{ v|percent }}",
        "{{ v|be_date }}",
        "{{ v|be_date_short }}",
        "{{ v|baht_text }}",
    ],
)
@pytest.mark.parametrize("value", [None, "missing"])
def test_it_prints_a_dash_for_unknown_or_missing_values(source, value):
    context = {} if value == "missing" else {"v": value}
    assert render(source, **context) == "-"


def test_it_converts_only_the_formatted_value_not_the_surrounding_text():
    source = 'Room 12: {{ v|money }} <a href="/plans/34/">item 56</a> {{ code }}'
    html = render(source, v=D("12500"), code="PRJ-2567-001")
    assert html == 'Room 12: ๑๒,๕๐๐.๐๐ <a href="/plans/34/">item 56</a> PRJ-2567-001'


def test_it_keeps_markup_and_entities_intact_when_converting_safe_html():
    value = mark_safe('<a href="/p/12/">ข้อ 12</a> &#39;3&#39;')
    assert render("{{ v|thai_digits }}", v=value) == '<a href="/p/12/">ข้อ ๑๒</a> &#39;๓&#39;'


def test_it_still_escapes_unsafe_text_after_converting_digits():
    assert render("{{ v|thai_digits }}", v="<b>1</b>") == "&lt;b&gt;๑&lt;/b&gt;"


def test_it_prints_nothing_for_thai_digits_of_none():
    assert render("{{ v|thai_digits }}", v=None) == ""


def test_it_shows_an_aware_datetime_on_its_bangkok_date():
    # 17:30 UTC on 30 Sep is already 1 Oct in Bangkok (UTC+7).
    moment = datetime(2023, 9, 30, 17, 30, tzinfo=UTC)
    assert render("{{ v|be_date }}", v=moment) == "๑ ตุลาคม พ.ศ. ๒๕๖๖"
    assert render("{{ v|be_date_short }}", v=moment) == "๑ ต.ค. ๖๖"


@pytest.mark.parametrize(
    ("source", "context", "expected"),
    [
        ("{% percent_of part whole %}", {"part": 1, "whole": 3}, "๓๓.๓๓"),
        ("{% percent_of part whole %}", {"part": 1, "whole": 800}, "๐.๑๓"),
        ('{% percent_of part whole digits="arabic" %}', {"part": 2, "whole": 3}, "66.67"),
        ("{% percent_of part whole %}", {"part": D("93148.75"), "whole": D("372595")}, "๒๕.๐๐"),
        ("{% percent_of part whole %}", {"part": 5, "whole": 0}, "-"),
        ("{% percent_of part whole %}", {"part": 5, "whole": None}, "-"),
        ("{% percent_of part whole %}", {"part": 5}, "-"),
        ("{% percent_of part whole as p %}[{{ p }}]", {"part": 1, "whole": 4}, "[๒๕.๐๐]"),
    ],
)
def test_it_computes_and_formats_a_percent_with_a_tag(source, context, expected):
    assert render(source, **context) == expected


def test_it_refuses_an_unknown_digits_argument():
    with pytest.raises(ValueError):
        render('{{ v|money:"latin" }}', v=1)
    with pytest.raises(ValueError):
        render('{{ v|baht_text:"latin" }}', v=1)


def test_it_refuses_a_float_amount_loudly():
    with pytest.raises(TypeError):
        render("{{ v|money }}", v=0.1)
