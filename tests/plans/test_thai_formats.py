from datetime import date, datetime
from decimal import Decimal

import pytest

from plans.thai_formats import (
    baht_text,
    format_date_long,
    format_date_short,
    format_money,
    format_number,
    format_percent,
    parse_be_date,
    parse_money,
    percent_of,
    to_arabic_digits,
    to_thai_digits,
)

D = Decimal


# --- digits ---


def test_it_converts_digits_both_ways_and_nothing_else():
    assert to_thai_digits("ปี 2567, 0-9 / abc") == "ปี ๒๕๖๗, ๐-๙ / abc"
    assert to_arabic_digits("ปี ๒๕๖๗, ๐-๙ / abc") == "ปี 2567, 0-9 / abc"
    assert to_arabic_digits(to_thai_digits("0123456789")) == "0123456789"


# --- numbers ---


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "๐"),
        (1234567, "๑,๒๓๔,๕๖๗"),
        (-1234, "-๑,๒๓๔"),
        (D("1234.5"), "๑,๒๓๔.๕"),
        (D("1234.50"), "๑,๒๓๔.๕๐"),
        (D("-0"), "๐"),
        ("999", "๙๙๙"),
        (None, "-"),
    ],
)
def test_it_formats_numbers_with_thousands_separators(value, expected):
    assert format_number(value) == expected


def test_it_formats_numbers_in_arabic_digits_on_request():
    assert format_number(1234567, digits="arabic") == "1,234,567"


# --- money ---


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (D("372595"), "๓๗๒,๕๙๕.๐๐"),
        (D("28516.28"), "๒๘,๕๑๖.๒๘"),
        (D("0.5"), "๐.๕๐"),
        (0, "๐.๐๐"),
        (1000000, "๑,๐๐๐,๐๐๐.๐๐"),
        ("12500.5", "๑๒,๕๐๐.๕๐"),
        (D("-1500"), "-๑,๕๐๐.๐๐"),
        (D("-0.001"), "๐.๐๐"),
        (None, "-"),
    ],
)
def test_it_formats_summary_money_with_two_decimals(amount, expected):
    assert format_money(amount) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (D("28516.28"), "๒๘,๕๑๖.๒๘"),
        (D("28516"), "๒๘,๕๑๖"),
        (D("28516.00"), "๒๘,๕๑๖"),
        (D("28516.5"), "๒๘,๕๑๖.๕๐"),
        (D("28516.004"), "๒๘,๕๑๖"),
        (D("0.01"), "๐.๐๑"),
        (0, "๐"),
    ],
)
def test_it_formats_project_block_money_as_whole_baht_unless_there_are_satang(amount, expected):
    assert format_money(amount, style="auto") == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (D("0.005"), "๐.๐๑"),
        (D("0.015"), "๐.๐๒"),
        (D("0.025"), "๐.๐๓"),
        (D("2.675"), "๒.๖๘"),
        (D("-0.005"), "-๐.๐๑"),
    ],
)
def test_it_rounds_money_half_up_not_half_even(amount, expected):
    assert format_money(amount) == expected


def test_it_prints_zero_money_as_dash_only_when_asked():
    assert format_money(0, zero_dash=True) == "-"
    assert format_money(D("0.00"), zero_dash=True, style="auto") == "-"
    assert format_money(D("0.004"), zero_dash=True) == "-"
    assert format_money(D("0.01"), zero_dash=True) == "๐.๐๑"
    assert format_money(0) == "๐.๐๐"


def test_it_leaves_money_in_arabic_digits_on_request():
    assert format_money(D("372595"), digits="arabic") == "372,595.00"
    assert format_money(D("28516"), style="auto", digits="arabic") == "28,516"


@pytest.mark.parametrize("formatter", [format_money, format_number, format_percent, baht_text])
def test_it_refuses_floats_for_money_and_numbers(formatter):
    with pytest.raises(TypeError):
        formatter(0.1)


@pytest.mark.parametrize("bad", [True, [1], object()])
def test_it_refuses_values_that_are_not_numbers(bad):
    with pytest.raises(TypeError):
        format_money(bad)


