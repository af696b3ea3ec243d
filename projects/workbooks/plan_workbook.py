"""The action plan workbook: the blank template and the export of a plan, in one layout.

Export → edit → import is the normal way to change many projects at once, so the export writes
exactly the columns the import reads (projects.workbooks.plan_import), and the template is an export of a
plan with no projects. Headers are matched by their text (a trailing * marks a required column),
so columns may be moved; the hidden sheet "รายการ" feeds the drop-down lists.

Rows are matched on import as follows (documented on the instructions sheet too):
- a project by its code within the plan;
- an activity by project code + its number under the project as the plan lists it
  (1, 2, 3 …; a sub-activity "2.1" = the first sub-activity of activity 2);
- an indicator by project code + its number (1, 2, 3 …);
- an allocation by project code + budget source; a quarter's spending plan by project code + quarter.
What the file leaves out is left alone, never deleted.
"""

import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from budget.models import BudgetSource
from plans import comparator_words
from plans.catalogue import PREFIXES, alignment_code, items_for_year
from plans.models import Group, Strategy
from plans.text_rules import append_row, write_cell
from projects.models import Project
from projects.workbooks.indicator_kinds import TARGET_KIND_WORDS
from projects.workbooks.plan_instructions import INSTRUCTION_LINES

TICK = "✓"


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 14
    required: bool = False
    note: str = ""

    @property
    def title(self):
        return f"{self.header} *" if self.required else self.header


# --- the layout (the import reads these same constants) --------------------------------------

INSTRUCTIONS = "คำแนะนำ"
PROJECTS = "โครงการ"
ACTIVITIES = "กิจกรรม"
INDICATORS = "ตัวชี้วัด"
ALLOCATIONS = "งบประมาณ"
SPENDING = "แผนการใช้จ่าย"
LISTS = "รายการ"
ALIGNMENT_CODES = "รหัสความสอดคล้อง"

CODE = Column("รหัสโครงการ", 12, True, "รหัสไม่ซ้ำกันในแผนเดียวกัน ใช้จับคู่กับโครงการที่มีอยู่แล้ว")
TITLE = Column("ชื่อโครงการ", 50, True)
STRATEGY = Column("กลยุทธ์ที่", 30, True, "เลือกจากรายการ หรือพิมพ์เลขกลยุทธ์")
GROUP = Column("กลุ่มที่รับผิดชอบ", 30, True, "เลือกจากรายการ")
OWNERS = Column(
    "ผู้รับผิดชอบโครงการ", 28, False,
    "ชื่อ-นามสกุล ชื่อผู้ใช้ หรืออีเมล หลายคนคั่นด้วยจุลภาค (,) ชื่อที่ซ้ำกันหลายคนให้ใช้ชื่อผู้ใช้",
)
DISPLAY_ORDER = Column("ลำดับในแผน", 10)
RATIONALE = Column("หลักการและเหตุผล", 40)
OUTPUT_GOAL = Column("เป้าหมายเชิงผลผลิต", 40)
OUTCOME_GOAL = Column("เป้าหมายเชิงผลลัพธ์", 40)
START = Column("วันเริ่มโครงการ", 14, False, "วัน/เดือน/ปี พ.ศ. เช่น 1/10/2567")
END = Column("วันสิ้นสุดโครงการ", 14, False, "วัน/เดือน/ปี พ.ศ. เช่น 30/9/2568")
MID_YEAR = Column("เพิ่มระหว่างปี", 10, False, "ใส่ ✓ ถ้าเป็นโครงการเพิ่มระหว่างปี")
MID_YEAR_REASON = Column("เหตุผลที่เพิ่มระหว่างปี", 30)
REMARK = Column("หมายเหตุ", 30)
ALIGNMENT = Column(
    "ความสอดคล้อง (รหัส)", 28, False,
    "รหัสรายการความสอดคล้อง เช่น NS:3, MP:12, SP:12.1, OBEC:3 ดูรหัสในแผ่นงาน “รหัสความสอดคล้อง”",
)
PROJECT_COLUMNS = [
    CODE,
    TITLE,
    STRATEGY,
    GROUP,
    OWNERS,
    DISPLAY_ORDER,
    RATIONALE,
    OUTPUT_GOAL,
    OUTCOME_GOAL,
    START,
    END,
    MID_YEAR,
    MID_YEAR_REASON,
    REMARK,
    ALIGNMENT,
]

