"""A quarter's results, out to Excel and back: owners without a good connection report offline.

The export has a row per project (the planner gets all, an owner only their own) with the report's
current values, and a sheet of activities. The import fills reports that are still drafts (new,
ฉบับร่าง, or ส่งกลับให้แก้ไข); a report that is submitted or accepted is never overwritten, a row of
a project the user does not own is refused, and so is a row whose report was changed in the portal
after the file was downloaded (the file carries the report's version: plans.concurrency). Each
refusal is listed; the other rows are imported. A cell that cannot be read (an amount like
"12,5OO") stops the whole file, as in the plan import, so nothing is half-read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from plans.access import is_planner
from plans.concurrency import StaleEdit, save_if_unchanged
from projects.models import ActivityProgress, ProgressStatus, Project, QuarterlyReport, ReportState
from projects.workbooks import cells as cells
from projects.workbooks import files
from projects.workbooks import plan_workbook as plan_layout
from projects.workbooks.cells import CheckResult, Problem
from projects.workbooks.files import BadFile
from projects.workbooks.plan_import.changes import FieldChange, PreviewOutdated, preview_fingerprint
from projects.workbooks.plan_import.read import _activity_number, _read_records
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


# --- export ----------------------------------------------------------------------------------


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
        sheet.append(
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
            activity_sheet.append(
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


# --- import ----------------------------------------------------------------------------------


@dataclass
class ReportChange:
    action: str  # "create" | "update" | "same"
    code: str
    label: str
    row: int
    fields: list[FieldChange] = field(default_factory=list)
    report: QuarterlyReport | None = None
    project: Project | None = None
    expected_version: int | None = None
    values: dict = field(default_factory=dict)
    progress: list = field(default_factory=list)  # [(activity, {"status":…, "text":…})]
    refusal: str = ""  # why this row may not change its report, if it tries to


@dataclass
class ResultsCheck(CheckResult):
    refusals: list[Problem] = field(default_factory=list)

    @property
    def has_writes(self):
        return any(c.action != "same" for c in self.changes)

    @property
    def fingerprint(self):
        return preview_fingerprint(self.changes, [str(r) for r in self.refusals])


def _status(value):
    return cells.choice(value, STATUS_OPTIONS, what="สถานะการดำเนินงาน", required=False)


def _ignored(value):
    """Shown for the reader's sake only (project title, report state): never imported."""
    return None


def _report_specs():
    return [
        (CODE, "code", lambda v: cells.text(v, max_length=30, required=True)),
        (PROJECT_TITLE, "_title", _ignored),
        (STATE, "_state", _ignored),
        (VERSION, "version", lambda v: cells.whole_number(v, high=10**9)),
        (STATUS, "status", _status),
        (SPENT, "spent_amount", cells.money),
        *((column, name, lambda v: cells.text(v, max_length=20000)) for name, column in TEXT_COLUMNS.items()),
    ]


def _activity_specs():

    return [
        (CODE, "code", lambda v: cells.text(v, max_length=30, required=True)),
        (ACTIVITY_NUMBER, "number", _activity_number),
        (ACTIVITY_TITLE, "_title", _ignored),
        (ACTIVITY_STATUS, "status", _status),
        (ACTIVITY_TEXT, "text", lambda v: cells.text(v, max_length=20000)),
    ]


def check_results_import(*, user, action_plan, quarter, file_name, data, lock=False) -> ResultsCheck:
    """What importing this results sheet would do, refusals and errors, without writing."""
    check = ResultsCheck()
    try:
        workbook = files.Workbook(file_name, data)
        _check(check, workbook, user, action_plan, quarter, lock)
    except BadFile as error:
        check.problems.append(Problem(str(error)))
    return check


def _refuse(check, record, code, message, sheet):
    check.refusals.append(Problem(message, sheet=sheet, row=record.row, column=CODE.header, value=code))


