"""Property tests: random and malformed cells never cause a server error or a partial import."""

import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from budget.models import Allocation
from projects.models import Activity, Project
from projects.workbooks import cells as cells
from projects.workbooks import plan_workbook as layout
from projects.workbooks.plan_import import PlanImportInvalid, check_plan_import, plan_import_apply
from projects.workbooks.plan_workbook import build_plan_workbook

SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

safe_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
cell_values = st.one_of(
    st.none(),
    safe_text,
    st.integers(min_value=-(10**16), max_value=10**16),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.booleans(),
    st.sampled_from(
        [
            "12,5OO",
            "๑๒,๕๐๐",
            " 1,000.00 ",
            "=SUM(A1:A3)",
            "31/02/2567",
            "✓",
            "1.1",
            "0.0",
            "-5",
            "1,00,0",
            "2.1",
            "กลยุทธ์ที่ 99",
            "owner_a, nobody",
            "P000",
            "  ",
        ]
    ),
)


@pytest.mark.parametrize("kind", ["money", "number", "whole_number", "be_date", "yes_no", "text"])
@SETTINGS
@given(value=cell_values)
def test_it_parses_any_cell_or_explains_why_not(kind, value):
    try:
        result = getattr(cells, kind)(value)
    except cells.CellError as error:
        assert str(error)
        return
    if kind == "money" and result is not None:
        assert isinstance(result, Decimal) and result >= 0 and result == result.quantize(Decimal("0.01"))


def _state():
    return (
        sorted(Project.objects.values_list("code", "title", "version")),
        sorted(Allocation.objects.values_list("project_id", "amount")),
        Activity.objects.count(),
        Project.history.count() + Allocation.history.count() + Activity.history.count(),
    )


def _workbook_with(world, sheet, row, column, value):
    book = load_workbook(io.BytesIO(build_plan_workbook(world.plan, with_data=True)))
    target = book[sheet]
    while target.max_row < row:
        target.append([world.project_a.code])
    target.cell(row=row, column=column, value=value)
    out = io.BytesIO()
    try:
        book.save(out)
    except Exception:  # openpyxl cannot write some values (e.g. years before 1900): not our input
        assume(False)
    return out.getvalue()


@SETTINGS
@given(data=st.data())
def test_it_never_errors_and_never_imports_part_of_a_file(world, data):
    sheet = data.draw(st.sampled_from(list(layout.SHEETS)))
    column = data.draw(st.integers(min_value=1, max_value=len(layout.SHEETS[sheet]) + 1))
    row = data.draw(st.integers(min_value=1, max_value=4))
    value = data.draw(cell_values)
    content = _workbook_with(world, sheet, row, column, value)
    check = check_plan_import(action_plan=world.plan, file_name="p.xlsx", data=content)
    before = _state()
    try:
        plan_import_apply(action_plan=world.plan, file_name="p.xlsx", data=content, user=world.planner)
    except PlanImportInvalid as invalid:
        assert invalid.check.errors and not check.ok
        assert _state() == before
    else:
        assert check.ok


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(min_value=0, max_value=10**6), garbage=st.binary(min_size=1, max_size=64))
def test_it_refuses_damaged_files_without_a_server_error(world, position, garbage):
    original = build_plan_workbook(world.plan, with_data=True)
    position %= len(original)
    damaged = original[:position] + garbage + original[position + len(garbage) :]
    check = check_plan_import(action_plan=world.plan, file_name="p.xlsx", data=damaged)
    assert all(str(problem) for problem in check.problems)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_it_answers_any_upload_without_a_server_error(client, world, data):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    sheet = data.draw(st.sampled_from(list(layout.SHEETS)))
    column = data.draw(st.integers(min_value=1, max_value=len(layout.SHEETS[sheet])))
    content = _workbook_with(world, sheet, 2, column, data.draw(cell_values))
    client.force_login(world.planner)
    response = client.post(reverse("imports:plan_upload"), {"file": SimpleUploadedFile("p.xlsx", content)})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert client.get(response.url).status_code == 200


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.integers(min_value=1, max_value=17), value=cell_values)
def test_it_reads_any_results_cell_or_lists_the_problem(world, column, value):
    from projects.models import QuarterlyReport
    from projects.workbooks.results_import import (
        ResultsImportInvalid,
        results_import_apply,
    )
    from projects.workbooks.results_workbook import (
        build_results_workbook,
        report_sheet_name,
    )

    book = load_workbook(io.BytesIO(build_results_workbook(world.planner, world.plan, 1)))
    book[report_sheet_name(1)].cell(row=2, column=column, value=value)
    out = io.BytesIO()
    try:
        book.save(out)
    except Exception:
        assume(False)
    before = list(QuarterlyReport.objects.values_list("pk", "version"))
    try:
        results_import_apply(
            user=world.planner, action_plan=world.plan, quarter=1, file_name="q.xlsx", data=out.getvalue()
        )
    except ResultsImportInvalid as invalid:
        assert invalid.check.errors
        assert list(QuarterlyReport.objects.values_list("pk", "version")) == before
