"""Reading uploaded .xlsx files safely, and turning real-world cells into clean values.

Shared by the plan import and the quarterly results import. Every problem becomes a `Problem`
with the sheet, row and column it was found in and a Thai message saying what to fix; nothing here
raises on a user's bad cell. Money is Decimal: openpyxl hands numeric cells over as int or float,
and floats are converted through their shortest repr ("12500.5"), never kept.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from openpyxl import load_workbook

from plans.thai_formats import parse_be_date, parse_money, to_arabic_digits

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # zip bombs compress thousands of times; real sheets ~10-30
MAX_ZIP_MEMBERS = 2000
MAX_ROWS_PER_SHEET = 20_000  # rows with data
EXCEL_MAX_ROWS = 1_048_576
MAX_COLUMNS = 60
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


class BadFile(Exception):
    """The upload is not a readable .xlsx workbook (wrong type, too big, corrupt or hostile)."""


# --- opening files ---------------------------------------------------------------------------

_OTHER_FORMATS = {
    ".xls": "ไฟล์ .xls (Excel 97-2003) ไม่รองรับ กรุณาเปิดไฟล์ใน Excel แล้วเลือก "
    "“บันทึกเป็น” ชนิด Excel Workbook (.xlsx) แล้วอัปโหลดใหม่",
    ".csv": "ไฟล์ .csv ไม่รองรับ กรุณาดาวน์โหลดแม่แบบ (.xlsx) แล้ววางข้อมูลลงในแม่แบบ",
    ".ods": "ไฟล์ .ods ไม่รองรับ กรุณาบันทึกเป็นชนิด Excel 2007-365 (.xlsx) แล้วอัปโหลดใหม่",
    ".xlsm": "ไฟล์ที่มีแมโคร (.xlsm) ไม่รองรับ กรุณาบันทึกเป็น Excel Workbook (.xlsx)",
}
_NOT_XLSX = "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) หรือไฟล์เสียหาย กรุณาดาวน์โหลดแม่แบบแล้วกรอกข้อมูลใหม่"


def check_upload(name: str, data: bytes) -> None:
    """Refuse, with a Thai message, what is not a sane .xlsx before any XML is parsed."""
    lowered = (name or "").lower().strip()
    for suffix, message in _OTHER_FORMATS.items():
        if lowered.endswith(suffix):
            raise BadFile(message)
    if not lowered.endswith(".xlsx"):
        raise BadFile("รองรับเฉพาะไฟล์ Excel นามสกุล .xlsx เท่านั้น")
    if not data:
        raise BadFile("ไฟล์ว่างเปล่า กรุณาเลือกไฟล์ใหม่")
    if len(data) > MAX_FILE_BYTES:
        raise BadFile(f"ไฟล์ใหญ่เกิน {MAX_FILE_BYTES // (1024 * 1024)} MB กรุณาลบแผ่นงานหรือรูปภาพที่ไม่ใช้ออก")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise BadFile(_NOT_XLSX) from None
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        raise BadFile(_NOT_XLSX)
    # Zip bombs: judge by the sizes the zip directory declares, before inflating anything.
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNCOMPRESSED_BYTES:
        raise BadFile("ไฟล์นี้เมื่อคลายออกมีขนาดใหญ่ผิดปกติ ระบบไม่รับไฟล์นี้")
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_COMPRESSION_RATIO * max(
            member.compress_size, 1
        ):
            raise BadFile("ไฟล์นี้เมื่อคลายออกมีขนาดใหญ่ผิดปกติ ระบบไม่รับไฟล์นี้")


# A cell formula element (<f>, <f t="shared" …/>, <x:f>), not <formula1> of a drop-down list.
_FORMULA_ELEMENT = re.compile(rb"<(?:[A-Za-z0-9_]+:)?f[\s>/]")


def _has_formulas(data: bytes) -> bool:
    """Whether any sheet has a formula: only then is a second, formula-text reading needed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                with archive.open(member) as stream:
                    if _FORMULA_ELEMENT.search(stream.read(MAX_UNCOMPRESSED_BYTES)):
                        return True
    return False


