"""The people workbook: one sheet, one row per person. Its template is what the bulk add reads.

A row is matched by its username: a username already in the office updates that person, a new
one adds a person with a temporary password (shown once after confirming). Headers are matched by
their text (a trailing * marks a required column), so columns may be moved.
"""

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from plans.models import Group, Role
from projects.workbooks.plan_workbook import Column

SHEET = "บุคลากร"
LISTS = "รายการ"
USERNAME = Column("ชื่อผู้ใช้", 16, True, "ตัวอักษรภาษาอังกฤษหรือตัวเลข ไม่มีช่องว่าง ใช้เข้าสู่ระบบ และใช้จับคู่กับบุคลากรที่มีอยู่แล้ว")
TITLE = Column("คำนำหน้าชื่อ", 12, False, "เช่น นาย นาง นางสาว ดร.")
FIRST_NAME = Column("ชื่อ", 18, True)
LAST_NAME = Column("นามสกุล", 18)
POSITION = Column("ตำแหน่ง", 36)
EMAIL = Column("อีเมล", 28)
GROUP = Column("กลุ่ม", 30, False, "เลือกจากรายการ หรือพิมพ์อักษรย่อ เช่น กนผ.")
ROLES = Column("บทบาท", 28, False, "ว่างไว้ = บุคลากร · หลายบทบาทคั่นด้วยจุลภาค (,) บทบาทแรกเป็นบทบาทหลัก")
COLUMNS = [USERNAME, TITLE, FIRST_NAME, LAST_NAME, POSITION, EMAIL, GROUP, ROLES]

_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def role_options():
    """What the role column accepts: the Thai label or the code."""
    options = {str(label): value for value, label in Role.choices}
    options.update({value: value for value in Role.values})
    return options


def build_people_workbook(office, *, members=()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([c.title for c in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = _BOLD, _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
        if column.note:
            cell.comment = Comment(column.note, "Tidtam")
    for m in members:
        labels = dict(Role.choices)
        sheet.append([
            m.user.username, m.title, m.user.first_name[len(m.title):] if m.title else m.user.first_name,
            m.user.last_name, m.position, m.user.email, m.group.name if m.group else "",
            ", ".join(str(labels[r]) for r in m.roles),
        ])
    sheet.freeze_panes = "A2"
    lists = book.create_sheet(LISTS)
    groups = [g.name for g in Group.objects.filter(office=office)]
    for row, name in enumerate(groups, start=1):
        lists.cell(row=row, column=1, value=name)
    for row, (_value, label) in enumerate(Role.choices, start=1):
        lists.cell(row=row, column=2, value=str(label))
    lists.sheet_state = "hidden"
    ranges = {GROUP: ("A", len(groups)), ROLES: ("B", len(Role.choices))}
    for column, (letter, count) in ranges.items():
        if not count:
            continue
        target = get_column_letter(COLUMNS.index(column) + 1)
        # Not strict: a group may be typed as its abbreviation, and roles may be listed with commas.
        validation = DataValidation(
            type="list", formula1=f"{quote_sheetname(LISTS)}!${letter}$1:${letter}${count}", showErrorMessage=False
        )
        validation.add(f"{target}2:{target}1000")
        sheet.add_data_validation(validation)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
