"""The booklet's summary tables and register as an Excel workbook (openpyxl), one sheet per table.

Every figure comes from reports/figures/, as in the PDF. Numbers stay numbers (counts, baht, percents
already ×100 as printed); an unknown figure is an empty cell, never 0.
"""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from plans.text_rules import append_row
from reports.context import TABLES, booklet_context
from reports.figures import STATUS_ORDER, STATUS_SHORT

COUNT, MONEY, PERCENT, TEXT = "0", "#,##0.00", "0.00", None
HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")


def _status_by_group(fig):
    headers = [("กลุ่ม/หน่วย", TEXT), ("โครงการทั้งสิ้น", COUNT)]
    for s in STATUS_ORDER:
        headers += [(f"{STATUS_SHORT[s]} (จำนวน)", COUNT), (f"{STATUS_SHORT[s]} (ร้อยละของโครงการในกลุ่ม)", PERCENT)]
    rows = []
    for g in fig.groups + [fig.totals]:
        row = [g.label, g.count]
        for s in STATUS_ORDER:
            row += [g.status.counts[s], g.status.percent(s)]
        rows.append(row)
    return headers, rows


def _budget_by_source(fig):
    headers = [("กลุ่ม/หน่วย", TEXT)]
    for s in fig.sources:
        headers += [(f"{s.name} (โครงการ)", COUNT), (f"{s.name} (บาท)", MONEY)]
    headers += [("ไม่ใช้งบประมาณ (โครงการ)", COUNT), ("รวม (โครงการ)", COUNT), ("รวม (บาท)", MONEY)]
    rows = []
    for g in fig.groups + [fig.totals]:
        row = [g.label]
        for _, count, amount in g.by_source:
            row += [count, amount]
        rows.append(row + [g.no_budget_count, g.count, g.allocated])
    return headers, rows


def _disbursement_by_group(fig):
    headers = [("กลุ่ม/หน่วย", TEXT), ("จัดสรร (โครงการ)", COUNT), ("จัดสรร (บาท)", MONEY),
               ("เบิกจ่ายสะสม (โครงการ)", COUNT), ("เบิกจ่ายสะสม (บาท)", MONEY),
               ("เบิกจ่าย ร้อยละของงบจัดสรร", PERCENT), ("คงเหลือ (บาท)", MONEY),
               ("คงเหลือ ร้อยละของงบจัดสรร", PERCENT)]
    rows = [[g.label, g.allocated_count, g.allocated, g.disbursed_count, g.disbursed, g.disbursed_percent,
             g.remaining, g.remaining_percent] for g in fig.groups + [fig.totals]]
    return headers, rows


def _spent_vs_disbursed(fig):
    headers = [("กลุ่ม/หน่วย", TEXT), ("จัดสรร (โครงการ)", COUNT), ("จัดสรร (บาท)", MONEY),
               ("ใช้จ่ายตามรายงาน (โครงการ)", COUNT), ("ใช้จ่ายตามรายงาน (บาท)", MONEY),
               ("ใช้จ่าย ร้อยละของงบจัดสรร", PERCENT), ("ไม่รายงานยอดใช้จ่าย (โครงการ)", COUNT),
               ("เบิกจ่าย กลุ่มการเงิน (โครงการ)", COUNT), ("เบิกจ่าย กลุ่มการเงิน (บาท)", MONEY),
               ("เบิกจ่าย ร้อยละของงบจัดสรร", PERCENT)]
    rows = [[g.label, g.allocated_count, g.allocated, g.spent_count, g.spent, g.spent_percent,
             g.spent_unknown_count, g.disbursed_count, g.disbursed, g.disbursed_percent]
            for g in fig.groups + [fig.totals]]
    return headers, rows


def _strategy_by_group(fig):
    headers = [("กลุ่ม/หน่วย", TEXT), ("ตามแผน", COUNT), ("ระหว่างปี", COUNT), ("รวม", COUNT)]
    headers += [(f"กลยุทธ์ที่ {s.number}", COUNT) for s in fig.strategies]
    rows = [[g.label, g.in_plan_count, g.mid_year_count, g.count] + [n for _, n in g.by_strategy]
            for g in fig.groups + [fig.totals]]
    return headers, rows


