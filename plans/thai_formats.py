"""Thai number, money, percent and date formatting, plus parsing of what people type.

Pure Python (no Django import). Conventions:
- Money is Decimal end to end: int, Decimal and decimal strings are accepted, float is
  refused with TypeError because binary fractions cannot hold satang exactly.
- None means "unknown" and formats as "-" (never as zero).
- digits="thai" (เลขไทย ๐-๙, the default for official documents) or "arabic"; only the
  formatted number or date is converted, never surrounding text.
- Rounding is always ROUND_HALF_UP (ปัดเศษตามหลักคณิตศาสตร์), as on printed reports,
  not Python's default banker's rounding.
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from plans.thai_calendar import MAX_BE_YEAR, MIN_BE_YEAR, THAI_MONTHS, THAI_MONTHS_SHORT, be_year, ce_year

DIGIT_STYLES = ("thai", "arabic")
DASH = "-"

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SATANG = Decimal("0.01")


# --- digits -------------------------------------------------------------------------


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits 0-9 with Thai digits ๐-๙; everything else is untouched."""
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits ๐-๙ with Arabic digits 0-9; everything else is untouched."""
    return text.translate(_TO_ARABIC)


def _check_digits(digits: str) -> str:
    if digits not in DIGIT_STYLES:
        raise ValueError(f"digits must be one of {DIGIT_STYLES}, got {digits!r}")
    return digits


def _render(text: str, digits: str) -> str:
    return to_thai_digits(text) if digits == "thai" else text


# --- numbers and money --------------------------------------------------------------


def _as_decimal(value: object) -> Decimal:
    if isinstance(value, bool | float):
        raise TypeError(f"use int or Decimal, not {type(value).__name__} ({value!r})")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a decimal number: {value!r}") from None
    else:
        raise TypeError(f"expected int, Decimal or str, got {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def _round(value: Decimal, places: Decimal = _SATANG) -> Decimal:
    try:
        rounded = value.quantize(places, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the decimal context can hold
        raise ValueError(f"number too large to format: {value}") from None
    # -0.001 rounds to -0.00; print it as 0.00, not "-0.00".
    return abs(rounded) if rounded == 0 else rounded


def format_number(n: int | Decimal | str | None, digits: str = "thai") -> str:
    """Thousands separators, decimals kept as given: 1234567 -> "๑,๒๓๔,๕๖๗"."""
    _check_digits(digits)
    if n is None:
        return DASH
    value = _as_decimal(n)
    if value == 0:
        value = abs(value)
    return _render(f"{value:,f}", digits)


def format_money(
    amount: int | Decimal | str | None,
    *,
    style: str = "fixed",
    zero_dash: bool = False,
    digits: str = "thai",
) -> str:
    """Baht with thousands separators.

    style="fixed": always 2 decimals, for summaries ("๓๗๒,๕๙๕.๐๐").
    style="auto": whole baht unless there are satang, for project blocks ("๒๘,๕๑๖").
    zero_dash: zero prints "-" (tables).
    """
    _check_digits(digits)
    if style not in ("fixed", "auto"):
        raise ValueError(f"style must be 'fixed' or 'auto', got {style!r}")
    if amount is None:
        return DASH
    value = _round(_as_decimal(amount))
    if value == 0 and zero_dash:
        return DASH
    whole = value == value.to_integral_value()
    text = f"{value:,.0f}" if style == "auto" and whole else f"{value:,.2f}"
    return _render(text, digits)


def percent_of(part: int | Decimal | str | None, whole: int | Decimal | str | None) -> Decimal | None:
    """part / whole * 100, rounded half-up to 2 places; None when it cannot be computed."""
    if part is None or whole is None:
        return None
    part_d, whole_d = _as_decimal(part), _as_decimal(whole)
    if whole_d == 0:
        return None
    # Exact fraction arithmetic: rounding a Decimal division that was already rounded
    # to 28 digits could (rarely) round half-up the wrong way.
    ratio = Fraction(part_d) * 100 / Fraction(whole_d)
    hundredths = math.floor(abs(ratio) * 100 + Fraction(1, 2))
    return Decimal(-hundredths if ratio < 0 else hundredths).scaleb(-2)


def format_percent(value: Decimal | int | str | None, digits: str = "thai") -> str:
    """A percent value with exactly 2 decimals ("๒๕.๐๐"); None (no base) prints "-"."""
    _check_digits(digits)
    if value is None:
        return DASH
    return _render(f"{_round(_as_decimal(value)):,.2f}", digits)


# --- dates --------------------------------------------------------------------------


def _as_date(value: object) -> datetime.date:
    # Aware datetimes must be localised by the caller (the template filter does it).
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise TypeError(f"expected a date, got {type(value).__name__}")


def format_date_long(d: datetime.date | None, digits: str = "thai") -> str:
    """Long BE date for documents: "๓๑ มีนาคม พ.ศ. ๒๕๖๗"."""
    _check_digits(digits)
    if d is None:
        return DASH
    d = _as_date(d)
    return _render(f"{d.day} {THAI_MONTHS[d.month - 1]} พ.ศ. {be_year(d)}", digits)


def format_date_short(d: datetime.date | None, digits: str = "thai") -> str:
    """Short BE date for tables: "๓๑ มี.ค. ๖๗" (last two digits of the BE year)."""
    _check_digits(digits)
    if d is None:
        return DASH
    d = _as_date(d)
    return _render(f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {be_year(d) % 100:02d}", digits)


def format_datetime_short(moment: datetime.datetime | None, digits: str = "thai") -> str:
    """A stored moment (UTC) as the office reads it: local time, Buddhist-era date, "14:05 น."."""
    if moment is None:
        return "-"
    from django.utils import timezone

    local = timezone.localtime(moment)
    clock = f"{local:%H:%M}"
    if digits == "thai":
        clock = to_thai_digits(clock)
    return f"{format_date_short(local.date(), digits)} {clock} น."


# --- amount in words (บาทตัวอักษร) ---------------------------------------------------

_DIGIT_WORDS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACE_WORDS = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")
_MILLION = 1_000_000


def _group_words(n: int, *, has_higher: bool) -> str:
    """Words for 0 < n < 1,000,000; has_higher: non-zero digits exist above this group."""
    text = str(n)
    words = []
    for index, char in enumerate(text):
        digit, place = int(char), len(text) - 1 - index
        if digit == 0:
            continue
        if place == 1:
            # สิบ, not หนึ่งสิบ; ยี่สิบ, not สองสิบ.
            words.append({1: "", 2: "ยี่"}.get(digit, _DIGIT_WORDS[digit]) + "สิบ")
        elif place == 0 and digit == 1 and (has_higher or n > 9):
            # เอ็ด: a final 1 after any higher digit (สิบเอ็ด, หนึ่งร้อยเอ็ด, หนึ่งล้านเอ็ด).
            words.append("เอ็ด")
        else:
            words.append(_DIGIT_WORDS[digit] + _PLACE_WORDS[place])
    return "".join(words)


def _number_words(n: int) -> str:
    """Words for n > 0; ล้าน repeats for every six digits (หนึ่งล้านล้าน = 10^12)."""
    if n >= _MILLION:
        high, low = divmod(n, _MILLION)
        return _number_words(high) + "ล้าน" + (_group_words(low, has_higher=True) if low else "")
    return _group_words(n, has_higher=False)


def baht_text(amount: int | Decimal | str | None) -> str:
    """Amount in Thai words, as written on cheques and receipts.

    196836.28 -> "หนึ่งแสนเก้าหมื่นหกพันแปดร้อยสามสิบหกบาทยี่สิบแปดสตางค์".
    Whole amounts end in "บาทถ้วน"; satang only omits "ศูนย์บาท" ("หนึ่งสตางค์").
    A final 1 after higher digits is "เอ็ด", also right after ล้าน (1,000,001 ->
    "หนึ่งล้านเอ็ดบาทถ้วน"), as in the Royal Institute reading and Excel's BAHTTEXT.
    Satang are read as their own number, so 0.01 is "หนึ่งสตางค์" and 0.21
    "ยี่สิบเอ็ดสตางค์". Amounts are rounded half-up to the satang; negatives get "ลบ".
    """
    if amount is None:
        return DASH
    value = _round(_as_decimal(amount))
    if value == 0:
        return "ศูนย์บาทถ้วน"
    sign = "ลบ" if value < 0 else ""
    value = abs(value)
    baht = int(value)
    satang = int((value - baht) * 100)
    text = sign
    if baht:
        text += _number_words(baht) + "บาท"
    return text + (_number_words(satang) + "สตางค์" if satang else "ถ้วน")


# --- parsing what people type -------------------------------------------------------

_MONEY_EXAMPLE = "เช่น 12,500 หรือ 12500.50"
_GROUPED_INT = re.compile(r"[0-9]{1,3}(,[0-9]{3})+")
_DATE = re.compile(r"([0-9]{1,2})\s*([/.-])\s*([0-9]{1,2})\s*\2\s*([0-9]{4}|[0-9]{2})")
# "31 มีนาคม 2567", "31 มี.ค. 67", "31 มีค 2567", "31 มีนาคม พ.ศ. 2567"
_DATE_WITH_MONTH_NAME = re.compile(r"([0-9]{1,2})\s*([\u0e00-\u0e7f.]+?)\s*(?:พ\.?\s*ศ\.?)?\s*([0-9]{4}|[0-9]{2})")
_DATE_EXAMPLE = "เช่น 31/03/2567, 31/3/67 หรือ 31 มี.ค. 67"


def _month_key(name: str) -> str:
    return name.replace(".", "").replace(" ", "")


# Full names and abbreviations, with or without their dots ("มี.ค.", "มีค").
_MONTH_NUMBERS = {
    _month_key(name): number
    for number, names in enumerate(zip(THAI_MONTHS, THAI_MONTHS_SHORT, strict=True), start=1)
    for name in names
}


def _describe_chars(chars: list[str]) -> str:
    return ", ".join("ช่องว่าง" if c.isspace() else f"“{c}”" for c in chars)


def parse_money(text: str) -> Decimal:
    """Turn typed baht ("12,500", "๑๒,๕๐๐", " 1,000.00 บาท") into a Decimal.

    Raises ValueError with a Thai message telling the user what to fix.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_money expects str, got {type(text).__name__}")
    raw = text.strip()
    cleaned = to_arabic_digits(raw).removesuffix("บาท").rstrip()
    if not cleaned:
        raise ValueError(f"กรุณากรอกจำนวนเงิน {_MONEY_EXAMPLE}")
    if cleaned[0] in "-−" and len(cleaned) > 1:
        raise ValueError("จำนวนเงินต้องไม่ติดลบ ให้กรอกจำนวนตั้งแต่ 0 ขึ้นไป")
    bad = list(dict.fromkeys(c for c in cleaned if c not in "0123456789,."))
    if bad:
        hint = " (ตัวอักษร O ไม่ใช่เลขศูนย์ 0)" if "O" in bad or "o" in bad else ""
        raise ValueError(
            f"จำนวนเงิน “{raw}” มีอักขระที่ไม่ใช่ตัวเลข: {_describe_chars(bad)}{hint} "
            f"ให้กรอกเฉพาะตัวเลข จุลภาค (,) และจุดทศนิยม (.) {_MONEY_EXAMPLE}"
        )
    if cleaned.count(".") > 1:
        raise ValueError(
            f"จำนวนเงิน “{raw}” มีจุดทศนิยมมากกว่าหนึ่งจุด ถ้าต้องการคั่นหลักพันให้ใช้จุลภาค (,) เช่น 1,000,000.00"
        )
    whole, _, fraction = cleaned.partition(".")
    misplaced_comma = ValueError(
        f"จำนวนเงิน “{raw}” ใส่จุลภาค (,) ผิดตำแหน่ง ให้คั่นทุก 3 หลัก เช่น 1,000,000 หรือไม่ต้องใส่จุลภาค"
    )
    if "," in fraction:
        raise misplaced_comma
    if len(fraction) > 2:
        raise ValueError(f"จำนวนเงิน “{raw}” มีทศนิยมเกิน 2 ตำแหน่ง ให้กรอกสตางค์ไม่เกิน 2 หลัก เช่น 12,500.50")
    if "," in whole:
        if not _GROUPED_INT.fullmatch(whole):
            raise misplaced_comma
        whole = whole.replace(",", "")
    if not whole and not fraction:
        raise ValueError(f"จำนวนเงิน “{raw}” ไม่มีตัวเลข {_MONEY_EXAMPLE}")
    # Keep the typed scale ("12500.50" stays Decimal("12500.50")).
    return Decimal(f"{whole or '0'}.{fraction}" if fraction else whole)


