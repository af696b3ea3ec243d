"""The development plan workbook's columns and how each cell is read (the action plan import's cell
parsers); targets, baselines and results are kept as typed and read by the indicator's kind in `check`."""

from projects.workbooks import cells
from projects.workbooks import devplan_workbook as layout
from projects.workbooks.cells import CellError


def _number(value):
    return cells.whole_number(value, required=True, low=1, high=999)


def _opt_number(value):
    return cells.whole_number(value, low=1, high=999)


def _text(limit, required=False):
    return lambda v: cells.text(v, max_length=limit, required=required)


def _kind(value):
    return cells.choice(value, layout.KIND_WORDS, what="ชนิดตัวชี้วัด")


def _comparator(value):
    return cells.choice(value, layout.COMPARATOR_WORDS, what="เกณฑ์", required=False) or "gte"


def _year(value):
    return cells.whole_number(value, low=2500, high=2700)


def _raw(value):
    """Target and result cells are read by the indicator's kind later (cells.shown keeps 80 as "80")."""
    return "" if value is None else cells.shown(value)


def _specs(plan):
    return {
        layout.STRATEGIES: [
            (layout.STRATEGY, "strategy", _number),
            (layout.STRATEGY_TITLE, "title", _text(4000, True)),
        ],
        layout.GOALS: [
            (layout.STRATEGY, "strategy", _number),
            (layout.NUMBER, "number", _number),
            (layout.GOAL_TEXT, "text", _text(4000, True)),
        ],
        layout.APPROACHES: [
            (layout.STRATEGY, "strategy", _number),
            (layout.NUMBER, "number", _number),
            (layout.APPROACH_TEXT, "text", _text(4000, True)),
        ],
        layout.INDICATORS: [
            (layout.STRATEGY, "strategy", _number),
            (layout.CODE, "code", _text(20, True)),
            (layout.PARENT, "parent", _text(20)),
            (layout.TEXT, "text", _text(4000, True)),
            (layout.KIND, "kind", _kind),
            (layout.COMPARATOR, "comparator", _comparator),
            (layout.UNIT, "unit", _text(50)),
            (layout.SCALE, "level_scale", _text(1000)),
            (layout.GOAL_NO, "goal", _opt_number),
            (layout.APPROACH_NO, "approach", _opt_number),
            (layout.BASELINE_YEAR, "baseline_be_year", _year),
            (layout.BASELINE, "baseline", _raw),
            (layout.GROUP, "group", _text(200)),
            *[(layout.target_column(y), f"target_{y}", _raw) for y in plan.years],
        ],
        layout.RESULTS: [
            (layout.STRATEGY, "strategy", _number),
            (layout.CODE, "code", _text(20, True)),
            (layout.TEXT, "_title", lambda v: None),
            (layout.YEAR, "year", lambda v: _year(v) or _missing_year()),
            (layout.RESULT, "result", _raw),
            (layout.SOURCE, "source", _text(300)),
            (layout.NOTE, "note", _text(4000)),
        ],
    }


def _missing_year():
    raise CellError("ช่องนี้ต้องกรอกปี พ.ศ. เช่น 2567")


INDICATOR_LABELS = {
    "text": "ตัวชี้วัด",
    "kind": "ชนิด",
    "comparator": "เกณฑ์",
    "unit": "หน่วยนับ",
    "level_scale": "ลำดับขั้นของระดับ",
    "baseline_be_year": "ปีข้อมูลฐาน",
    "baseline_value": "ข้อมูลฐาน",
    "baseline_text": "ข้อมูลฐาน (ข้อความ)",
    "parent_code": "ตัวชี้วัดหลัก",
    "goal_number": "เป้าประสงค์ข้อ",
    "approach_number": "แนวทางข้อ",
    "group": "กลุ่มที่รับผิดชอบ",
}
