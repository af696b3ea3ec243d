"""The development plan workbook (แผนพัฒนาการศึกษา): the blank template and the export, in one layout.

Sheets: strategies, their goals and approaches, indicators with one target column per plan year,
and yearly results. Export → edit → import (projects.workbooks.devplan_import) with the action plan's
machinery: the same cells, problems with sheet/row/column, preview and all-or-nothing confirm.

Rows are matched on import: a strategy by its number; a goal or an approach by strategy number +
its number; an indicator by strategy number + its code (1.1, 2.4.1 …); a result by strategy number +
indicator code + year. A target cell left blank or "N/A" means no target that year. What the file
leaves out is left alone, never deleted.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from plans import comparator_words
from plans.devplan_selectors import plan_outline
from plans.indicator_values import typed_value
from plans.models import IndicatorKind, StrategyIndicatorResult
from projects.workbooks.plan_workbook import Column, _write_table

INSTRUCTIONS = "คำแนะนำ"
STRATEGIES = "กลยุทธ์"
GOALS = "เป้าประสงค์"
APPROACHES = "แนวทาง"
INDICATORS = "ตัวชี้วัด"
RESULTS = "ผลรายปี"

STRATEGY = Column("กลยุทธ์ที่", 10, True)
STRATEGY_TITLE = Column("ชื่อกลยุทธ์", 60, True)
NUMBER = Column("ลำดับที่", 9, True)
GOAL_TEXT = Column("เป้าประสงค์", 70, True)
APPROACH_TEXT = Column("แนวทางการพัฒนา", 70, True)
CODE = Column("ลำดับตัวชี้วัด", 12, True, "เช่น 1.1 หรือ 2.4.1 ไม่ซ้ำกันในกลยุทธ์เดียวกัน")
PARENT = Column("ตัวชี้วัดหลัก", 12, False, "ลำดับของตัวชี้วัดหลัก ถ้าแถวนี้เป็นตัวชี้วัดย่อย")
TEXT = Column("ตัวชี้วัด", 60, True)
KIND = Column("ชนิด", 14, True, "ร้อยละ จำนวน ค่าเฉลี่ย/คะแนน ระดับ มี/ไม่มี หรือ ข้อความ")
COMPARATOR = Column("เกณฑ์", 12, False, "ไม่น้อยกว่า (≥) ไม่เกิน (≤) หรือ เท่ากับ (=) ว่างไว้ = ไม่น้อยกว่า")
UNIT = Column("หน่วยนับ", 12)
SCALE = Column("ลำดับขั้นของระดับ", 30, False, "ชนิดระดับเท่านั้น จากต่ำไปสูง คั่นด้วย <  เช่น ดี < ดีมาก < ดีเยี่ยม")
GOAL_NO = Column("เป้าประสงค์ข้อ", 10)
APPROACH_NO = Column("แนวทางข้อ", 10)
BASELINE_YEAR = Column("ปีข้อมูลฐาน", 10, False, "ปี พ.ศ. เช่น 2565")
BASELINE = Column("ข้อมูลฐาน", 12)
GROUP = Column("กลุ่มที่รับผิดชอบ", 14, False, "อักษรย่อหรือชื่อกลุ่ม เช่น กนต.")
YEAR = Column("ปี พ.ศ.", 9, True)
RESULT = Column("ผล", 14, False, "ตามชนิดตัวชี้วัด ว่างไว้ = ยังไม่รายงานผล (ลบผลเดิม)")
SOURCE = Column("แหล่งข้อมูล", 30)
NOTE = Column("หมายเหตุ", 30)

KIND_LABELS = {str(label): value for value, label in IndicatorKind.choices}
KIND_WORDS = {**KIND_LABELS, **{value: value for value in IndicatorKind.values}, "ค่าเฉลี่ย": "mean",
              "คะแนน": "mean", "ระดับ": "level", "มี/ไม่มี": "yes_no"}
COMPARATOR_WORDS = comparator_words.TYPED
SCALE_SEPARATOR = " < "


def target_column(year):
    return Column(f"เป้าหมาย {year}", 11, False, "ว่างไว้หรือ N/A = ไม่มีค่าเป้าหมายปีนี้")


def sheets(plan):
    return {
        STRATEGIES: [STRATEGY, STRATEGY_TITLE],
        GOALS: [STRATEGY, NUMBER, GOAL_TEXT],
        APPROACHES: [STRATEGY, NUMBER, APPROACH_TEXT],
        INDICATORS: [STRATEGY, CODE, PARENT, TEXT, KIND, COMPARATOR, UNIT, SCALE, GOAL_NO, APPROACH_NO,
                     BASELINE_YEAR, BASELINE, GROUP, *[target_column(y) for y in plan.years]],
        RESULTS: [STRATEGY, CODE, TEXT, YEAR, RESULT, SOURCE, NOTE],
    }


INSTRUCTION_LINES = [
    "กรอกแต่ละแผ่นงานตามหัวตาราง คอลัมน์ที่มี * ต้องกรอก ย้ายคอลัมน์ได้ แต่ห้ามแก้ข้อความหัวตาราง",
    "กลยุทธ์จับคู่ด้วยเลขกลยุทธ์ เป้าประสงค์และแนวทางด้วยเลขกลยุทธ์ + ลำดับที่ ตัวชี้วัดด้วยเลขกลยุทธ์ + ลำดับตัวชี้วัด",
    "ตัวชี้วัดย่อย (เช่น 2.4.1 ภายใต้ 2.4) ให้ใส่ลำดับของตัวชี้วัดหลักในคอลัมน์ “ตัวชี้วัดหลัก” ตัวชี้วัดหลักไม่ต้องมีค่าเป้าหมาย",
    "ค่าเป้าหมายและผล: ตัวเลข (80 หรือ ๘๐), ระดับตามลำดับขั้นที่กำหนด, มี/ไม่มี หรือข้อความ ตามชนิดของตัวชี้วัด",
    "ระบบจะตรวจสอบทั้งไฟล์และแสดงตัวอย่างก่อน ถ้ามีข้อผิดพลาดแม้แถวเดียวจะไม่บันทึกข้อมูลใดเลย",
    "ข้อมูลที่มีในระบบแต่ไม่อยู่ในไฟล์จะคงไว้ตามเดิม ไม่ถูกลบ",
]


def _rows(plan):
    outline = plan_outline(plan)
    results = StrategyIndicatorResult.objects.filter(indicator__strategy__development_plan=plan).select_related(
        "indicator__strategy").order_by("indicator__strategy__number", "be_year", "indicator__display_order")
    rows = {name: [] for name in sheets(plan)}
    for block in outline.strategies:
        n = block.strategy.number
        rows[STRATEGIES].append([n, block.strategy.title])
        rows[GOALS] += [[n, g.number, g.text] for g in block.goals]
        rows[APPROACHES] += [[n, a.number, a.text] for a in block.approaches]
        for top in block.indicators:
            for row in (top, *top.children):
                i = row.indicator
                rows[INDICATORS].append([
                    n, i.code, i.parent.code if i.parent_id else "", i.text, str(i.get_kind_display()),
                    i.comparator_words, i.unit, SCALE_SEPARATOR.join(i.levels), i.goal.number if i.goal else None,
                    i.approach.number if i.approach else None, i.baseline_be_year,
                    typed_value(i.kind, i.baseline_value, i.baseline_text) or "N/A",
                    i.responsible_group.abbreviation if i.responsible_group else "",
                    *["" if row.children else (typed_value(i.kind, t.value, t.text) if t else "") or "N/A"
                      for t in row.targets],
                ])
    for r in results:
        i = r.indicator
        rows[RESULTS].append([i.strategy.number, i.code, i.text, r.be_year, typed_value(i.kind, r.value, r.text),
                              r.source, r.note])
    return rows


def build_devplan_workbook(plan, *, with_data: bool) -> bytes:
    layout = sheets(plan)
    rows = _rows(plan) if with_data else {name: [] for name in layout}
    book = Workbook()
    intro = book.active
    intro.title = INSTRUCTIONS
    intro.column_dimensions["A"].width = 120
    intro.append([str(plan)])
    intro["A1"].font = Font(bold=True, size=14)
    for line in INSTRUCTION_LINES:
        intro.append([line])
    for row in intro.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    for name, columns in layout.items():
        sheet = book.create_sheet(name)
        _write_table(sheet, columns, rows[name])
        # Codes like "2.10" and targets like "80" stay as typed text, not numbers or dates.
        for index, column in enumerate(columns, start=1):
            if column in (CODE, PARENT) or column.header.startswith("เป้าหมาย") or column in (RESULT, BASELINE):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "@"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def devplan_file_name(plan, *, with_data):
    kind = "แผนพัฒนาการศึกษา" if with_data else "แม่แบบแผนพัฒนาการศึกษา"
    return f"{kind}_{plan.first_be_year}-{plan.last_be_year}.xlsx"
