"""Turning real-world cells into clean values, and the problems a check reports.

Shared by the plan import and the quarterly results import (files are opened by
`projects.workbooks.files`). Every problem becomes a `Problem` with the sheet, row and column it was
found in and a Thai message saying what to fix; nothing here raises on a user's bad cell. Money is
Decimal: openpyxl hands numeric cells over as int or float, and floats are converted through their
shortest repr ("12500.5"), never kept.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from plans.text_rules import clean_text
from plans.thai_formats import parse_be_date, parse_money, to_arabic_digits

MAX_MONEY = Decimal("999999999999.99")  # DecimalField(max_digits=14, decimal_places=2)
_SATANG = Decimal("0.01")

FORMULA_WITHOUT_VALUE = (
    "เซลล์นี้เป็นสูตรที่ยังไม่มีผลลัพธ์บันทึกไว้ เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง (หรือคัดลอกแล้ววางแบบค่า) ก่อนนำเข้า"
)


class CellError(ValueError):
    """A cell's value cannot be used; the message (Thai) says what to fix."""


@dataclass
class Problem:
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    is_warning: bool = False

    def __str__(self):
        where = []
        if self.sheet:
            where.append(f"แผ่นงาน “{self.sheet}”")
        if self.row:
            where.append(f"แถว {self.row}")
        if self.column:
            where.append(f"คอลัมน์ “{self.column}”")
        place = " ".join(where)
        return f"{place}: {self.message}" if place else self.message


@dataclass
class CheckResult:
    """What checking an uploaded sheet found: problems (errors and warnings) and row changes by action."""

    problems: list[Problem] = field(default_factory=list)
    changes: list = field(default_factory=list)

    @property
    def errors(self):
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self):
        return [p for p in self.problems if p.is_warning]

    @property
    def ok(self):
        return not self.errors

    def of(self, action):
        return [c for c in self.changes if c.action == action]

    @property
    def created(self):
        return self.of("create")

    @property
    def updated(self):
        return self.of("update")

    @property
    def unchanged(self):
        return self.of("same")