@pytest.mark.parametrize("bad", ["abc", "12,500", "NaN", "Infinity"])
def test_it_refuses_strings_that_are_not_plain_decimals(bad):
    with pytest.raises(ValueError):
        format_money(bad)


def test_it_rejects_unknown_style_or_digits_even_for_none():
    with pytest.raises(ValueError):
        format_money(1, style="round")
    with pytest.raises(ValueError):
        format_money(None, digits="latin")
    with pytest.raises(ValueError):
        format_date_long(None, digits="roman")


# --- percent ---


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (1, 3, D("33.33")),
        (2, 3, D("66.67")),
        (1, 8, D("12.50")),
        (1, 800, D("0.13")),
        (1, 4, D("25.00")),
        (3, 3, D("100.00")),
        (0, 5, D("0.00")),
        (5, 4, D("125.00")),
        (D("93148.75"), D("372595"), D("25.00")),
        (-1, 800, D("-0.13")),
        ("1", "3", D("33.33")),
    ],
)
def test_it_computes_percent_half_up_to_two_places(part, whole, expected):
    result = percent_of(part, whole)
    assert result == expected
    # Same value AND same scale: trailing zeros are kept for printing.
    assert str(result) == str(expected)


@pytest.mark.parametrize(
    ("part", "whole"), [(1, 0), (0, 0), (1, D("0.00")), (None, 5), (5, None), (None, None)]
)
def test_it_gives_no_percent_without_a_base(part, whole):
    assert percent_of(part, whole) is None


def test_it_refuses_float_percent_inputs():
    with pytest.raises(TypeError):
        percent_of(1.0, 3)


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (D("25"), "thai", "๒๕.๐๐"),
        (D("25.00"), "arabic", "25.00"),
        (D("33.333"), "thai", "๓๓.๓๓"),
        (D("0.125"), "arabic", "0.13"),
        (None, "thai", "-"),
    ],
)
def test_it_formats_percent_with_two_decimals(value, digits, expected):
    assert format_percent(value, digits=digits) == expected


# --- dates ---


def test_it_formats_long_and_short_be_dates():
    assert format_date_long(date(2024, 3, 31)) == "๓๑ มีนาคม พ.ศ. ๒๕๖๗"
    assert format_date_short(date(2024, 3, 31)) == "๓๑ มี.ค. ๖๗"
    assert format_date_long(date(2024, 2, 29)) == "๒๙ กุมภาพันธ์ พ.ศ. ๒๕๖๗"
    assert format_date_short(date(2023, 10, 1)) == "๑ ต.ค. ๖๖"
    assert format_date_short(date(1957, 1, 5)) == "๕ ม.ค. ๐๐"


def test_it_formats_dates_in_arabic_digits_on_request():
    assert format_date_long(date(2024, 3, 31), digits="arabic") == "31 มีนาคม พ.ศ. 2567"
    assert format_date_short(date(2024, 3, 31), digits="arabic") == "31 มี.ค. 67"


def test_it_formats_a_datetime_by_its_date_and_none_as_dash():
    assert format_date_long(datetime(2024, 3, 31, 23, 0)) == "๓๑ มีนาคม พ.ศ. ๒๕๖๗"
    assert format_date_long(None) == "-"
    assert format_date_short(None) == "-"
    with pytest.raises(TypeError):
        format_date_long("2024-03-31")


