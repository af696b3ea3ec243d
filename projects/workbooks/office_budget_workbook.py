"""The office's budget by expenditure category in Excel (issue #17): the workbook finance downloads (the
six categories with the current figures) and the check of an uploaded one, on the plan import's
machinery (files.Workbook reads it safely, cells cleans each cell, every problem names its sheet, row
and column). Saving goes through budget.office_budget_services.office_budget_set: all or nothing.

Sheets: "ข้อมูลทั่วไป" (the fiscal year and the date the figures stand at) and "งบประมาณตามงบรายจ่าย"
(one row per category: allocated, disbursed, committed by purchase order). A category row left blank
(or left out) has no line; remaining and percent are computed by the portal, not read from the file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from openpyxl import Workbook as NewWorkbook
from openpyxl.styles import Alignment, Font

from budget.models import ExpenditureCategory
from budget.office_budget import ALL_CATEGORIES, CENTRAL_NOTE, SEPARATION_NOTE, compute
from budget.office_budget_services import AMOUNTS, LineInput, check_office_budget, lines_of
from plans.thai_calendar import be_year as be_year_of
from plans.thai_formats import to_arabic_digits
from projects.workbooks import cells
from projects.workbooks.cells import CellError, Problem
from projects.workbooks.files import Workbook
from projects.workbooks.plan_workbook import Column, _write_table

INSTRUCTIONS = "คำแนะนำ"
INFO = "ข้อมูลทั่วไป"
LINES = "งบประมาณตามงบรายจ่าย"

ITEM = Column("รายการ", 24, True)
VALUE = Column("ค่า", 16, True)
YEAR_ITEM = "ปีงบประมาณ (พ.ศ.)"
AS_OF_ITEM = "ข้อมูล ณ วันที่"

CATEGORY = Column("งบรายจ่าย", 24, True)
ALLOCATED = Column("ได้รับจัดสรร (บาท)", 20, True, "ว่างทั้งแถว = ไม่มีงบรายจ่ายนี้")
DISBURSED = Column("เบิกจ่าย (บาท)", 20)
COMMITTED = Column("ผูกพัน PO (บาท)", 20, False, "เงินที่ก่อหนี้ผูกพันแล้วแต่ยังไม่ได้เบิกจ่าย")
AMOUNT_COLUMNS = {"allocated": ALLOCATED, "disbursed": DISBURSED, "committed": COMMITTED}

# What offices write for a category: the portal's names, and 004's ("งบอุดหนุน", "งบกลาง (สำรองฉุกเฉิน)").
CATEGORY_WORDS = {
    **{str(label): value for value, label in ExpenditureCategory.choices},
    "งบอุดหนุน": ExpenditureCategory.SUBSIDY, "งบกลาง (สำรองฉุกเฉิน)": ExpenditureCategory.CENTRAL,
}
_NUMBERING = re.compile(r"^\s*[0-9]+\s*[.)]\s*")

INSTRUCTION_LINES = [
    "กรอกจำนวนเงินเป็นบาท (ทศนิยมไม่เกิน 2 ตำแหน่ง) ในแผ่นงาน “งบประมาณตามงบรายจ่าย” แถวละหนึ่งงบรายจ่าย",
    "แผ่นงาน “ข้อมูลทั่วไป”: ปีงบประมาณต้องตรงกับปีที่นำเข้า และวันที่ของข้อมูลเป็น วัน/เดือน/ปี พ.ศ. เช่น 30/09/2567",
    "เว้นว่างทั้งแถวถ้าไม่มีงบรายจ่ายนั้น คงเหลือและร้อยละการเบิกจ่ายระบบคำนวณเอง ไม่ต้องกรอก",
    "คงเหลือ = ได้รับจัดสรร − เบิกจ่าย − ผูกพัน PO ซึ่งต้องไม่ติดลบ",
    CENTRAL_NOTE,
    SEPARATION_NOTE,
    "ระบบจะตรวจสอบทั้งไฟล์และแสดงตัวอย่างก่อน ถ้ามีข้อผิดพลาดแม้ช่องเดียวจะไม่บันทึกข้อมูลใดเลย",
]


def build_office_budget_workbook(*, be_year, office_name, record, as_of) -> bytes:
    """The workbook with the six categories and the stored figures (blank where none)."""
    stored = lines_of(record)
    book = NewWorkbook()
    intro = book.active
    intro.title = INSTRUCTIONS
    intro.column_dimensions["A"].width = 120
    intro.append([f"งบประมาณของสำนักงานตามงบรายจ่าย ปีงบประมาณ พ.ศ. {be_year} {office_name}"])
    intro["A1"].font = Font(bold=True, size=14)
    for line in INSTRUCTION_LINES:
        intro.append([line])
    for row in intro.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    info = book.create_sheet(INFO)
    date_text = f"{as_of.day:02d}/{as_of.month:02d}/{be_year_of(as_of)}" if as_of else ""
    _write_table(info, [ITEM, VALUE], [[YEAR_ITEM, be_year], [AS_OF_ITEM, date_text]])
    info["B3"].number_format = "@"  # the BE date stays text, never an Excel (Gregorian) date
    sheet = book.create_sheet(LINES)
    rows = []
    for category in ALL_CATEGORIES:
        line = stored.get(category)
        rows.append([str(ExpenditureCategory(category).label),
                     *[getattr(line, amount) if line else None for amount in AMOUNTS]])
    _write_table(sheet, [CATEGORY, ALLOCATED, DISBURSED, COMMITTED], rows)  # "(บาท)" columns: #,##0.00
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def office_budget_file_name(be_year, *, with_data=True):
    return f"งบประมาณสำนักงานตามงบรายจ่าย_{be_year}.xlsx"


@dataclass
class OfficeBudgetCheck:
    """What an uploaded workbook holds and what is wrong with it (nothing is saved here)."""

    problems: list[Problem] = field(default_factory=list)
    as_of: object = None
    lines: dict = field(default_factory=dict)  # category -> LineInput
    rows: dict = field(default_factory=dict)  # category -> the Excel row it came from

    @property
    def errors(self):
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self):
        return [p for p in self.problems if p.is_warning]

    @property
    def ok(self):
        return not self.errors

    def table(self, be_year):
        """The table as it will print once saved (budget.office_budget computes it)."""
        lines = [SimpleNamespace(category=c, allocated=line.allocated, disbursed=line.disbursed,
                                 committed=line.committed) for c, line in self.lines.items() if not line.blank]
        return compute(lines, be_year=be_year, as_of=self.as_of)


def check_office_budget_file(*, file_name, data, be_year, today=None) -> OfficeBudgetCheck:
    """Read and check the workbook for the fiscal year `be_year`; raises files.BadFile for a file
    that is not a usable .xlsx (the upload form shows it)."""
    check = OfficeBudgetCheck()
    book = Workbook(file_name, data)
    info_row = _read_info(book, check, be_year)
    _read_lines(book, check)
    if check.errors:
        return check
    errors = check_office_budget(be_year=be_year, as_of=check.as_of, lines=check.lines, today=today)
    for key, message in errors.items():
        check.problems.append(_locate(key, message, check, info_row))
    return check


def _missing_sheet(title):
    return Problem(f"ไม่พบแผ่นงาน “{title}” กรุณาดาวน์โหลดแม่แบบจากหน้านี้แล้วกรอกข้อมูลลงในแม่แบบ", sheet=title)


def _require_headers(sheet, columns, check):
    missing = [c.header for c in columns if c.required and c.header not in sheet.headers]
    for header in missing:
        check.problems.append(Problem(f"ไม่พบคอลัมน์ “{header}” ในแถวที่ 1 ห้ามแก้ข้อความหัวตาราง", sheet=sheet.title,
                                      row=1, column=header))
    return not missing


def _read_info(book, check, be_year):
    sheet = book.read_sheet(INFO, check.problems)
    if sheet is None:
        check.problems.append(_missing_sheet(INFO))
        return None
    if not _require_headers(sheet, [ITEM, VALUE], check):
        return None
    found = {cells.shown(r.values.get(ITEM.header)): r for r in sheet.rows}
    year_row, date_row = found.get(YEAR_ITEM), found.get(AS_OF_ITEM)
    for item, row in ((YEAR_ITEM, year_row), (AS_OF_ITEM, date_row)):
        if row is None:
            check.problems.append(Problem(f"ไม่พบแถว “{item}” ในคอลัมน์ “{ITEM.header}”", sheet=INFO,
                                          column=ITEM.header))
    if year_row is not None:
        value = year_row.values.get(VALUE.header)
        try:
            year = cells.whole_number(value, required=True, low=2500, high=2700)
        except CellError as error:
            check.problems.append(Problem(str(error), INFO, year_row.number, VALUE.header, cells.shown(value)))
        else:
            if year != be_year:
                check.problems.append(Problem(
                    f"ไฟล์นี้เป็นของปีงบประมาณ พ.ศ. {year} แต่กำลังนำเข้าปี {be_year} กรุณาเลือกปีให้ตรงกัน "
                    "หรือดาวน์โหลดแม่แบบของปีนี้", INFO, year_row.number, VALUE.header, cells.shown(value)))
    if date_row is not None:
        value = date_row.values.get(VALUE.header)
        try:
            check.as_of = cells.be_date(value)
            if check.as_of is None:
                raise CellError("กรุณากรอกวันที่ของข้อมูล เป็น วัน/เดือน/ปี พ.ศ. เช่น 30/09/2567")
        except CellError as error:
            check.problems.append(Problem(str(error), INFO, date_row.number, VALUE.header, cells.shown(value)))
    return date_row.number if date_row is not None else None


def _category(value):
    text = _NUMBERING.sub("", to_arabic_digits(cells.shown(value)))
    return cells.choice(text, CATEGORY_WORDS, what="งบรายจ่าย")


def _read_lines(book, check):
    sheet = book.read_sheet(LINES, check.problems)
    if sheet is None:
        check.problems.append(_missing_sheet(LINES))
        return
    if not _require_headers(sheet, [CATEGORY, ALLOCATED], check):
        return
    for row in sheet.rows:
        where = {"sheet": LINES, "row": row.number}
        for header in row.formula_columns:
            check.problems.append(Problem(cells.FORMULA_WITHOUT_VALUE, column=header, **where))
        raw = row.values.get(CATEGORY.header)
        try:
            category = _category(raw)
        except CellError as error:
            check.problems.append(Problem(str(error), column=CATEGORY.header, value=cells.shown(raw), **where))
            continue
        if category in check.lines:
            check.problems.append(Problem(
                f"{ExpenditureCategory(category).label} มีมากกว่าหนึ่งแถว (แถว {check.rows[category]} และแถว {row.number}) "
                "กรุณาเหลือไว้แถวเดียว", column=CATEGORY.header, value=cells.shown(raw), **where))
            continue
        amounts = {}
        for amount, column in AMOUNT_COLUMNS.items():
            value = row.values.get(column.header)
            try:
                amounts[amount] = cells.money(value)
            except CellError as error:
                check.problems.append(Problem(str(error), column=column.header, value=cells.shown(value), **where))
                amounts[amount] = None
        check.lines[category] = LineInput(**amounts)
        check.rows[category] = row.number


def _locate(key, message, check, info_row):
    """The service's error (key → message) at its place in the workbook."""
    if key == "as_of":
        return Problem(message, INFO, info_row, VALUE.header, "")
    if key == "__all__":
        return Problem(message, LINES)
    category, _, amount = key.rpartition("_")
    line = check.lines.get(category)
    return Problem(message, LINES, check.rows.get(category), AMOUNT_COLUMNS[amount].header,
                   cells.shown(getattr(line, amount, None)))
