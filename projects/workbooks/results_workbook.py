"""A quarter's results, out to Excel and back: owners without a good connection report offline.

The export has a row per project (the planner gets all, an owner only their own) with the report's
current values, and a sheet of activities. The import fills reports that are still drafts (new,
ฉบับร่าง, or ส่งกลับให้แก้ไข); a report that is submitted or accepted is never overwritten, a row of
a project the user does not own is refused, and so is a row whose report was changed in the portal
after the file was downloaded (the file carries the report's version: plans.concurrency). Each
refusal is listed; the other rows are imported. A cell that cannot be read (an amount like
"12,5OO") stops the whole file, as in the plan import, so nothing is half-read.

This module holds the sheet's columns and the export; the import is `projects.workbooks.results_import`.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from plans.access import is_planner
from plans.text_rules import append_row
from projects.models import ProgressStatus, Project, QuarterlyReport, ReportState
from projects.workbooks import cells as cells
from projects.workbooks import plan_workbook as plan_layout
from projects.workbooks.plan_workbook import Column

EDITABLE_STATES = (ReportState.DRAFT, ReportState.RETURNED)

CODE = plan_layout.CODE
PROJECT_TITLE = Column("ชื่อโครงการ", 40, False, "ข้อมูลประกอบ ไม่นำเข้า")
STATE = Column("สถานะรายงาน", 14, False, "ข้อมูลประกอบ ไม่นำเข้า")
VERSION = Column("รุ่นของรายงาน", 10, False, "ห้ามแก้ไข ใช้ตรวจว่ามีผู้แก้ไขรายงานในระบบหลังดาวน์โหลดไฟล์หรือไม่")
STATUS = Column("สถานะการดำเนินงาน", 22, False, "เลือกจากรายการ")
SPENT = Column("ใช้จ่ายในไตรมาสนี้ (บาท)", 16, False, "รวมที่ก่อหนี้ผูกพันแล้ว เว้นว่างถ้ายังไม่ทราบ")
TEXT_FIELDS = [
    "disbursement_variance_reason",
    "output_progress",
    "outcome_progress",
    "results",
    "problems",
    "suggestions",
    "contribution_national_strategy",
    "contribution_master_plan",
    "contribution_sub_plan",
    "contribution_nesdp",
]
TEXT_COLUMNS = {
    name: Column(str(QuarterlyReport._meta.get_field(name).verbose_name), 40) for name in TEXT_FIELDS
}
REPORT_COLUMNS = [CODE, PROJECT_TITLE, STATE, VERSION, STATUS, SPENT, *TEXT_COLUMNS.values()]

ACTIVITY_NUMBER = plan_layout.ACTIVITY_NUMBER
ACTIVITY_TITLE = Column("ชื่อกิจกรรม", 40, False, "ข้อมูลประกอบ ไม่นำเข้า")
ACTIVITY_STATUS = Column("สถานะกิจกรรม", 22, False, "เลือกจากรายการ")
ACTIVITY_TEXT = Column("ผลการดำเนินงานของกิจกรรม", 50)
ACTIVITY_COLUMNS = [CODE, ACTIVITY_NUMBER, ACTIVITY_TITLE, ACTIVITY_STATUS, ACTIVITY_TEXT]

ACTIVITIES_SHEET = "กิจกรรม"
LISTS = "รายการ"
STATUS_OPTIONS = {str(label): value for value, label in ProgressStatus.choices}


def report_sheet_name(quarter):
    return f"ผลไตรมาส {quarter}"


def results_projects(user, action_plan):
    """The projects whose results this user reports: all for a planner, their own for an owner."""
    projects = Project.objects.filter(action_plan=action_plan, cancelled=False)
    if not is_planner(user, action_plan.office):
        projects = projects.filter(owners=user)
    return projects


def build_results_workbook(user, action_plan, quarter) -> bytes:
    projects = list(
        results_projects(user, action_plan)
        .prefetch_related("activities", "reports__activity_progress")
        .order_by("display_order", "code")
    )
    book = Workbook()
    sheet = book.active
    sheet.title = report_sheet_name(quarter)
    activity_sheet = book.create_sheet(ACTIVITIES_SHEET)
    lists = book.create_sheet(LISTS)
    for row, label in enumerate(STATUS_OPTIONS, start=1):
        lists.cell(row=row, column=1, value=label)
    lists.sheet_state = "hidden"
    status_range = f"={quote_sheetname(LISTS)}!$A$1:$A${len(STATUS_OPTIONS)}"

    _header(sheet, REPORT_COLUMNS)
    _header(activity_sheet, ACTIVITY_COLUMNS)
    for project in projects:
        report = next((r for r in project.reports.all() if r.quarter == quarter), None)
        append_row(
            sheet,
            [
                project.code,
                project.title,
                report.get_state_display() if report else "ยังไม่มีรายงาน",
                report.version if report else None,
                report.get_status_display() if report else None,
                report.spent_amount if report else None,
                *((getattr(report, name) if report else None) for name in TEXT_FIELDS),
            ]
        )
        progress = {p.activity_id: p for p in report.activity_progress.all()} if report else {}
        activities = sorted(project.activities.all(), key=lambda a: (a.display_order, a.pk))
        numbers = plan_layout.activity_numbers(activities)
        for activity in sorted(activities, key=lambda a: plan_layout._number_key(numbers[a.pk])):
            item = progress.get(activity.pk)
            append_row(
                activity_sheet,
                [
                    project.code,
                    numbers[activity.pk],
                    activity.title,
                    item.get_status_display() if item else None,
                    item.text if item else None,
                ]
            )
    for target, columns, last in (
        (sheet, REPORT_COLUMNS, len(projects)),
        (activity_sheet, ACTIVITY_COLUMNS, activity_sheet.max_row),
    ):
        for index, column in enumerate(columns, start=1):
            if column in (STATUS, ACTIVITY_STATUS):
                validation = DataValidation(type="list", formula1=status_range, allow_blank=True)
                letter = get_column_letter(index)
                validation.add(f"{letter}2:{letter}{max(last + 1, 2)}")
                target.add_data_validation(validation)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _header(sheet, columns):
    sheet.append([column.title for column in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F1")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "B2"


def results_file_name(action_plan, quarter):
    return f"ผลการดำเนินงาน_{action_plan.fiscal_year.be_year}_ไตรมาส{quarter}.xlsx"
