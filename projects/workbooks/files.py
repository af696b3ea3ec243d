"""Opening uploaded .xlsx files safely: size, zip-bomb and type checks, formulas without values, and
reading a sheet into rows by its header (every problem located, nothing raised for a user's bad cell).

Shared by the plan import and the quarterly results import; the cells' values are read by
`projects.workbooks.cells`.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml.ElementTree import iterparse as safe_iterparse
from openpyxl import load_workbook
from openpyxl.worksheet._reader import WorkSheetParser

from projects.workbooks.cells import Problem, _is_blank

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # zip bombs compress thousands of times; real sheets ~10-30
MAX_ZIP_MEMBERS = 2000
MAX_ROWS_PER_SHEET = 20_000  # rows with data
EXCEL_MAX_ROWS = 1_048_576
MAX_COLUMNS = 60
MAX_ROW_ELEMENTS = 200_000  # row elements with cells (real or styled-empty) read from one sheet


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
        self._digest = hashlib.sha256(data).hexdigest()
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
        key = (self._digest, title)
        if key in _READ_SHEETS:
            return _READ_SHEETS[key]
        sheet = self._stream(title)
        _READ_SHEETS[key] = sheet
        while len(_READ_SHEETS) > _KEPT_SHEETS:
            _READ_SHEETS.pop(next(iter(_READ_SHEETS)))
        return sheet

    def _stream(self, title):
        """Only the rows the file holds, as they come: the sheet's declared size (<dimension>) is
        neither trusted to stop early nor used to fill gaps with empty rows (a sheet of a million
        styled empty rows used to cost seconds and hundreds of MB, three times per upload)."""
        value_rows = _stream_rows(self._values[title])
        formulas = {}
        if self._formulas:
            for number, cells in _stream_rows(self._formulas[title]):
                if number > EXCEL_MAX_ROWS:
                    raise BadFile(f"แผ่นงาน “{title}” มีแถวเกินกว่าที่ Excel รองรับ ไฟล์อาจเสียหาย")
                found = {i for i, v in enumerate(cells) if isinstance(v, str) and v.startswith("=")}
                if found:
                    formulas[number] = found
                    if len(formulas) > MAX_ROWS_PER_SHEET:
                        raise BadFile(f"แผ่นงาน “{title}” มีข้อมูลเกิน {MAX_ROWS_PER_SHEET:,} แถว กรุณาแบ่งเป็นหลายไฟล์")
        first = next(value_rows, None)
        if first is None:
            return Sheet(title=title, rows=[], headers=[])
        number, header_cells = first
        if number != 1:
            # No header row: nothing can be read by header.
            return Sheet(title=title, rows=[], headers=[])
        headers = [normalize_header(cell) for cell in header_cells]
        rows = []
        for number, cells in value_rows:
            # A row number beyond what Excel allows is a forged file.
            if number > EXCEL_MAX_ROWS:
                raise BadFile(f"แผ่นงาน “{title}” มีแถวเกินกว่าที่ Excel รองรับ ไฟล์อาจเสียหาย")
            values, missing = {}, set()
            formula_columns = formulas.get(number, ())
            for index, header in enumerate(headers):
                if not header:
                    continue
                value = cells[index] if index < len(cells) else None
                values[header] = value
                if value is None and index in formula_columns:
                    missing.add(header)
            row = SheetRow(number=number, values=values, formula_columns=missing)
            if not row.is_empty():
                rows.append(row)
                if len(rows) > MAX_ROWS_PER_SHEET:
                    raise BadFile(f"แผ่นงาน “{title}” มีข้อมูลเกิน {MAX_ROWS_PER_SHEET:,} แถว กรุณาแบ่งเป็นหลายไฟล์")
        return Sheet(title=title, rows=rows, headers=[h for h in headers if h])


# Sheets already read, by (SHA-256 of the file, sheet title): the upload, its preview and the confirm
# read a file once (a check of the database is still made each time). A few files per process.
_READ_SHEETS: dict = {}
_KEPT_SHEETS = 8


class _WithoutEmptyRows(io.RawIOBase):
    """The sheet's XML with self-closing row elements (`<row r="9" s="1"/>`: a row that holds no cell,
    only a style) left out as the bytes stream past, in chunks: they cost nothing to parse."""

    _EMPTY_ROW = re.compile(rb"<(?:[A-Za-z0-9_]+:)?row\b[^<>]*/>")
    _CHUNK = 1 << 20

    def __init__(self, stream):
        self._stream, self._pending, self._done = stream, b"", False

    def readable(self):
        return True

    def readinto(self, buffer):
        while not self._pending and not self._done:
            chunk = self._stream.read(self._CHUNK)
            if not chunk:
                self._done, kept, self._carry = True, getattr(self, "_carry", b""), b""
            else:
                kept = getattr(self, "_carry", b"") + chunk
                cut = kept.rfind(b">") + 1  # an element split between chunks waits for the next one
                kept, self._carry = kept[:cut], kept[cut:]
            self._pending = self._EMPTY_ROW.sub(b"", kept)
        size = min(len(buffer), len(self._pending))
        buffer[:size], self._pending = self._pending[:size], self._pending[size:]
        return size


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _SHEET_DATA = f"{_MAIN}row", f"{_MAIN}sheetData"


def _stream_rows(worksheet):
    """(row number, values of the first MAX_COLUMNS columns) for each row element in the sheet's XML,
    in file order; rows the file leaves out are not invented. Each row is dropped from the parsed
    tree once read, so a million empty styled rows neither stay in memory nor become rows."""
    parent = worksheet.parent
    with worksheet._get_source() as raw:
        source = _WithoutEmptyRows(raw)
        # openpyxl's parser reads one cell's value (shared strings, dates, booleans, errors).
        cells_of = WorkSheetParser(None, worksheet._shared_strings, data_only=parent.data_only,
                                   epoch=parent.epoch, date_formats=parent._date_formats,
                                   timedelta_formats=parent._timedelta_formats)
        sheet_data, number, scanned = None, 0, 0
        for event, element in safe_iterparse(source, events=("start", "end")):
            if event == "start":
                if element.tag == _SHEET_DATA:
                    sheet_data = element
                continue
            if element.tag != _ROW:
                continue
            declared = element.get("r")
            number = int(float(declared)) if declared else number + 1
            scanned += 1
            if scanned > MAX_ROW_ELEMENTS:
                raise BadFile(
                    f"แผ่นงาน “{worksheet.title}” มีแถวที่จัดรูปแบบไว้เกิน {MAX_ROW_ELEMENTS:,} แถว "
                    "กรุณาลบแถวว่างท้ายแผ่นงาน (เลือกแถวแล้วกด ลบ) แล้วบันทึกไฟล์อีกครั้ง"
                )
            values = ()
            if len(element):
                cells_of.row_counter, cells_of.col_counter = number, 0
                found = {}
                for cell in element:
                    parsed = cells_of.parse_cell(cell)
                    if parsed["column"] <= MAX_COLUMNS:
                        found[parsed["column"]] = parsed["value"]
                if found:
                    values = tuple(found.get(column) for column in range(1, max(found) + 1))
            element.clear()
            if sheet_data is not None:
                sheet_data.remove(element)
            yield number, values