def _summary(fig):
    m = fig.money
    headers = [("รายการ", TEXT), ("จำนวน", MONEY)]
    rows = [[f"โครงการ: {label}", count] for _, label, count, _ in fig.status.rows]
    rows += [[f"โครงการ: {label} (ร้อยละของโครงการทั้งหมด)", p] for _, label, _, p in fig.status.rows]
    rows += [
        ["โครงการทั้งหมด (ไม่รวมที่ยกเลิก)", fig.status.total],
        [f"แผนการใช้จ่าย ไตรมาสที่ {fig.round.quarter} (บาท)", m.quarter.planned],
        [f"เบิกจ่าย ไตรมาสที่ {fig.round.quarter} (บาท)", m.quarter.disbursed],
        [f"เบิกจ่าย ไตรมาสที่ {fig.round.quarter} (ร้อยละของแผน)", m.quarter.disbursed_percent],
        ["แผนการใช้จ่ายสะสม (บาท)", m.cumulative.planned],
        ["เบิกจ่ายสะสม (บาท)", m.cumulative.disbursed],
        ["เบิกจ่ายสะสม (ร้อยละของแผนสะสม)", m.cumulative.disbursed_percent],
        ["ไม่สามารถเบิกจ่ายได้ตามแผน สะสม (บาท)", m.cumulative.not_disbursed],
        ["เบิกจ่ายเกินแผน สะสม (บาท)", m.cumulative.over_plan],
        ["งบประมาณที่ได้รับจัดสรร (บาท)", m.allocated],
        ["เบิกจ่ายสะสม (ร้อยละของงบจัดสรร)", m.disbursed_of_allocated],
        ["เป้าหมายเบิกจ่ายสะสมตามมติ ครม. (ร้อยละของงบจัดสรร)", m.target_percent],
    ]
    formats = {row[0]: (COUNT if "โครงการ" in row[0] and "ร้อยละ" not in row[0] else
                        PERCENT if "ร้อยละ" in row[0] else MONEY) for row in rows}
    return headers, rows, formats


def _register(fig):
    headers = [("ที่", COUNT), ("ชื่อโครงการ", TEXT), ("กลุ่ม", TEXT), ("ผู้รับผิดชอบ", TEXT), ("กลยุทธ์ที่", COUNT),
               ("แหล่งงบประมาณ", TEXT), ("จัดสรร (บาท)", MONEY), ("เบิกจ่ายสะสม (บาท)", MONEY),
               ("ใช้จ่ายตามรายงาน (บาท)", MONEY), ("สถานะ", TEXT), ("หมายเหตุ", TEXT)]
    rows = []
    for r in fig.register:
        rows.append([r.number, r.project.title, r.project.group.abbreviation, r.owner_names,
                     r.project.strategy.number,
                     ", ".join(s.name for s, _ in r.allocation_lines) or "ไม่ใช้งบประมาณ",
                     r.allocated, r.disbursed_total, r.spent_total,
                     "ยกเลิก" if r.cancelled else r.status_label,
                     r.project.cancelled_reason if r.cancelled else r.project.remark])
    return headers, rows


def _write(ws, title, headers, rows, row_formats=None):
    append_row(ws, [title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([h for h, _ in headers])
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in rows:
        append_row(ws, list(row))
        for col, cell in enumerate(ws[ws.max_row]):
            fmt = headers[col][1]
            if row_formats and col == 1:
                fmt = row_formats.get(row[0], fmt)
            if fmt and cell.value is not None:
                cell.number_format = fmt
    ws.freeze_panes = "B3"
    for col, (header, _) in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(col)].width = 50 if header == "ชื่อโครงการ" else max(12, len(header) * 0.9)


def booklet_workbook(booklet_or_params, *, context=None) -> bytes:
    context = context or booklet_context(booklet_or_params)
    fig = context["fig"]
    wb = Workbook()
    ws = wb.active
    ws.title = "สรุป"
    headers, rows, formats = _summary(fig)
    _write(ws, f"รายงานสรุป {context['office'].name} ปีงบประมาณ {fig.round.be_year} รอบ {fig.round.months} เดือน",
           headers, rows, formats)
    builders = {"status_by_group": _status_by_group, "budget_by_source": _budget_by_source,
                "disbursement_by_group": _disbursement_by_group, "spent_vs_disbursed": _spent_vs_disbursed,
                "strategy_by_group": _strategy_by_group}
    for n, (key, title) in enumerate(context["tables"], start=1):
        headers, rows = builders[key](fig)
        _write(wb.create_sheet(f"ตารางที่ {n}"), f"ตารางที่ {n} {title}", headers, rows)
    headers, rows = _register(fig)
    _write(wb.create_sheet("บัญชีสรุป"), "บัญชีสรุปโครงการ", headers, rows)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


__all__ = ["booklet_workbook", "TABLES"]
