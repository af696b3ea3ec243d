"""The Excel export: a sheet per table, Thai headers, numbers as numbers, the same figures as the PDF."""

from decimal import Decimal as D
from io import BytesIO

from openpyxl import load_workbook

from reports.context import BookletParams
from reports.excel import booklet_workbook


def workbook(small, **kw):
    return load_workbook(BytesIO(booklet_workbook(BookletParams(action_plan=small.plan, months=6, **kw))))


def rows_of(ws):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=3)]


def test_it_writes_a_sheet_per_table_and_the_register(small):
    wb = workbook(small)
    assert wb.sheetnames == ["สรุป", "ตารางที่ 1", "ตารางที่ 2", "ตารางที่ 3", "ตารางที่ 4", "ตารางที่ 5", "บัญชีสรุป"]
    assert wb["ตารางที่ 3"]["B2"].value == "จัดสรร (โครงการ)"


def test_it_keeps_numbers_as_numbers_with_formats(small):
    ws = workbook(small)["ตารางที่ 3"]
    total = rows_of(ws)[-1]
    # Totals: allocated 32,000 in 4 projects; disbursed 9,000 in 2; 28.13 % (half-up of 28.125).
    assert total[:6] == ["รวม", 4, 32000, 2, 9000, 28.13]
    assert ws.cell(row=ws.max_row, column=3).number_format == "#,##0.00"
    assert ws.cell(row=ws.max_row, column=6).number_format == "0.00"


def test_it_leaves_unknown_spending_empty_not_zero(small):
    register = {row[1]: row for row in rows_of(workbook(small)["บัญชีสรุป"])}
    assert register["โครงการ D"][8] is None  # only a draft report
    assert register["โครงการ F"][8] == 500
    assert register["โครงการ E"][9] == "ยกเลิก"


def test_it_follows_the_booklets_choice_of_tables(small):
    wb = workbook(small, tables=["spent_vs_disbursed"])
    assert wb.sheetnames == ["สรุป", "ตารางที่ 1", "บัญชีสรุป"]
    assert wb["ตารางที่ 1"]["A1"].value.startswith("ตารางที่ 1 การใช้จ่ายตามรายงาน")
    assert D(str(rows_of(wb["สรุป"])[-1][1])) == D("50.00")  # the cabinet's Q2 target