# --- amount in words ---


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (D("196836.28"), "หนึ่งแสนเก้าหมื่นหกพันแปดร้อยสามสิบหกบาทยี่สิบแปดสตางค์"),
        (0, "ศูนย์บาทถ้วน"),
        (D("0.00"), "ศูนย์บาทถ้วน"),
        (1, "หนึ่งบาทถ้วน"),
        (2, "สองบาทถ้วน"),
        (10, "สิบบาทถ้วน"),
        (11, "สิบเอ็ดบาทถ้วน"),
        (12, "สิบสองบาทถ้วน"),
        (20, "ยี่สิบบาทถ้วน"),
        (21, "ยี่สิบเอ็ดบาทถ้วน"),
        (22, "ยี่สิบสองบาทถ้วน"),
        (31, "สามสิบเอ็ดบาทถ้วน"),
        (100, "หนึ่งร้อยบาทถ้วน"),
        (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (110, "หนึ่งร้อยสิบบาทถ้วน"),
        (111, "หนึ่งร้อยสิบเอ็ดบาทถ้วน"),
        (120, "หนึ่งร้อยยี่สิบบาทถ้วน"),
        (1001, "หนึ่งพันเอ็ดบาทถ้วน"),
        (10000, "หนึ่งหมื่นบาทถ้วน"),
        (100000, "หนึ่งแสนบาทถ้วน"),
        (1000000, "หนึ่งล้านบาทถ้วน"),
        (1000001, "หนึ่งล้านเอ็ดบาทถ้วน"),
        (1000010, "หนึ่งล้านสิบบาทถ้วน"),
        (1000021, "หนึ่งล้านยี่สิบเอ็ดบาทถ้วน"),
        (2000000, "สองล้านบาทถ้วน"),
        (10000000, "สิบล้านบาทถ้วน"),
        (11000000, "สิบเอ็ดล้านบาทถ้วน"),
        (21000000, "ยี่สิบเอ็ดล้านบาทถ้วน"),
        (101000000, "หนึ่งร้อยเอ็ดล้านบาทถ้วน"),
        (1001000000, "หนึ่งพันเอ็ดล้านบาทถ้วน"),
        (1_000_000_000_000, "หนึ่งล้านล้านบาทถ้วน"),
        (2_500_000_000_001, "สองล้านห้าแสนล้านเอ็ดบาทถ้วน"),
        (D("372595"), "สามแสนเจ็ดหมื่นสองพันห้าร้อยเก้าสิบห้าบาทถ้วน"),
        (D("0.01"), "หนึ่งสตางค์"),
        (D("0.11"), "สิบเอ็ดสตางค์"),
        (D("0.21"), "ยี่สิบเอ็ดสตางค์"),
        (D("0.5"), "ห้าสิบสตางค์"),
        (D("1.01"), "หนึ่งบาทหนึ่งสตางค์"),
        (D("11.11"), "สิบเอ็ดบาทสิบเอ็ดสตางค์"),
        (D("100.999"), "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (D("-5"), "ลบห้าบาทถ้วน"),
        ("250.75", "สองร้อยห้าสิบบาทเจ็ดสิบห้าสตางค์"),
    ],
)
def test_it_writes_amounts_in_thai_words(amount, expected):
    assert baht_text(amount) == expected


def test_it_writes_no_words_for_an_unknown_amount():
    assert baht_text(None) == "-"


# --- parsing money ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,500", D("12500")),
        ("12500", D("12500")),
        ("12500.50", D("12500.50")),
        ("๑๒,๕๐๐", D("12500")),
        ("๑๒,๕๐๐.๕๐", D("12500.50")),
        (" 1,000.00 ", D("1000.00")),
        ("1,000,000", D("1000000")),
        ("12,500 บาท", D("12500")),
        ("12500บาท", D("12500")),
        ("0", D("0")),
        ("0.5", D("0.5")),
        (".50", D("0.50")),
        ("12.", D("12")),
        ("999", D("999")),
    ],
)
def test_it_parses_money_the_way_people_type_it(text, expected):
    assert parse_money(text) == expected


