"""Real-world cells and hostile files: what planners paste, and what attackers upload."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook

from projects.workbooks import cells as cells
from projects.workbooks import files
from projects.workbooks.cells import CellError
from projects.workbooks.files import BadFile


@pytest.mark.parametrize(
    "value, expected",
    [
        (12500, Decimal("12500")),
        (12500.5, Decimal("12500.5")),
        (0.1 + 0.2, Decimal("0.30")),  # a formula's binary noise is rounded away
        ("12,500", Decimal("12500")),
        ("๑๒,๕๐๐.๕๐", Decimal("12500.50")),
        (" 1,000.00 บาท ", Decimal("1000.00")),
        ("0", Decimal("0")),
        (None, None),
        ("   ", None),
    ],
)
def test_it_reads_amounts_as_people_type_them(value, expected):
    result = cells.money(value)
    assert result == expected
    assert result is None or isinstance(result, Decimal)


@pytest.mark.parametrize(
    "value, hint",
    [
        ("12,5OO", "ไม่ใช่เลขศูนย์"),
        ("-500", "ติดลบ"),
        (12.345, "ทศนิยมเกิน 2 ตำแหน่ง"),
        (datetime.datetime(2024, 3, 1), "เป็นวันที่"),
        ("1e3", "ไม่ใช่ตัวเลข"),
        (10**13, "มากเกินกว่าที่รับได้"),
        (True, "ไม่ใช่จำนวนเงิน"),
    ],
)
def test_it_explains_in_thai_why_an_amount_is_refused(value, hint):
    with pytest.raises(CellError, match=hint):
        cells.money(value)


def test_it_reads_be_dates_typed_as_text_or_stored_by_excel():
    assert cells.be_date("31/03/2567") == datetime.date(2024, 3, 31)
    assert cells.be_date("๓๑/๓/๒๕๖๗") == datetime.date(2024, 3, 31)
    assert cells.be_date(datetime.datetime(2024, 3, 31)) == datetime.date(2024, 3, 31)
    # Excel kept the typed BE year as a Gregorian year: it was BE.
    assert cells.be_date(datetime.datetime(2567, 3, 31)) == datetime.date(2024, 3, 31)
    with pytest.raises(CellError, match="ไม่มีวันที่ 31"):
        cells.be_date("31/02/2567")


def test_it_reads_codes_and_numbers_stored_either_way():
    assert cells.text(1.0) == "1"
    assert cells.text("  P01  ") == "P01"
    assert cells.whole_number("๓") == 3
    assert cells.whole_number(3.0) == 3
    with pytest.raises(CellError, match="ไม่ใช่จำนวนเต็ม"):
        cells.whole_number(2.5)


@pytest.mark.parametrize(
    "value, expected", [("✓", True), ("x", True), ("ใช่", True), (None, False), ("0", False)]
)
def test_it_reads_tick_boxes(value, expected):
    assert cells.yes_no(value) is expected


def _xlsx(**sheets):
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_it_reads_rows_by_header_and_skips_empty_rows():
    data = _xlsx(S=[["รหัส *", " ชื่อ "], ["P1", "ก"], [None, "  "], ["P2", "ข"]])
    problems = []
    sheet = files.Workbook("a.xlsx", data).read_sheet("S", problems)
    assert [(r.number, r.values["รหัส"], r.values["ชื่อ"]) for r in sheet.rows] == [
        (2, "P1", "ก"),
        (4, "P2", "ข"),
    ]


def test_it_names_a_formula_cell_that_has_no_saved_value():
    data = _xlsx(S=[["ก", "ข"], [1, "=A2*2"]])
    sheet = files.Workbook("a.xlsx", data).read_sheet("S", [])
    assert sheet.rows[0].formula_columns == {"ข"}


def test_it_reads_the_saved_value_of_a_formula():
    data = _xlsx(S=[["ก", "ข"], [1, "=A2*2"]])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    # What Excel writes: the formula and its cached value.
    parts["xl/worksheets/sheet1.xml"] = (
        parts["xl/worksheets/sheet1.xml"]
        .replace(b"<f>A2*2</f><v></v>", b"<f>A2*2</f><v>2</v>")
        .replace(b"<f>A2*2</f><v />", b"<f>A2*2</f><v>2</v>")
    )
    assert b"<v>2</v>" in parts["xl/worksheets/sheet1.xml"]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    sheet = files.Workbook("a.xlsx", out.getvalue()).read_sheet("S", [])
    assert sheet.rows[0].values["ข"] == 2 and sheet.rows[0].formula_columns == set()


def test_it_refuses_a_zip_bomb_before_inflating_it():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (20 * 1024 * 1024))
    with pytest.raises(BadFile, match="ใหญ่ผิดปกติ"):
        files.check_upload("bomb.xlsx", out.getvalue())


def test_it_refuses_xml_entity_expansion_without_a_server_error():
    data = _xlsx(S=[["ก"], ["x"]])
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = laughs
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    with pytest.raises(BadFile):
        files.Workbook("a.xlsx", out.getvalue()).read_sheet("S", [])


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("a.xls", b"\xd0\xcf\x11\xe0", "Excel 97-2003"),
        ("a.csv", b"a,b", ".csv ไม่รองรับ"),
        ("a.xlsx", b"PK\x03\x04broken", "ไม่ใช่ไฟล์ Excel"),
        ("a.xlsx", b"", "ว่างเปล่า"),
        ("a.docx", b"PK", "เฉพาะไฟล์ Excel"),
    ],
)
def test_it_refuses_what_is_not_an_xlsx_with_a_clear_message(name, data, message):
    with pytest.raises(BadFile, match=message):
        files.check_upload(name, data)


def test_it_refuses_a_sheet_with_more_rows_than_the_cap(monkeypatch):
    monkeypatch.setattr(files, "MAX_ROWS_PER_SHEET", 3)
    data = _xlsx(S=[["ก"], *([[n] for n in range(5)])])
    with pytest.raises(BadFile, match="เกิน 3 แถว"):
        files.Workbook("a.xlsx", data).read_sheet("S", [])


def test_it_does_not_count_formatted_empty_rows_towards_the_cap(monkeypatch):
    monkeypatch.setattr(files, "MAX_ROWS_PER_SHEET", 3)
    book = Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["ก"])
    sheet.append(["x"])
    for row in range(3, 50):
        sheet.cell(row=row, column=1).number_format = "0.00"
    out = io.BytesIO()
    book.save(out)
    assert len(files.Workbook("a.xlsx", out.getvalue()).read_sheet("S", []).rows) == 1


def test_it_refuses_a_forged_row_number_beyond_excel():
    data = _xlsx(S=[["ก"], ["x"]])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    for old, new in (
        (b'r="2"', b'r="999999999"'),
        (b'r="A2"', b'r="A999999999"'),
        (b"A1:A2", b"A1:A999999999"),
    ):
        sheet = sheet.replace(old, new)
    parts["xl/worksheets/sheet1.xml"] = sheet
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    with pytest.raises(BadFile, match="เกินกว่าที่ Excel รองรับ"):
        files.Workbook("a.xlsx", out.getvalue()).read_sheet("S", [])
