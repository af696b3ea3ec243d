"""Opening uploaded .xlsx files safely: size, zip-bomb and type checks, formulas without values, and
reading a sheet into rows by its header (every problem located, nothing raised for a user's bad cell).

Shared by the plan import and the quarterly results import; the cells' values are read by
`projects.workbooks.cells`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from openpyxl import load_workbook

from projects.workbooks.cells import Problem, _is_blank

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # zip bombs compress thousands of times; real sheets ~10-30
MAX_ZIP_MEMBERS = 2000
MAX_ROWS_PER_SHEET = 20_000  # rows with data
EXCEL_MAX_ROWS = 1_048_576
MAX_COLUMNS = 60


class BadFile(Exception):
    """The upload is not a readable .xlsx workbook (wrong type, too big, corrupt or hostile)."""


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
