"""The office's budget by expenditure category (issue #17): every member of the office reads finance's
page; finance and the planner write it and use its Excel (403 for other members); an upload is seen
only by the person who uploaded it. Office 2's planner reaches their own office's page (200)."""

import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from projects.models import ImportKind, ImportUpload
from projects.workbooks.office_budget_workbook import build_office_budget_workbook
from tests.permission_rules import Rule
from tests.permission_rules.budget import READ_ALL, writers
from tests.permission_rules.imports import UPLOADER_ONLY

MONEY_WRITERS = {**writers(200), "other_planner": 200}  # office 2's planner: their own office's workbook


def budget_workbook(be_year=2567):
    """A valid workbook for the year: งบดำเนินงาน 1,000,000.00 allocated, 250,000.00 disbursed."""
    data = build_office_budget_workbook(be_year=be_year, office_name="ทดสอบ", record=None,
                                        as_of=datetime.date(2024, 3, 31))
    book = load_workbook(io.BytesIO(data))
    sheet = book["งบประมาณตามงบรายจ่าย"]
    sheet["B3"], sheet["C3"] = Decimal("1000000.00"), Decimal("250000.00")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def planner_budget_upload(world):
    return ImportUpload.objects.create(action_plan=world.plan, uploaded_by=world.planner,
                                       kind=ImportKind.OFFICE_BUDGET, file_name="budget.xlsx",
                                       content=budget_workbook())


RULES = {
    "budget:office_budget": Rule(expect=READ_ALL),
    "imports:office_budget_export": Rule(expect=MONEY_WRITERS),
    "imports:office_budget_upload": Rule(expect=MONEY_WRITERS),
    "imports:office_budget_preview": Rule(kwargs=lambda w: {"pk": planner_budget_upload(w).pk}, expect=UPLOADER_ONLY),
    # An empty POST (no version) is sent back to the preview (200) for the one who uploaded it.
    "imports:office_budget_confirm": Rule(method="POST", kwargs=lambda w: {"pk": planner_budget_upload(w).pk},
                                          expect=UPLOADER_ONLY),
}
