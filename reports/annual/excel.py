"""The annual report's tables as an Excel workbook (openpyxl), one sheet per table, from the same figures
as the PDF (reports/figures/annual.py). Numbers stay numbers; an unknown figure is an empty cell."""

from io import BytesIO

from openpyxl import Workbook

from reports.annual.context import annual_context
from reports.excel import COUNT, MONEY, PERCENT, TEXT, _write


def _registers(fig):
    headers = [("บัญชี", TEXT), ("ที่", COUNT), ("ชื่อโครงการ", TEXT), ("กลุ่ม", TEXT), ("ผู้รับผิดชอบโครงการ", TEXT),
               ("กลยุทธ์ที่", COUNT), ("งบประมาณ (บาท)", MONEY), ("ใช้จริง (บาท)", MONEY), ("คงเหลือ (บาท)", MONEY),
               ("บรรลุ/ไม่บรรลุ", TEXT)]
    rows = []
    for register in fig.registers:
        for r in register.rows:
            rows.append([register.title, r.number, r.project.title, r.project.group.abbreviation,
                         ", ".join(o.get_full_name() or o.username for o in r.project.owners.all()),
                         r.project.strategy.number, r.allocated, r.used, r.remaining, r.year_end.verdict_label])
    return headers, rows


def _achievement(fig):
    headers = [("บัญชี", TEXT), ("โครงการ", COUNT), ("ประเมินผลแล้ว", COUNT), ("บรรลุ", COUNT), ("ไม่บรรลุ", COUNT),
               ("ยังไม่รายงาน", COUNT), ("บรรลุ ร้อยละของที่ประเมินผลแล้ว", PERCENT), ("จัดสรร (บาท)", MONEY),
               ("ใช้จริง (บาท)", MONEY), ("คงเหลือ (บาท)", MONEY), ("ใช้จริง ร้อยละของงบจัดสรร", PERCENT)]
    rows = [[r.title, r.count, r.tally.assessed, r.tally.achieved, r.tally.not_achieved, r.tally.not_reported,
             r.tally.achieved_percent, r.allocated, r.used, r.remaining, r.used_percent]
            for r in [*fig.registers, fig.totals]]
    return headers, rows


def _indicators(fig):
    headers = [("กลยุทธ์ / โครงการ", TEXT), ("ตัวชี้วัดทั้งหมด", COUNT), ("ประเมินได้", COUNT), ("บรรลุ", COUNT),
               ("บรรลุ ร้อยละของที่ประเมินได้", PERCENT), ("ไม่บรรลุ", COUNT), ("ยังไม่รายงานผล", COUNT),
               ("ไม่ประเมิน (N/A)", COUNT)]

    def line(label, t):
        return [label, t.total, t.assessed, t.achieved, t.achieved_percent, t.not_achieved, t.not_reported,
                t.not_assessed]

    table = fig.indicators
    rows = []
    for strategy, tally, members in table.by_strategy:
        rows.append(line(f"กลยุทธ์ที่ {strategy.number} {strategy.title}", tally))
        rows.extend(line(f"  {r.project.title}", r.indicators) for r in members)
    rows.extend(line(group.name, tally) for group, tally in table.by_group)
    rows.append(line("รวมตัวชี้วัดของโครงการ", table.overall))
    if table.development_plan is not None:
        rows.append(line("ตัวชี้วัดตามแผนพัฒนาการศึกษา", table.development_plan))
        rows.append(line("รวมทั้งสองส่วน", table.together))
    return headers, rows


def _budget(budget):
    headers = [("งบรายจ่าย", TEXT), ("ได้รับจัดสรร (บาท)", MONEY), ("เบิกจ่าย (บาท)", MONEY),
               ("ผูกพัน PO (บาท)", MONEY), ("คงเหลือ (บาท)", MONEY), ("ร้อยละการเบิกจ่าย", PERCENT)]
    lines = [*budget.rows, budget.total, *([budget.central] if budget.central else [])]
    rows = [[line.label, line.allocated, line.disbursed, line.committed, line.remaining, line.percent]
            for line in lines]
    return headers, rows


def _matrix(fig, columns):
    headers = [("ที่", COUNT), ("ชื่อโครงการ", TEXT)] + [(label, TEXT) for label in columns]
    rows = [[n, m.row.project.title, *["\n".join(f"{i.code}. {i.title}" for i in items) for items in m.cells]]
            for n, m in enumerate(fig.matrix, start=1)]
    return headers, rows


def annual_workbook(report, *, context=None) -> bytes:
    context = context or annual_context(report)
    fig = context["fig"]
    wb = Workbook()
    ws = wb.active
    ws.title = "ผลสัมฤทธิ์"
    _write(ws, f"{context['title']} {context['office'].name}: ผลสัมฤทธิ์ของโครงการ", *_achievement(fig))
    _write(wb.create_sheet("บัญชีโครงการ"), "บัญชีโครงการตามแผนและโครงการเพิ่มระหว่างปี", *_registers(fig))
    if context.get("budget"):
        _write(wb.create_sheet("งบประมาณสำนักงาน"), "งบประมาณรายจ่ายของสำนักงาน จำแนกตามงบรายจ่าย",
               *_budget(context["budget"]))
    _write(wb.create_sheet("ตัวชี้วัด"), "ผลการดำเนินงานตามตัวชี้วัด (กลยุทธ์ โครงการ กลุ่ม และรวม)", *_indicators(fig))
    _write(wb.create_sheet("ความสอดคล้อง"), "ความสอดคล้องของโครงการกับแผนและนโยบายระดับต่าง ๆ",
           *_matrix(fig, context["matrix_columns"]))
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