@dataclass
class SheetRow:
    number: int  # the row number a user sees in Excel
    values: dict  # column header -> cell value (None for empty)
    formula_columns: set = field(default_factory=set)  # formulas without a cached value

    def is_empty(self):
        return all(_is_blank(v) for v in self.values.values()) and not self.formula_columns


@dataclass
class Sheet:
    title: str
    rows: list[SheetRow]
    headers: list[str]


def normalize_header(value) -> str:
    text = " ".join(str(value if value is not None else "").split())
    return text.rstrip("*").strip()


class Workbook:
    """An uploaded workbook, opened read-only with the cached values of formulas."""

    def __init__(self, name: str, data: bytes):
        check_upload(name, data)
        self._data = data
        try:
            self._values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            self._formulas = (
                load_workbook(io.BytesIO(data), read_only=True, data_only=False)
                if _has_formulas(data)
                else None
            )
        except Exception:  # openpyxl raises many kinds on a broken or hostile package
            raise BadFile(_NOT_XLSX) from None

    @property
    def sheet_names(self):
        return list(self._values.sheetnames)

    def read_sheet(self, title: str, problems: list[Problem]) -> Sheet | None:
        """Rows below the header row (row 1), keyed by normalized header; empty rows skipped."""
        if title not in self._values.sheetnames:
            return None
        try:
            return self._read(title, problems)
        except BadFile:
            raise
        except Exception:
            raise BadFile(f"อ่านแผ่นงาน “{title}” ไม่ได้ ไฟล์อาจเสียหาย กรุณาบันทึกไฟล์ใน Excel อีกครั้ง") from None

    def _read(self, title, problems):
        if (self._values[title].max_row or 0) > EXCEL_MAX_ROWS:  # the sheet's declared size
            raise BadFile(f"แผ่นงาน “{title}” มีแถวเกินกว่าที่ Excel รองรับ ไฟล์อาจเสียหาย")
        value_rows = self._values[title].iter_rows(max_col=MAX_COLUMNS, values_only=True)
        formula_rows = (
            self._formulas[title].iter_rows(max_col=MAX_COLUMNS, values_only=True) if self._formulas else None
        )
        header_cells = next(value_rows, None)
        if formula_rows is not None:
            next(formula_rows, None)
        if header_cells is None:
            return Sheet(title=title, rows=[], headers=[])
        headers = [normalize_header(cell) for cell in header_cells]
        rows = []
        for number, cells in enumerate(value_rows, start=2):
            formulas = next(formula_rows, ()) if formula_rows is not None else ()
            # Formatted but empty rows do not count towards the cap; a row number beyond what
            # Excel allows is a forged file (openpyxl would fill the gap with empty rows).
            if number > EXCEL_MAX_ROWS:
                raise BadFile(f"แผ่นงาน “{title}” มีแถวเกินกว่าที่ Excel รองรับ ไฟล์อาจเสียหาย")
            values, missing = {}, set()
            for index, header in enumerate(headers):
                if not header:
                    continue
                value = cells[index] if index < len(cells) else None
                values[header] = value
                if value is None and index < len(formulas):
                    formula = formulas[index]
                    if isinstance(formula, str) and formula.startswith("="):
                        missing.add(header)
            row = SheetRow(number=number, values=values, formula_columns=missing)
            if not row.is_empty():
                rows.append(row)
                if len(rows) > MAX_ROWS_PER_SHEET:
                    raise BadFile(f"แผ่นงาน “{title}” มีข้อมูลเกิน {MAX_ROWS_PER_SHEET:,} แถว กรุณาแบ่งเป็นหลายไฟล์")
        return Sheet(title=title, rows=rows, headers=[h for h in headers if h])


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