ACTIVITY_NUMBER = Column("ลำดับกิจกรรม", 12, True, "1, 2, 3 … กิจกรรมย่อยเขียนเป็น 2.1, 2.2")
ACTIVITY_TITLE = Column("ชื่อกิจกรรม", 50, True)
QUARTER_FLAGS = [Column(f"ไตรมาส {q}", 9, False, "ใส่ ✓ ถ้าดำเนินการในไตรมาสนี้") for q in range(1, 5)]
ACTIVITY_BUDGET = Column("งบประมาณของกิจกรรม (บาท)", 16, False, "ข้อมูลประกอบ ไม่นำไปรวมกับงบโครงการ")
ACTIVITY_MID_YEAR = Column("เพิ่มระหว่างปี", 10)
ACTIVITY_COLUMNS = [CODE, ACTIVITY_NUMBER, ACTIVITY_TITLE, *QUARTER_FLAGS, ACTIVITY_BUDGET, ACTIVITY_MID_YEAR]

INDICATOR_NUMBER = Column("ลำดับตัวชี้วัด", 12, True, "1, 2, 3 …")
INDICATOR_TEXT = Column("ตัวชี้วัด", 50, True)
TARGET_VALUE = Column(
    "ค่าเป้าหมาย (ตัวเลข)", 14, False,
    "กรอกตัวเลข หรือกรอกค่าเป้าหมายแบบข้อความ อย่างใดอย่างหนึ่ง (ชนิดไม่ประเมินไม่ต้องกรอก)",
)
TARGET_UNIT = Column("หน่วยนับ", 12)
TARGET_TEXT = Column("ค่าเป้าหมาย (ข้อความ)", 30)
TARGET_KIND = Column(
    "ชนิดค่าเป้าหมาย", 14, False,
    "ตัวเลข ข้อความ หรือ ไม่ประเมิน (N/A) ว่างไว้ = ตัวเลข ถ้ากรอกค่าเป้าหมาย (ตัวเลข) "
    "ข้อความ ถ้ากรอกเฉพาะค่าเป้าหมาย (ข้อความ) และ ไม่ประเมิน ถ้าค่าเป้าหมาย (ข้อความ) คือ N/A",
)
COMPARATOR = Column(
    "เกณฑ์การบรรลุ", 14, False,
    "ใช้กับค่าเป้าหมายตัวเลข: ไม่น้อยกว่า (≥) ไม่เกิน (≤) หรือ เท่ากับ (=) ว่างไว้ = ไม่น้อยกว่า",
)
INDICATOR_COLUMNS = [
    CODE, INDICATOR_NUMBER, INDICATOR_TEXT, TARGET_VALUE, TARGET_UNIT, TARGET_TEXT, TARGET_KIND, COMPARATOR,
]

SOURCE = Column("แหล่งงบประมาณ", 16, True, "เลือกจากรายการ")
AMOUNT = Column("จำนวนเงิน (บาท)", 16, True, "เช่น 12,500 หรือ 12500.50")
ALLOCATION_NOTE = Column("หมายเหตุ", 30)
ALLOCATION_COLUMNS = [CODE, SOURCE, AMOUNT, ALLOCATION_NOTE]

QUARTER_AMOUNTS = [Column(f"ไตรมาส {q} (บาท)", 16, False, "ว่างไว้ = ไม่เปลี่ยนแปลง") for q in range(1, 5)]
SPENDING_COLUMNS = [CODE, *QUARTER_AMOUNTS]

SHEETS = {
    PROJECTS: PROJECT_COLUMNS,
    ACTIVITIES: ACTIVITY_COLUMNS,
    INDICATORS: INDICATOR_COLUMNS,
    ALLOCATIONS: ALLOCATION_COLUMNS,
    SPENDING: SPENDING_COLUMNS,
}

_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_BOLD = Font(bold=True)


# --- values written for a plan -----------------------------------------------------------------


def strategy_label(strategy):
    return f"{strategy.number} {strategy.title}"[:250]


def owner_label(user):
    """ "นางสาวพิมพ์ชนก ใจดี (planner)": the real name to read, the username to match exactly."""
    name = f"{user.first_name} {user.last_name}".strip()
    return f"{name} ({user.username})" if name else user.username


