"""The three workbooks the portal writes, read back cell by cell (for the M2 and M3 tests)."""

import io

from openpyxl import load_workbook

from projects.workbooks.plan_workbook import build_plan_workbook
from projects.workbooks.results_workbook import build_results_workbook
from reports.context import BookletParams
from reports.excel import booklet_workbook


def every_workbook(world):
    return {
        "plan": build_plan_workbook(world.plan, with_data=True),
        "results": build_results_workbook(world.planner, world.plan, 1),
        "booklet": booklet_workbook(BookletParams(action_plan=world.plan, months=6)),
    }


def cells_of(data):
    book = load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row