# --- cells -----------------------------------------------------------------------------------


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value) -> str:
    """A cell value as a user would recognise it in a message."""
    if value is None:
        return ""
    if isinstance(value, float):
        return _float_to_decimal_text(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _float_to_decimal_text(value: float) -> str:
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def text(value, *, max_length: int | None = None, required: bool = False) -> str:
    """A text cell: trimmed; numbers as they look (1.0 → "1")."""
    if _is_blank(value):
        if required:
            raise CellError("ช่องนี้ต้องกรอก")
        return ""
    if isinstance(value, bool):
        result = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        result = _float_to_decimal_text(value)
    elif isinstance(value, datetime.datetime | datetime.date):
        result = value.strftime("%d/%m/%Y")
    else:
        result = str(value).strip()
    # Excel line breaks inside a cell come as \r\n or \n; keep one style.
    result = result.replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")
    # The import writes in bulk (no pre_save): clean control characters here too.
    result = clean_text(result)
    if max_length is not None and len(result) > max_length:
        raise CellError(f"ข้อความยาว {len(result):,} ตัวอักษร เกินกว่าที่รับได้ ({max_length:,} ตัวอักษร) กรุณาย่อให้สั้นลง")
    return result


def _number_to_decimal(value) -> Decimal:
    if isinstance(value, bool):
        raise CellError(f"“{value}” ไม่ใช่จำนวนเงิน")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        try:
            result = Decimal(repr(value))
        except InvalidOperation:
            raise CellError("ไม่ใช่ตัวเลข") from None
        if not result.is_finite():
            raise CellError("ไม่ใช่ตัวเลข")
        # A formula like =A1*1.07 leaves binary noise (12500.000000000002): round it away,
        # but a typed third decimal (12.345) is the user's and is reported.
        rounded = result.quantize(_SATANG, rounding=ROUND_HALF_UP) if abs(result) < MAX_MONEY * 10 else result
        if abs(rounded - result) > Decimal("0.000001"):
            raise CellError(f"“{shown(value)}” มีทศนิยมเกิน 2 ตำแหน่ง ให้กรอกสตางค์ไม่เกิน 2 หลัก")
        return Decimal(int(rounded)) if rounded == rounded.to_integral_value() else rounded
    raise TypeError


def money(value, *, required: bool = False) -> Decimal | None:
    """An amount in baht: numbers, "12,500", "๑๒,๕๐๐", " 12500.50 บาท"; blank → None."""
    if _is_blank(value):
        if required:
            raise CellError("กรุณากรอกจำนวนเงิน เช่น 12,500 หรือ 0 ถ้าไม่ใช้งบประมาณ")
        return None
    if isinstance(value, datetime.datetime | datetime.date):
        raise CellError(f"“{shown(value)}” เป็นวันที่ ไม่ใช่จำนวนเงิน ให้ตั้งรูปแบบเซลล์เป็นตัวเลข")
    if isinstance(value, str):
        try:
            result = parse_money(value)
        except (ValueError, InvalidOperation) as error:
            raise CellError(str(error)) from None  # parse_money's message names the value and the fix
    else:
        result = _number_to_decimal(value)
    if result < 0:
        raise CellError(f"“{shown(value)}” ติดลบ จำนวนเงินต้องตั้งแต่ 0 ขึ้นไป")
    if result > MAX_MONEY:
        raise CellError(f"“{shown(value)}” มากเกินกว่าที่รับได้ กรุณาตรวจสอบจำนวนเงิน")
    return result


def number(value, *, required: bool = False) -> Decimal | None:
    """A target or result figure (e.g. 80, 3.5, "๘๐"): non-negative, up to 2 decimals."""
    if _is_blank(value):
        if required:
            raise CellError("ช่องนี้ต้องกรอกตัวเลข")
        return None
    if isinstance(value, str):
        raw = to_arabic_digits(value.strip()).removesuffix("%").strip()
        try:
            return money(raw)
        except CellError:
            raise CellError(f"“{value.strip()}” ไม่ใช่ตัวเลข ให้กรอกเฉพาะตัวเลข เช่น 80 หรือ 3.50") from None
    try:
        return money(value)
    except CellError:
        raise CellError(f"“{shown(value)}” ไม่ใช่ตัวเลขที่รับได้ (ตั้งแต่ 0 ขึ้นไป ทศนิยมไม่เกิน 2 ตำแหน่ง)") from None


def whole_number(value, *, required: bool = False, low: int = 0, high: int = 32767) -> int | None:
    """An order number or year: "3", 3, 3.0, "๓"."""
    if _is_blank(value):
        if required:
            raise CellError("ช่องนี้ต้องกรอกตัวเลขจำนวนเต็ม")
        return None
    raw = shown(value) if not isinstance(value, str) else to_arabic_digits(value.strip())
    if isinstance(value, bool) or not re.fullmatch(r"[0-9]{1,6}", raw):
        raise CellError(f"“{shown(value)}” ไม่ใช่จำนวนเต็ม ให้กรอกตัวเลขไม่มีทศนิยม เช่น 3")
    result = int(raw)
    if not low <= result <= high:
        raise CellError(f"“{result}” ต้องอยู่ระหว่าง {low} ถึง {high}")
    return result


def be_date(value) -> datetime.date | None:
    """A date: a real date cell, or text "31/03/2567" read as Buddhist Era; blank → None."""
    if _is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        # Someone typed 31/03/2567 and Excel stored the Gregorian year 2567: it was BE.
        if value.year > 2400:
            try:
                return value.replace(year=value.year - 543)
            except ValueError:
                raise CellError(f"วันที่ “{shown(value)}” ไม่ถูกต้อง") from None
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError(f"“{shown(value)}” ไม่ใช่วันที่ ให้กรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 31/03/2567")
    try:
        return parse_be_date(str(value))
    except ValueError as error:
        raise CellError(str(error)) from None


_YES = {"✓", "✔", "/", "x", "X", "1", "y", "yes", "ใช่", "มี", "true", "TRUE", "√", "v", "V"}
_NO = {"0", "n", "no", "ไม่", "ไม่ใช่", "ไม่มี", "false", "FALSE", "-"}


def yes_no(value) -> bool:
    """A tick box: ✓ / x / 1 / ใช่ → True; blank / 0 / ไม่ → False."""
    if _is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    raw = to_arabic_digits(shown(value))
    if raw in _YES or raw.lower() in _YES:
        return True
    if raw in _NO or raw.lower() in _NO:
        return False
    raise CellError(f"“{raw}” อ่านไม่ออก ให้ใส่ ✓ (หรือ x) ถ้าใช่ และเว้นว่างถ้าไม่ใช่")


def choice(value, options: dict, *, what: str, required: bool = True):
    """One of `options` (label → value), matched without caring about spaces and case."""
    if _is_blank(value):
        if required:
            raise CellError(f"กรุณาเลือก{what}จากรายการ")
        return None
    key = _squash(shown(value))
    for label, result in options.items():
        if _squash(label) == key:
            return result
    listed = ", ".join(f"“{label}”" for label in list(options)[:8])
    raise CellError(f"ไม่พบ{what} “{shown(value)}” ให้เลือกจากรายการ เช่น {listed}")


def _squash(text_value: str) -> str:
    return "".join(to_arabic_digits(text_value).split()).casefold()