def activity_numbers(activities):
    """{activity: "1" | "2.1"} in the plan's order: the key the import matches activities by."""
    mains = [a for a in activities if a.parent_id is None]
    numbers = {}
    for position, main in enumerate(mains, start=1):
        numbers[main.pk] = str(position)
        children = [a for a in activities if a.parent_id == main.pk]
        for sub_position, child in enumerate(children, start=1):
            numbers[child.pk] = f"{position}.{sub_position}"
    return numbers


def plan_choices(action_plan):
    """What the drop-down lists offer, and what the import accepts."""
    return {
        "groups": list(Group.objects.filter(office=action_plan.office)),
        "strategies": list(Strategy.objects.filter(development_plan=action_plan.development_plan)),
        "sources": list(BudgetSource.objects.all()),
        "members": list(
            get_user_model().objects.filter(memberships__office=action_plan.office).order_by("username")
        ),
    }


def _tick(flag):
    return TICK if flag else None


def _be_date(value):
    return f"{value.day}/{value.month}/{value.year + 543}" if value else None


def _plan_rows(action_plan):
    projects = list(
        Project.objects.filter(action_plan=action_plan)
        .select_related("strategy", "group")
        .prefetch_related(
            "owners", "alignment", "activities", "indicators", "allocations__source", "spending_plan"
        )
        .order_by("display_order", "code")
    )
    rows = {name: [] for name in SHEETS}
    for p in projects:
        rows[PROJECTS].append(
            [
                p.code,
                p.title,
                strategy_label(p.strategy),
                p.group.name,
                ", ".join(owner_label(u) for u in sorted(p.owners.all(), key=lambda u: u.username)),
                p.display_order,
                p.rationale,
                p.output_goal,
                p.outcome_goal,
                _be_date(p.start_date),
                _be_date(p.end_date),
                _tick(p.added_mid_year),
                p.added_mid_year_reason,
                p.remark,
                ", ".join(alignment_code(i) for i in sorted(p.alignment.all(), key=_alignment_order)),
            ]
        )
        activities = sorted(p.activities.all(), key=lambda a: (a.display_order, a.pk))
        numbers = activity_numbers(activities)
        for activity in sorted(activities, key=lambda a: _number_key(numbers[a.pk])):
            rows[ACTIVITIES].append(
                [
                    p.code,
                    numbers[activity.pk],
                    activity.title,
                    *(_tick(getattr(activity, f"planned_q{q}")) for q in range(1, 5)),
                    activity.budget_note,
                    _tick(activity.added_mid_year),
                ]
            )
        for number, indicator in enumerate(
            sorted(p.indicators.all(), key=lambda i: (i.display_order, i.pk)), 1
        ):
            rows[INDICATORS].append(
                [
                    p.code,
                    number,
                    indicator.text,
                    indicator.target_value,
                    indicator.target_unit,
                    indicator.target_text,
                    # What the year-end rule applies (an indicator stored "number" without a number is text).
                    TARGET_KIND_WORDS[indicator.judged_as],
                    comparator_words.WORDS.get(indicator.comparator, ""),
                ]
            )
        for allocation in sorted(p.allocations.all(), key=lambda a: a.source.display_order):
            rows[ALLOCATIONS].append([p.code, allocation.source.name, allocation.amount, allocation.note])
        quarters = {s.quarter: s.amount for s in p.spending_plan.all()}
        if quarters:
            rows[SPENDING].append([p.code, *(quarters.get(q) for q in range(1, 5))])
    return rows


def _number_key(number):
    return tuple(int(part) for part in number.split("."))


# --- writing ---------------------------------------------------------------------------------


def build_plan_workbook(action_plan, *, with_data: bool) -> bytes:
    """The plan workbook as .xlsx bytes: a blank template, or the plan's current data."""
    choices = plan_choices(action_plan)
    rows = _plan_rows(action_plan) if with_data else {name: [] for name in SHEETS}
    book = Workbook()
    intro = book.active
    intro.title = INSTRUCTIONS
    _write_instructions(intro, action_plan)
    lists = _write_lists(book, choices)
    for name, columns in SHEETS.items():
        sheet = book.create_sheet(name)
        _write_table(sheet, columns, rows[name])
        _add_dropdowns(sheet, columns, lists, max(len(rows[name]) + 500, 1000))
    _write_alignment_codes(book, action_plan)
    lists.sheet_state = "hidden"
    book.move_sheet(lists, offset=len(book.sheetnames) - 1 - book.sheetnames.index(LISTS))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _alignment_order(item):
    return (list(PREFIXES).index(item.kind), item.display_order, item.code)


