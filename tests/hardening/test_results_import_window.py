"""M1: the Excel results import applies the web form's refusal rule per row, at check and at apply:
an owner writes only while the quarter's window is open (or to fix a returned report)."""

import datetime
from decimal import Decimal

import pytest

from plans.models import ReportingWindow
from projects.models import QuarterlyReport, ReportState
from projects.workbooks.results_import import ResultsImportInvalid, check_results_import, results_import_apply
from projects.workbooks.results_workbook import SPENT, build_results_workbook
from tests.projects.test_results_workbook import _fill


def _file(world, quarter, spent="1,000"):
    data = build_results_workbook(world.owner_a, world.plan, quarter)
    return _fill(data, {world.project_a.code: {SPENT.header: spent}}, quarter=quarter)


def _apply(world, quarter, data):
    return results_import_apply(user=world.owner_a, action_plan=world.plan, quarter=quarter,
                                file_name="q.xlsx", data=data)


def test_an_owner_cannot_create_a_report_of_a_quarter_whose_window_never_opened(world):
    data = _file(world, 4)
    check = check_results_import(user=world.owner_a, action_plan=world.plan, quarter=4,
                                 file_name="q.xlsx", data=data)
    assert not any(c.action != "same" for c in check.changes)
    assert any("ยังไม่เปิดรอบการรายงานไตรมาสที่ 4" in str(r) for r in check.refusals)
    try:
        _apply(world, 4, data)
    except ResultsImportInvalid:
        pass
    assert not QuarterlyReport.objects.filter(project=world.project_a, quarter=4).exists()


def test_an_owner_cannot_edit_a_draft_of_a_closed_quarter(world):
    window = ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=datetime.date(2024, 1, 15))
    report = QuarterlyReport.objects.create(project=world.project_a, quarter=1, spent_amount=Decimal("5"))
    data = _file(world, 1, spent="9,999")
    ReportingWindow.objects.filter(pk=window.pk).update(closed_at=datetime.datetime(2024, 1, 16, tzinfo=datetime.UTC))
    try:
        _apply(world, 1, data)
    except ResultsImportInvalid:
        pass
    report.refresh_from_db()
    assert report.spent_amount == Decimal("5")


def test_an_owner_fixes_a_returned_report_after_the_window_closed_and_writes_while_it_is_open(world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    _apply(world, 2, _file(world, 2, spent="700"))
    assert QuarterlyReport.objects.get(project=world.project_a, quarter=2).spent_amount == Decimal("700")
    QuarterlyReport.objects.create(project=world.project_a, quarter=3, state=ReportState.RETURNED)
    _apply(world, 3, _file(world, 3, spent="300"))
    assert QuarterlyReport.objects.get(project=world.project_a, quarter=3).spent_amount == Decimal("300")


@pytest.mark.parametrize("quarter", [4])
def test_a_planner_may_still_import_any_quarter(world, quarter):
    data = _fill(build_results_workbook(world.planner, world.plan, quarter),
                 {world.project_a.code: {SPENT.header: "50"}}, quarter=quarter)
    results_import_apply(user=world.planner, action_plan=world.plan, quarter=quarter, file_name="q.xlsx", data=data)
    assert QuarterlyReport.objects.get(project=world.project_a, quarter=quarter).spent_amount == Decimal("50")