def _check(check, workbook, user, action_plan, quarter, lock):
    sheet_name = report_sheet_name(quarter)
    if sheet_name not in workbook.sheet_names:
        others = [n for n in workbook.sheet_names if n.startswith("ผลไตรมาส")]
        hint = f" ไฟล์นี้เป็นของ “{others[0]}”" if others else ""
        check.problems.append(
            Problem(f"ไม่พบแผ่นงาน “{sheet_name}”{hint} กรุณาดาวน์โหลดไฟล์ของไตรมาส {quarter} แล้วกรอกในไฟล์นั้น")
        )
        return
    records = _read_records(workbook, sheet_name, _report_specs(), check.problems)
    activity_records = _read_records(workbook, ACTIVITIES_SHEET, _activity_specs(), check.problems) or []
    projects = {
        p.code: p
        for p in Project.objects.filter(action_plan=action_plan).prefetch_related("owners", "activities")
    }
    reports = QuarterlyReport.objects.filter(project__action_plan=action_plan, quarter=quarter)
    if lock:
        reports = reports.select_for_update()
    reports = {r.project_id: r for r in reports.prefetch_related("activity_progress")}
    planner = is_planner(user, action_plan.office)
    seen = {}
    accepted = {}
    for record in records:
        values = record.values
        code = values.get("code")
        if code is None:
            continue
        if code in seen:
            check.problems.append(
                Problem(
                    f"รหัสโครงการ “{code}” ซ้ำกับแถว {seen[code]}",
                    sheet=sheet_name,
                    row=record.row,
                    column=CODE.header,
                    value=code,
                )
            )
            continue
        seen[code] = record.row
        project = projects.get(code)
        if project is None:
            _refuse(check, record, code, f"ไม่พบโครงการรหัส “{code}” ในแผนปฏิบัติการ", sheet_name)
            continue
        if not planner and user not in project.owners.all():
            _refuse(
                check, record, code, f"โครงการ “{code}” ไม่ใช่โครงการที่คุณรับผิดชอบ ระบบไม่นำเข้าแถวนี้", sheet_name
            )
            continue
        report = reports.get(project.pk)
        new = {k: v for k, v in values.items() if k not in ("code", "version") and not k.startswith("_")}
        if "status" in new and new["status"] is None:
            new.pop("status")
        label = f"{code} {project.title}"
        if report is None:
            # A blank row of a project without a report is not a report: no empty draft is made.
            action = "create" if any(v not in (None, "") for v in new.values()) else "same"
            change = ReportChange(action, code, label, record.row, project=project, values=new)
        else:
            change = ReportChange(
                "same",
                code,
                label,
                record.row,
                report=report,
                project=project,
                expected_version=report.version,
            )
            for name, value in new.items():
                old = getattr(report, name)
                if (cells.text(old or "") == value) if isinstance(value, str) else old == value:
                    continue
                change.values[name] = value
                change.fields.append(FieldChange(_label(name), old, value))
            if change.values:
                change.action = "update"
            # A row that changes nothing is fine whatever the report's state; a change is refused
            # when the report is locked or was edited in the portal after the download.
            if report.state not in EDITABLE_STATES:
                change.refusal = (
                    f"รายงานของโครงการ “{code}” อยู่ในสถานะ “{report.get_state_display()}” แก้ไขจากไฟล์ไม่ได้"
                )
            elif values.get("version") != report.version:
                change.refusal = (
                    f"รายงานของโครงการ “{code}” ถูกแก้ไขในระบบหลังจากดาวน์โหลดไฟล์นี้ กรุณาดาวน์โหลดไฟล์ใหม่แล้วกรอกอีกครั้ง"
                )
        accepted[code] = change
    _check_activities(check, activity_records, accepted, projects)
    for code, change in accepted.items():
        if change.refusal and change.action != "same":
            check.refusals.append(
                Problem(change.refusal, sheet=sheet_name, row=change.row, column=CODE.header, value=code)
            )
        else:
            check.changes.append(change)


def _label(name):
    return str(QuarterlyReport._meta.get_field(name).verbose_name)