def _write_alignment_codes(book, action_plan):
    """A sheet to read the codes from: every catalogue item the plan's year may use."""
    sheet = book.create_sheet(ALIGNMENT_CODES)
    _write_table(sheet, [Column("รหัส", 12), Column("ประเภท", 40), Column("ชื่อ", 90)], [
        [alignment_code(i), i.get_kind_display(), i.title]
        for i in sorted(items_for_year(action_plan.fiscal_year.be_year), key=_alignment_order)
    ])


def _write_instructions(sheet, action_plan):
    sheet.column_dimensions["A"].width = 120
    append_row(sheet, [str(action_plan)])
    sheet["A1"].font = Font(bold=True, size=14)
    for line in INSTRUCTION_LINES:
        append_row(sheet, [line])
    for row in sheet.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def _write_table(sheet, columns, rows):
    sheet.append([column.title for column in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
        if column.note:
            cell.comment = Comment(column.note, "Tidtam")
    money_columns = {i for i, c in enumerate(columns, 1) if "(บาท)" in c.header or c is TARGET_VALUE}
    text_columns = {i for i, c in enumerate(columns, 1) if c in (CODE, ACTIVITY_NUMBER)}
    for values in rows:
        append_row(sheet, values)
    # "2.10" must stay text, not become the number 2.1 (or a date): codes and numbers are text.
    formats = {**dict.fromkeys(money_columns, "#,##0.00"), **dict.fromkeys(text_columns, "@")}
    for index, number_format in formats.items():
        # The column's style covers rows typed later; the written cells get it too.
        sheet.column_dimensions[get_column_letter(index)].number_format = number_format
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.number_format = number_format
    sheet.freeze_panes = "B2"


def _write_lists(book, choices):
    sheet = book.create_sheet(LISTS)
    columns = {
        "groups": [g.name for g in choices["groups"]],
        "strategies": [strategy_label(s) for s in choices["strategies"]],
        "sources": [s.name for s in choices["sources"]],
        "members": [owner_label(u) for u in choices["members"] if u.is_active],
        "ticks": [TICK],
        "kinds": list(TARGET_KIND_WORDS.values()),
        "comparators": list(comparator_words.WORDS.values()),
    }
    sheet.append(["กลุ่ม", "กลยุทธ์", "แหล่งงบประมาณ", "ผู้ใช้", "เครื่องหมาย", "ชนิดค่าเป้าหมาย", "เกณฑ์การบรรลุ"])
    for index, values in enumerate(columns.values(), start=1):
        for row, value in enumerate(values, start=2):
            write_cell(sheet, row=row, column=index, value=value)
    sheet.list_ranges = {
        key: _list_range(get_column_letter(i), max(len(v), 1) + 1)
        for i, (key, v) in enumerate(columns.items(), 1)
    }
    return sheet


def _list_range(letter, last_row):
    return f"{quote_sheetname(LISTS)}!${letter}$2:${letter}${last_row}"


_DROPDOWNS = {
    GROUP: "groups",
    STRATEGY: "strategies",
    SOURCE: "sources",
    OWNERS: "members",
    MID_YEAR: "ticks",
    ACTIVITY_MID_YEAR: "ticks",
    **{q: "ticks" for q in QUARTER_FLAGS},
    TARGET_KIND: "kinds",
    COMPARATOR: "comparators",
}
# The list helps but must not block typing: owners may be several names in a cell, a kind may be
# typed "N/A", a criterion "≥".
_OPEN_DROPDOWNS = (OWNERS, TARGET_KIND, COMPARATOR)


def _add_dropdowns(sheet, columns, lists, last_row):
    for index, column in enumerate(columns, start=1):
        key = _DROPDOWNS.get(column)
        if key is None:
            continue
        strict = column not in _OPEN_DROPDOWNS
        validation = DataValidation(
            type="list", formula1=f"={lists.list_ranges[key]}", allow_blank=True, showErrorMessage=strict
        )
        if strict:
            validation.error = "กรุณาเลือกจากรายการ"
            validation.errorTitle = "ค่าไม่อยู่ในรายการ"
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(validation)


def plan_file_name(action_plan, *, with_data):
    kind = "แผนปฏิบัติการ" if with_data else "แม่แบบแผนปฏิบัติการ"
    return f"{kind}_{action_plan.fiscal_year.be_year}.xlsx"
