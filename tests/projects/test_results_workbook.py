"""Quarterly results out to Excel and back: drafts filled, locked reports and others' rows refused."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from plans.models import ReportingWindow
from projects.models import ActivityProgress, ProgressStatus, QuarterlyReport, ReportState
from projects.workbooks.results_import import (
    ResultsImportInvalid,
    check_results_import,
    results_import_apply,
)
from projects.workbooks.results_workbook import (
    ACTIVITIES_SHEET,
    SPENT,
    STATUS,
    build_results_workbook,
    report_sheet_name,
)
from tests import factories


@pytest.fixture
def open_windows(world):
    """Owners write through the sheet only while a quarter's window is open (as on the web form)."""
    for quarter in range(1, 5):
        ReportingWindow.objects.create(action_plan=world.plan, quarter=quarter, deadline=datetime.date(2024, 9, 30))


def _codes(data, quarter=1):
    book = load_workbook(io.BytesIO(data), read_only=True)
    return [row[0] for row in book[report_sheet_name(quarter)].iter_rows(min_row=2, values_only=True)]


def _fill(data, values_by_code, quarter=1, activity_rows=()):
    """values_by_code: {code: {header: value}}; activity_rows: extra rows for the activity sheet."""
    book = load_workbook(io.BytesIO(data))
    sheet = book[report_sheet_name(quarter)]
    headers = {str(c.value).rstrip(" *"): c.column for c in sheet[1]}
    for row in sheet.iter_rows(min_row=2):
        for header, value in values_by_code.get(row[0].value, {}).items():
            sheet.cell(row=row[0].row, column=headers[header], value=value)
    activities = book[ACTIVITIES_SHEET]
    for values in activity_rows:
        for row in activities.iter_rows(min_row=2):
            if (row[0].value, row[1].value) == values[:2]:
                row[3].value, row[4].value = values[2], values[3]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _import(user, plan, data, quarter=1):
    return results_import_apply(user=user, action_plan=plan, quarter=quarter, file_name="q.xlsx", data=data)


def test_it_gives_an_owner_only_their_projects_and_a_planner_all(world):
    assert _codes(build_results_workbook(world.owner_a, world.plan, 1)) == [world.project_a.code]
    assert set(_codes(build_results_workbook(world.planner, world.plan, 1))) == {
        world.project_a.code,
        world.project_b.code,
    }


def test_it_fills_a_new_draft_report_with_activity_progress(world, open_windows):
    activity = factories.ActivityFactory(project=world.project_a, title="อบรมครู")
    data = build_results_workbook(world.owner_a, world.plan, 2)
    data = _fill(
        data,
        {
            world.project_a.code: {
                STATUS.header: "อยู่ระหว่างดำเนินการ",
                SPENT.header: "๑๒,๕๐๐.๕๐",
                "ผลการดำเนินงาน": "อบรมแล้ว 40 คน ",
            }
        },
        quarter=2,
        activity_rows=[(world.project_a.code, "1", "ดำเนินการเสร็จสิ้นแล้ว", "ครบทุกโรงเรียน")],
    )
    _import(world.owner_a, world.plan, data, quarter=2)
    report = QuarterlyReport.objects.get(project=world.project_a, quarter=2)
    assert report.state == ReportState.DRAFT
    assert report.status == ProgressStatus.IN_PROGRESS
    assert report.spent_amount == Decimal("12500.50")
    assert report.results == "อบรมแล้ว 40 คน"
    assert report.history.first().history_user == world.owner_a
    progress = ActivityProgress.objects.get(report=report, activity=activity)
    assert (progress.status, progress.text) == (ProgressStatus.COMPLETED, "ครบทุกโรงเรียน")


def test_it_changes_nothing_when_the_export_comes_back_unchanged(world):
    factories.QuarterlyReportFactory(
        project=world.project_a, quarter=1, results="เดิม", spent_amount=Decimal("10")
    )
    data = build_results_workbook(world.planner, world.plan, 1)
    check = check_results_import(
        user=world.planner, action_plan=world.plan, quarter=1, file_name="q.xlsx", data=data
    )
    assert check.errors == [] and check.refusals == []
    assert not check.has_writes


@pytest.mark.parametrize("state", [ReportState.ACCEPTED, ReportState.SUBMITTED])
def test_it_never_overwrites_a_submitted_or_accepted_report_and_lists_it(world, state):
    report = factories.QuarterlyReportFactory(
        project=world.project_a, quarter=1, state=state, results="รับแล้ว"
    )
    data = _fill(
        build_results_workbook(world.planner, world.plan, 1),
        {
            world.project_a.code: {"ผลการดำเนินงาน": "แก้จากไฟล์"},
            world.project_b.code: {"ผลการดำเนินงาน": "ของโครงการ B"},
        },
    )
    check = _import(world.planner, world.plan, data)
    [refusal] = check.refusals
    assert world.project_a.code in str(refusal) and report.get_state_display() in str(refusal)
    report.refresh_from_db()
    assert report.results == "รับแล้ว"
    assert QuarterlyReport.objects.get(project=world.project_b, quarter=1).results == "ของโครงการ B"