def _check_activities(check, records, accepted, projects):
    seen = {}
    for record in records:
        code, number = record.values.get("code"), record.values.get("number")
        if code is None or number is None or code not in accepted:
            continue  # rows of refused or unknown projects were listed with their report row
        if (code, number) in seen:
            check.problems.append(
                Problem(
                    f"กิจกรรมนี้ซ้ำกับแถว {seen[(code, number)]}",
                    sheet=ACTIVITIES_SHEET,
                    row=record.row,
                    column=ACTIVITY_NUMBER.header,
                )
            )
            continue
        seen[(code, number)] = record.row
        activities = sorted(projects[code].activities.all(), key=lambda a: (a.display_order, a.pk))
        numbers = plan_layout.activity_numbers(activities)
        by_number = {numbers[a.pk]: a for a in activities}
        main, sub = number
        activity = by_number.get(f"{main}.{sub}" if sub is not None else str(main))
        if activity is None:
            check.problems.append(
                Problem(
                    f"ไม่พบกิจกรรมลำดับที่ {main}{'.' + str(sub) if sub else ''} ในโครงการ “{code}”",
                    sheet=ACTIVITIES_SHEET,
                    row=record.row,
                    column=ACTIVITY_NUMBER.header,
                )
            )
            continue
        values = {k: v for k, v in record.values.items() if k in ("status", "text") and v is not None}
        change = accepted[code]
        current = None
        if change.report is not None:
            current = next(
                (p for p in change.report.activity_progress.all() if p.activity_id == activity.pk), None
            )
        if current is not None and all(
            (cells.text(getattr(current, k)) == v if isinstance(v, str) else getattr(current, k) == v)
            for k, v in values.items()
        ):
            continue
        if current is None and all(v in (None, "") for v in values.values()):
            continue  # nothing reported for this activity
        change.progress.append((activity, values))
        change.fields.append(
            FieldChange(f"กิจกรรมที่ {activity.title}", current.text if current else "", values.get("text", ""))
        )
        if change.action == "same":
            change.action = "create" if change.report is None else "update"


def results_import_apply(
    *, user, action_plan, quarter, file_name, data, expected_fingerprint=None
) -> ResultsCheck:
    """Write the importable rows, all of them or none (refused rows are only listed).

    Raises ResultsImportInvalid (nothing written) when the file has errors, and PreviewOutdated
    when the reports changed since the preview the user confirmed.
    """
    try:
        with transaction.atomic():
            check = check_results_import(
                user=user, action_plan=action_plan, quarter=quarter, file_name=file_name, data=data, lock=True
            )
            if not check.ok:
                raise ResultsImportInvalid(check)
            if expected_fingerprint is not None and expected_fingerprint != check.fingerprint:
                raise PreviewOutdated(check)
            for change in check.changes:
                if change.action != "same":
                    _write(change, user, quarter)
    except StaleEdit:
        failed = ResultsCheck(problems=[Problem("มีผู้แก้ไขรายงานระหว่างนำเข้า ระบบยังไม่ได้บันทึกข้อมูลใด กรุณาลองอีกครั้ง")])
        raise ResultsImportInvalid(failed) from None
    except DatabaseError:
        failed = ResultsCheck(problems=[Problem("บันทึกข้อมูลไม่สำเร็จ ระบบยังไม่ได้บันทึกข้อมูลใด กรุณาลองใหม่อีกครั้ง")])
        raise ResultsImportInvalid(failed) from None
    return check


class ResultsImportInvalid(Exception):
    def __init__(self, check):
        super().__init__("ไฟล์มีข้อผิดพลาด ระบบยังไม่ได้บันทึกข้อมูลใด")
        self.check = check


def _write(change, user, quarter):
    report = change.report
    if report is None:
        report = QuarterlyReport(project=change.project, quarter=quarter, **change.values)
        report._history_user = user
        report.save()
    elif change.values:
        for name, value in change.values.items():
            setattr(report, name, value)
        report._history_user = user
        save_if_unchanged(report, expected_version=change.expected_version, fields=list(change.values))
    for activity, values in change.progress:
        progress = ActivityProgress.objects.filter(
            report=report, activity=activity
        ).first() or ActivityProgress(report=report, activity=activity)
        for name, value in values.items():
            setattr(progress, name, value)
        progress._history_user = user
        progress.save()
