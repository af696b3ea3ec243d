"""L5: an uploaded sheet is read by the rows it really holds: the declared <dimension> is not trusted
(rows past it used to be silently ignored), empty styled rows cost nothing, real rows are capped, and
a file is read once for its upload, preview and confirm. (Time and memory: benchmarks/workbook_rows.py.)"""

import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from projects.workbooks import files
from projects.workbooks import plan_workbook as layout
from projects.workbooks.plan_import import check_plan_import
from projects.workbooks.plan_workbook import build_plan_workbook


def _rewrite_sheet(data, sheet_title, change):
    """The .xlsx with one worksheet's XML passed through `change(xml) -> xml`."""
    book = load_workbook(io.BytesIO(data))
    index = book.sheetnames.index(sheet_title) + 1
    target = f"xl/worksheets/sheet{index}.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == target:
                content = change(content.decode()).encode()
            copy.writestr(item, content)
    return out.getvalue()


def _plan_with_projects(world, count):
    book = load_workbook(io.BytesIO(build_plan_workbook(world.plan, with_data=False)))
    for n in range(count):
        book[layout.PROJECTS].append([f"N{n:03}", f"โครงการ {n}", str(world.strategy.number), world.group.name])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_rows_past_the_declared_dimension_are_read(world):
    data = _rewrite_sheet(_plan_with_projects(world, 3), layout.PROJECTS,
                          lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:B1"/>', xml))
    check = check_plan_import(action_plan=world.plan, file_name="p.xlsx", data=data)
    assert sorted(c.code for c in check.changes if c.action == "create" and hasattr(c, "code"))[:3] == [
        "N000", "N001", "N002"]


def test_empty_styled_rows_are_not_read_as_rows(world):
    def add_empty_rows(xml):
        rows = "".join(f'<row r="{n}" s="1" customFormat="1"/>' for n in range(10, 20_010))
        return xml.replace("</sheetData>", rows + "</sheetData>")

    data = _rewrite_sheet(_plan_with_projects(world, 2), layout.PROJECTS, add_empty_rows)
    sheet = files.Workbook("p.xlsx", data).read_sheet(layout.PROJECTS, [])
    assert [row.number for row in sheet.rows] == [2, 3]


def test_real_rows_are_capped(world, monkeypatch):
    monkeypatch.setattr(files, "MAX_ROWS_PER_SHEET", 5)
    check = check_plan_import(action_plan=world.plan, file_name="p.xlsx", data=_plan_with_projects(world, 6))
    assert any("เกิน 5 แถว" in str(problem) for problem in check.problems)


def test_a_file_is_read_once_for_its_check_preview_and_confirm(world, monkeypatch):
    reads = []
    original = files._stream_rows if hasattr(files, "_stream_rows") else None
    if original is None:
        pytest.fail("the reader does not stream rows")

    def counting(worksheet):
        reads.append(worksheet.title)
        return original(worksheet)

    monkeypatch.setattr(files, "_stream_rows", counting)
    data = _plan_with_projects(world, 2)
    for _ in range(3):
        check_plan_import(action_plan=world.plan, file_name="p.xlsx", data=data)
    assert reads.count(layout.PROJECTS) == 1


def test_too_many_styled_row_elements_are_refused_with_a_thai_message(world, monkeypatch):
    monkeypatch.setattr(files, "MAX_ROW_ELEMENTS", 50)

    def add_styled_cells(xml):
        rows = "".join(f'<row r="{n}"><c r="A{n}" s="1"/></row>' for n in range(10, 100))
        return xml.replace("</sheetData>", rows + "</sheetData>")

    data = _rewrite_sheet(_plan_with_projects(world, 1), layout.PROJECTS, add_styled_cells)
    check = check_plan_import(action_plan=world.plan, file_name="p.xlsx", data=data)
    assert any("ลบแถวว่างท้ายแผ่นงาน" in str(problem) for problem in check.problems)