def test_it_keeps_the_typed_scale_of_money():
    assert str(parse_money("12500.50")) == "12500.50"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12,5OO", "ไม่ใช่ตัวเลข"),
        ("12,5OO", "“O”"),
        ("12,5OO", "ตัวอักษร O ไม่ใช่เลขศูนย์"),
        ("12a", "“a”"),
        ("1 000", "ช่องว่าง"),
        ("-500", "ติดลบ"),
        ("−500", "ติดลบ"),
        ("1.005", "ทศนิยมเกิน 2 ตำแหน่ง"),
        ("1,00,0", "จุลภาค (,) ผิดตำแหน่ง"),
        ("1,0000", "จุลภาค (,) ผิดตำแหน่ง"),
        (",500", "จุลภาค (,) ผิดตำแหน่ง"),
        ("1000,", "จุลภาค (,) ผิดตำแหน่ง"),
        ("1.000,50", "จุลภาค (,) ผิดตำแหน่ง"),
        ("1.000.000", "มากกว่าหนึ่งจุด"),
        ("", "กรุณากรอกจำนวนเงิน"),
        ("   ", "กรุณากรอกจำนวนเงิน"),
        ("บาท", "กรุณากรอกจำนวนเงิน"),
        (".", "ไม่มีตัวเลข"),
        ("NaN", "ไม่ใช่ตัวเลข"),
        ("1e5", "ไม่ใช่ตัวเลข"),
    ],
)
def test_it_rejects_bad_money_with_a_thai_message_saying_what_to_fix(text, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_money(text)


def test_it_refuses_to_parse_money_that_is_not_text():
    with pytest.raises(TypeError):
        parse_money(12500)


# --- parsing BE dates ---


@pytest.mark.parametrize(
    "text",
    ["31/03/2567", "31-03-2567", "31.03.2567", "๓๑/๐๓/๒๕๖๗", " 31/3/2567 ", "31 / 03 / 2567"],
)
def test_it_parses_typed_be_dates(text):
    assert parse_be_date(text) == date(2024, 3, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/1/2567", date(2024, 1, 1)),
        ("29/02/2567", date(2024, 2, 29)),
        ("30/09/2566", date(2023, 9, 30)),
        ("1/10/2566", date(2023, 10, 1)),
        ("31/12/2566", date(2023, 12, 31)),
    ],
)
def test_it_parses_edge_be_dates(text, expected):
    assert parse_be_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31/3/67",
        "31/03/67",
        "๓๑/๓/๖๗",
        "31 มี.ค. 67",
        "31 มี.ค. 2567",
        "31 มีค 67",
        "31 มีนาคม 2567",
        "31 มีนาคม พ.ศ. 2567",
        "31 มีนาคม พ.ศ.2567",
        "๓๑ มีนาคม ๒๕๖๗",
        "31มี.ค.67",
    ],
)
def test_it_parses_dates_as_people_type_them(text):
    """Issue 19: the short BE year and Thai month names, full and abbreviated."""
    assert parse_be_date(text) == date(2024, 3, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1 ต.ค. 66", date(2023, 10, 1)), ("30 กันยายน 2567", date(2024, 9, 30)), ("1 ม.ค. 68", date(2025, 1, 1))],
)
def test_it_reads_every_month_name(text, expected):
    assert parse_be_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30/02/2567", "ไม่มีวันที่ 30 กุมภาพันธ์ พ.ศ. 2567"),
        ("29/02/2566", "ไม่มีวันที่ 29 กุมภาพันธ์ พ.ศ. 2566"),
        ("31/04/2567", "ไม่มีวันที่ 31 เมษายน"),
        ("0/04/2567", "ไม่มีวันที่ 0"),
        ("31/03/2024", "ปี 2024 ไม่ใช่ปี พ.ศ. ให้กรอกเป็นปีพุทธศักราช เช่น 2567"),
        ("31/03/2399", "ให้กรอกเป็นปีพุทธศักราช"),
        ("31/03/2701", "ให้กรอกเป็นปีพุทธศักราช"),
        ("1/13/2567", "เดือน 13 ไม่ถูกต้อง"),
        ("1/0/2567", "เดือน 0 ไม่ถูกต้อง"),
        ("2567-03-31", "รูปแบบวันที่"),
        ("31/03-2567", "รูปแบบวันที่"),
        ("31 มีนาม 2567", "รูปแบบวันที่"),
        ("31 March 2567", "รูปแบบวันที่"),
        ("31/03/567", "รูปแบบวันที่"),
        ("30 ก.พ. 67", "ไม่มีวันที่ 30 กุมภาพันธ์ พ.ศ. 2567"),
        ("31 เม.ย. 2567", "ไม่มีวันที่ 31 เมษายน"),
        ("", "กรุณากรอกวันที่"),
        ("  ", "กรุณากรอกวันที่"),
    ],
)
def test_it_rejects_bad_dates_with_a_thai_message(text, message):
    with pytest.raises(ValueError, match=message):
        parse_be_date(text)


def test_it_refuses_to_parse_a_date_that_is_not_text():
    with pytest.raises(TypeError):
        parse_be_date(date(2024, 3, 31))
