"""Reading the plan workbook's sheets into records: every cell parsed, every error located."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from plans import comparator_words
from plans.text_rules import normalise_code
from plans.thai_formats import to_arabic_digits
from projects.workbooks import cells as cells
from projects.workbooks import indicator_kinds
from projects.workbooks import plan_workbook as layout
from projects.workbooks.cells import CellError, Problem


@dataclass
class Record:
    row: int
    values: dict  # field name -> parsed value, only for columns present in the file
    raw: dict


def _read_records(workbook, sheet_name, specs, problems):
    """Records of a sheet, or None when the file has no such sheet. specs: [(Column, field, parser)]."""
    sheet = workbook.read_sheet(sheet_name, problems)
    if sheet is None:
        return None
    known = {spec[0].header: spec for spec in specs}
    seen = set()
    for header in sheet.headers:
        if header in seen:
            problems.append(
                Problem(f"มีคอลัมน์ “{header}” ซ้ำกัน ให้เหลือไว้คอลัมน์เดียว", sheet=sheet_name, row=1, column=header)
            )
        seen.add(header)
        if header not in known:
            problems.append(
                Problem(
                    "คอลัมน์นี้ไม่อยู่ในแม่แบบ ระบบจะข้ามไป ไม่นำเข้า",
                    sheet=sheet_name,
                    row=1,
                    column=header,
                    is_warning=True,
                )
            )
    for column, _name, _parser in specs:
        if column.required and column.header not in seen:
            problems.append(
                Problem(
                    f"ไม่พบคอลัมน์ “{column.header}” ในแถวหัวตาราง (แถวที่ 1) กรุณาใช้หัวตารางตามแม่แบบ",
                    sheet=sheet_name,
                    row=1,
                    column=column.header,
                )
            )
    records = []
    for sheet_row in sheet.rows:
        values, raw = {}, {}
        for column, name, parser in specs:
            if column.header not in sheet_row.values:
                continue
            value = sheet_row.values[column.header]
            raw[name] = value
            if column.header in sheet_row.formula_columns:
                problems.append(
                    Problem(
                        cells.FORMULA_WITHOUT_VALUE,
                        sheet=sheet_name,
                        row=sheet_row.number,
                        column=column.header,
                    )
                )
                continue
            try:
                values[name] = parser(value)
            except CellError as error:
                problems.append(
                    Problem(
                        str(error),
                        sheet=sheet_name,
                        row=sheet_row.number,
                        column=column.header,
                        value=cells.shown(value),
                    )
                )
        records.append(Record(row=sheet_row.number, values=values, raw=raw))
    return records


def _code(value):
    try:
        return normalise_code(cells.text(value, max_length=30, required=True))
    except ValueError as bad:
        raise cells.CellError(str(bad)) from None


def _required_text(value):
    return cells.text(value, max_length=20000, required=True)


def _long_text(value):
    return cells.text(value, max_length=20000)


def _order(value):
    return cells.whole_number(value, high=32767)


_NUMBER = re.compile(r"^([0-9]{1,4})(?:\.([0-9]{1,4}))?$")


def _activity_number(value):
    """ "2" → (2, None); "2.1" → (2, 1)."""
    if isinstance(value, datetime.date):
        raise CellError(
            f"Excel เปลี่ยนลำดับกิจกรรมเป็นวันที่ ({cells.shown(value)}) ให้ตั้งรูปแบบเซลล์เป็น “ข้อความ” (Text) "
            "แล้วพิมพ์ลำดับใหม่ เช่น 2.1"
        )
    raw = to_arabic_digits(cells.text(value, required=True)).strip()
    match = _NUMBER.fullmatch(raw)
    if not match or int(match[1]) == 0 or (match[2] is not None and int(match[2]) == 0):
        raise CellError(f"“{raw}” ไม่ใช่ลำดับกิจกรรม ให้กรอก 1, 2, 3 … หรือกิจกรรมย่อยเป็น 2.1, 2.2")
    return (int(match[1]), int(match[2]) if match[2] is not None else None)


def _indicator_number(value):
    return cells.whole_number(value, required=True, low=1, high=999)


def _project_specs():
    return [
        (layout.CODE, "code", _code),
        (layout.TITLE, "title", _required_text),
        (layout.STRATEGY, "strategy", lambda v: cells.text(v, required=True)),
        (layout.GROUP, "group", lambda v: cells.text(v, required=True)),
        (layout.OWNERS, "owners", cells.text),
        (layout.ALIGNMENT, "alignment", cells.text),
        (layout.DISPLAY_ORDER, "display_order", _order),
        (layout.RATIONALE, "rationale", _long_text),
        (layout.OUTPUT_GOAL, "output_goal", _long_text),
        (layout.OUTCOME_GOAL, "outcome_goal", _long_text),
        (layout.START, "start_date", cells.be_date),
        (layout.END, "end_date", cells.be_date),
        (layout.MID_YEAR, "added_mid_year", cells.yes_no),
        (layout.MID_YEAR_REASON, "added_mid_year_reason", _long_text),
        (layout.REMARK, "remark", _long_text),
    ]


def _activity_specs():
    return [
        (layout.CODE, "code", _code),
        (layout.ACTIVITY_NUMBER, "number", _activity_number),
        (layout.ACTIVITY_TITLE, "title", _required_text),
        *((column, f"planned_q{q}", cells.yes_no) for q, column in enumerate(layout.QUARTER_FLAGS, 1)),
        (layout.ACTIVITY_BUDGET, "budget_note", cells.money),
        (layout.ACTIVITY_MID_YEAR, "added_mid_year", cells.yes_no),
    ]


def _indicator_specs():
    return [
        (layout.CODE, "code", _code),
        (layout.INDICATOR_NUMBER, "number", _indicator_number),
        (layout.INDICATOR_TEXT, "text", _required_text),
        (layout.TARGET_VALUE, "target_value", cells.number),
        (layout.TARGET_UNIT, "target_unit", lambda v: cells.text(v, max_length=50)),
        (layout.TARGET_TEXT, "target_text", lambda v: cells.text(v, max_length=300)),
        # Blank → None: check_rows decides (from the targets; the criterion ไม่น้อยกว่า).
        (layout.TARGET_KIND, "kind", _target_kind),
        (layout.COMPARATOR, "comparator", _comparator),
    ]


def _target_kind(value):
    return cells.choice(value, indicator_kinds.TARGET_KIND_TYPED, what="ชนิดค่าเป้าหมาย", required=False)


def _comparator(value):
    return cells.choice(value, comparator_words.TYPED, what="เกณฑ์การบรรลุ", required=False)


def _allocation_specs():
    return [
        (layout.CODE, "code", _code),
        (layout.SOURCE, "source", lambda v: cells.text(v, required=True)),
        (layout.AMOUNT, "amount", lambda v: cells.money(v, required=True)),
        (layout.ALLOCATION_NOTE, "note", lambda v: cells.text(v, max_length=300)),
    ]


def _spending_specs():
    return [
        (layout.CODE, "code", _code),
        *((column, f"q{q}", cells.money) for q, column in enumerate(layout.QUARTER_AMOUNTS, 1)),
    ]
