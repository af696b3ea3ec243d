"""What a booklet is made from: its parameters, and the template context built from reports/figures/."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from plans.thai_formats import to_arabic_digits, to_thai_digits
from reports import charts, evidence
from reports.figures import STATUS_LABELS, STATUS_ORDER, STATUS_SHORT, Round, booklet_figures

# Summary tables a planner may leave out; the register and status summary are always printed.
TABLES = {
    "status_by_group": "สถานะการดำเนินโครงการ จำแนกตามกลุ่ม",
    "budget_by_source": "จำนวนโครงการและงบประมาณ จำแนกตามกลุ่มและแหล่งงบประมาณ",
    "disbursement_by_group": "งบประมาณจัดสรร เบิกจ่าย และคงเหลือ จำแนกตามกลุ่ม",
    "spent_vs_disbursed": "การใช้จ่ายตามรายงานของผู้รับผิดชอบโครงการ เทียบกับการเบิกจ่ายตามข้อมูลกลุ่มการเงิน",
    "strategy_by_group": "จำนวนโครงการ จำแนกตามกลุ่มและกลยุทธ์",
}
ROUND_LABELS = {3: "รอบ ๓ เดือน", 6: "รอบ ๖ เดือน", 9: "รอบ ๙ เดือน", 12: "รอบ ๑๒ เดือน"}


@dataclass
class BookletParams:
    """Everything that decides a booklet's content besides the stored records."""

    action_plan: object
    months: int
    as_of: datetime.date | None = None
    document_number: str = ""
    foreword: str = ""
    signer: str = "กลุ่มนโยบายและแผน"
    grouping: str = "status"
    digits: str = "thai"
    tables: list = field(default_factory=lambda: list(TABLES))
    photos: str = "some"  # none / some (up to photos_per_project per project) / all
    photos_per_project: int = 4
    append_documents: bool = False


def default_foreword(plan, months, digits="thai"):
    """A starting foreword in the style of the real booklets; the planner rewrites it."""
    year = plan.fiscal_year.be_year
    # Only the year and the round are figures; the office's name is printed as it is written.
    convert = to_thai_digits if digits == "thai" else to_arabic_digits
    return (
        f"{plan.office.name} จัดทำรายงานความก้าวหน้าการดำเนินงานตามแผนปฏิบัติการ ประจำปีงบประมาณ "
        # A no-break space keeps "พ.ศ. ๒๕๖๗" on one line; the planner's own text is printed as typed.
        f"พ.ศ.\u00a0{convert(str(year))} {convert(ROUND_LABELS[months])} "
        f"เพื่อสรุปผลการดำเนินโครงการและการเบิกจ่ายงบประมาณในภาพรวม "
        f"ให้ผู้บริหารและกลุ่ม/หน่วยได้นำผลการดำเนินงานไปใช้ปรับปรุงและพัฒนาการบริหารจัดการศึกษา "
        f"ให้บรรลุเป้าหมายและตัวชี้วัดความสำเร็จที่กำหนดไว้\n"
        f"ขอขอบคุณผู้รับผิดชอบโครงการทุกท่านที่ให้ความร่วมมือในการรายงานผลการดำเนินงาน"
    )


def params_of(booklet_or_params):
    if isinstance(booklet_or_params, BookletParams):
        return booklet_or_params
    return booklet_or_params.params()


def booklet_context(booklet_or_params, fig=None):
    """The template context of a booklet; `fig`: figures already made (the preview's summaries)."""
    params = params_of(booklet_or_params)
    plan = params.action_plan
    rnd = Round(plan.fiscal_year.be_year, params.months, params.as_of)
    fig = fig or booklet_figures(plan, rnd, grouping=params.grouping)
    tables = [(key, title) for key, title in TABLES.items() if key in params.tables]
    foreword = params.foreword or default_foreword(plan, params.months, params.digits)
    evidence.choose_for_blocks(fig, params)
    return {
        "p": params,
        "d": params.digits,
        "fig": fig,
        "office": plan.office,
        "rnd": rnd,
        "round_label": ROUND_LABELS[params.months],
        "tables": tables,
        "table_numbers": {key: n for n, (key, _) in enumerate(tables, start=1)},
        "status_labels": STATUS_LABELS,
        "status_order": STATUS_ORDER,
        "status_short": [(s, STATUS_SHORT[s]) for s in STATUS_ORDER],
        "status_chart": charts.status_bars(fig.status),
        "money_chart": charts.money_columns(fig.money),
        "group_chart": charts.group_bars(fig.groups),
        "foreword_paragraphs": [line.strip() for line in foreword.splitlines() if line.strip()],
    }