def test_it_refuses_and_lists_rows_of_projects_the_owner_does_not_own(world, open_windows):
    data = _fill(
        build_results_workbook(world.planner, world.plan, 1),
        {
            world.project_a.code: {"ผลการดำเนินงาน": "ของ A"},
            world.project_b.code: {"ผลการดำเนินงาน": "แอบแก้ของ B"},
        },
    )
    check = _import(world.owner_a, world.plan, data)
    assert [r.value for r in check.refusals] == [world.project_b.code]
    assert "ไม่ใช่โครงการที่คุณรับผิดชอบ" in str(check.refusals[0])
    assert not QuarterlyReport.objects.filter(project=world.project_b).exists()
    assert QuarterlyReport.objects.get(project=world.project_a).results == "ของ A"


def test_it_refuses_a_row_whose_report_changed_after_the_download(world):
    report = factories.QuarterlyReportFactory(project=world.project_a, quarter=1, results="ก่อน")
    data = _fill(
        build_results_workbook(world.owner_a, world.plan, 1),
        {world.project_a.code: {"ผลการดำเนินงาน": "จากไฟล์"}},
    )
    report.results = "แก้ในระบบ"
    report.version += 1
    report.save()
    check = _import(world.owner_a, world.plan, data)
    assert "ถูกแก้ไขในระบบหลังจากดาวน์โหลด" in str(check.refusals[0])
    report.refresh_from_db()
    assert report.results == "แก้ในระบบ"


def test_it_updates_a_returned_report_and_bumps_its_version(world):
    report = factories.QuarterlyReportFactory(project=world.project_a, quarter=1, state=ReportState.RETURNED)
    data = _fill(
        build_results_workbook(world.owner_a, world.plan, 1),
        {world.project_a.code: {"ปัญหาและอุปสรรค": "งบล่าช้า"}},
    )
    _import(world.owner_a, world.plan, data)
    report.refresh_from_db()
    assert (report.problems, report.state, report.version) == ("งบล่าช้า", ReportState.RETURNED, 2)


def test_it_refuses_the_whole_file_when_an_amount_cannot_be_read(world):
    data = _fill(
        build_results_workbook(world.planner, world.plan, 1),
        {
            world.project_a.code: {SPENT.header: "12,5OO"},
            world.project_b.code: {"ผลการดำเนินงาน": "ของ B"},
        },
    )
    with pytest.raises(ResultsImportInvalid) as raised:
        _import(world.planner, world.plan, data)
    [error] = raised.value.check.errors
    assert error.column == SPENT.header and "12,5OO" in str(error)
    assert not QuarterlyReport.objects.exists()


def test_it_says_which_quarter_a_file_belongs_to(world):
    data = build_results_workbook(world.planner, world.plan, 2)
    check = check_results_import(
        user=world.planner, action_plan=world.plan, quarter=1, file_name="q.xlsx", data=data
    )
    assert "ผลไตรมาส 2" in str(check.errors[0])


def test_it_makes_no_draft_for_rows_left_blank(world):
    factories.ActivityFactory(project=world.project_a)
    data = build_results_workbook(world.planner, world.plan, 3)
    check = check_results_import(
        user=world.planner, action_plan=world.plan, quarter=3, file_name="q.xlsx", data=data
    )
    assert check.errors == [] and not check.has_writes


def test_it_does_not_complain_about_an_accepted_report_the_file_leaves_as_it_is(world):
    factories.QuarterlyReportFactory(
        project=world.project_a, quarter=1, state=ReportState.ACCEPTED, results="ok"
    )
    data = build_results_workbook(world.owner_a, world.plan, 1)
    check = check_results_import(
        user=world.owner_a, action_plan=world.plan, quarter=1, file_name="q.xlsx", data=data
    )
    assert check.refusals == [] and not check.has_writes


def test_it_lets_an_owner_upload_preview_and_confirm_their_quarter(client, world, open_windows):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(world.owner_a)
    data = _fill(
        build_results_workbook(world.planner, world.plan, 1),
        {world.project_a.code: {"ผลการดำเนินงาน": "ของ A"}, world.project_b.code: {"ผลการดำเนินงาน": "ของ B"}},
    )
    response = client.post(
        reverse("imports:results_upload", kwargs={"quarter": 1}),
        {"file": SimpleUploadedFile("q1.xlsx", data)},
    )
    page = client.get(response.url).content.decode()
    assert "แถวที่ระบบไม่นำเข้า" in page and "ไม่ใช่โครงการที่คุณรับผิดชอบ" in page
    fingerprint = client.get(response.url).context["check"].fingerprint
    client.post(response.url + "confirm/", {"fingerprint": fingerprint})
    assert QuarterlyReport.objects.get(project=world.project_a).results == "ของ A"
    assert not QuarterlyReport.objects.filter(project=world.project_b).exists()