def parse_be_date(text: str) -> datetime.date:
    """Turn a typed BE date ("31/03/2567", "๓๑-๓-๒๕๖๗", "31.03.2567", "31/3/67", "31 มี.ค. 67",
    "31 มีนาคม 2567", "31 มีนาคม พ.ศ. 2567") into a date.

    Day first, then the month (a number, or its Thai name in full or abbreviated, with or without
    the dots), then the Buddhist Era year in 4 digits or its short 2-digit form (67 = 2567).
    Raises ValueError with a Thai message telling the user what to fix.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_be_date expects str, got {type(text).__name__}")
    raw = text.strip()
    if not raw:
        raise ValueError(f"กรุณากรอกวันที่ เป็น วัน/เดือน/ปี พ.ศ. {_DATE_EXAMPLE}")
    arabic = to_arabic_digits(raw)
    match = _DATE.fullmatch(arabic)
    if match:
        day, month, year_text = int(match[1]), int(match[3]), match[4]
    else:
        named = _DATE_WITH_MONTH_NAME.fullmatch(arabic)
        month = _MONTH_NUMBERS.get(_month_key(named[2])) if named else None
        if month is None:
            raise ValueError(
                f"รูปแบบวันที่ “{raw}” ไม่ถูกต้อง ให้กรอกเป็น วัน/เดือน/ปี พ.ศ. {_DATE_EXAMPLE}"
            )
        day, year_text = int(named[1]), named[3]
    # A two-digit year is the Buddhist Era's short form, as offices write it: 67 is 2567.
    year = 2500 + int(year_text) if len(year_text) == 2 else int(year_text)
    if not MIN_BE_YEAR <= year <= MAX_BE_YEAR:
        raise ValueError(f"ปี {year} ไม่ใช่ปี พ.ศ. ให้กรอกเป็นปีพุทธศักราช เช่น 2567")
    if not 1 <= month <= 12:
        raise ValueError(f"เดือน {month} ไม่ถูกต้อง เดือนต้องเป็น 1 ถึง 12 {_DATE_EXAMPLE}")
    days_in_month = calendar.monthrange(ce_year(year), month)[1]
    if not 1 <= day <= days_in_month:
        raise ValueError(
            f"ไม่มีวันที่ {day} {THAI_MONTHS[month - 1]} พ.ศ. {year} (เดือนนี้มี {days_in_month} วัน) กรุณาตรวจสอบวันที่"
        )
    return datetime.date(ce_year(year), month, day)
