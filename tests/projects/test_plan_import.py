"""Plan workbook round trips: export → import, changes, errors, nothing half-written."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from budget.models import Allocation
from projects.models import Activity, Project
from projects.workbooks import plan_workbook as layout
from projects.workbooks.plan_import import PlanImportInvalid, check_plan_import, plan_import_apply
from projects.workbooks.plan_workbook import build_plan_workbook
from tests import factories


def _export(plan):
    return build_plan_workbook(plan, with_data=True)


def _edit(data, sheet, edits):
    """edits: {(row, header): value} on the named sheet; returns new bytes."""
    book = load_workbook(io.BytesIO(data))
    ws = book[sheet]
    headers = {str(c.value).rstrip(" *"): c.column for c in ws[1]}
    for (row, header), value in edits.items():
        ws.cell(row=row, column=headers[header], value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rows_of(data, sheet):
    book = load_workbook(io.BytesIO(data))
    return list(book[sheet].iter_rows(values_only=True))


@pytest.fixture
def filled(world):
    """project_a with two activities, an indicator, an allocation and a spending plan."""
    p = world.project_a
    factories.ActivityFactory(project=p, title="อบรมครู", planned_q1=True)
    factories.ActivityFactory(project=p, title="นิเทศติดตาม", planned_q2=True)
    factories.IndicatorFactory(project=p, text="ครูร้อยละ 80 ผ่านการอบรม")
    factories.AllocationFactory(project=p, amount=Decimal("12500.50"))
    factories.SpendingPlanFactory(project=p, quarter=1, amount=Decimal("5000"))
    return world


def test_it_changes_nothing_when_the_export_comes_back_unchanged(filled):
    data = _export(filled.plan)
    check = check_plan_import(action_plan=filled.plan, file_name="plan.xlsx", data=data)
    assert check.errors == []
    assert check.created == [] and check.updated == []
    assert len(check.unchanged) == 2 + 2 + 1 + 1 + 1  # projects, activities, indicator, allocation, Q1 plan
    histories = [model.history.count() for model in (Project, Activity, Allocation)]
    plan_import_apply(action_plan=filled.plan, file_name="plan.xlsx", data=data, user=filled.planner)
    assert [model.history.count() for model in (Project, Activity, Allocation)] == histories


def test_it_updates_exactly_the_changed_allocation_and_leaves_an_audit_entry(filled):
    data = _export(filled.plan)
    allocations = _rows_of(data, layout.ALLOCATIONS)
    row = next(i for i, r in enumerate(allocations, start=1) if r[0] == filled.project_a.code)
    changed = _edit(data, layout.ALLOCATIONS, {(row, layout.AMOUNT.header): "15,000"})
    check = check_plan_import(action_plan=filled.plan, file_name="plan.xlsx", data=changed)
    assert [(c.sheet, c.label) for c in check.updated] == [
        (layout.ALLOCATIONS, f"{filled.project_a.code} งบ สพป.")
    ]
    plan_import_apply(action_plan=filled.plan, file_name="plan.xlsx", data=changed, user=filled.planner)
    allocation = Allocation.objects.get(project=filled.project_a)
    assert allocation.amount == Decimal("15000")
    latest = allocation.history.first()
    assert latest.history_type == "~" and latest.history_user == filled.planner
    assert Project.history.filter(history_type="~").count() == 0


def test_it_imports_a_filled_template_and_a_second_import_changes_nothing(filled):
    data = build_plan_workbook(filled.plan, with_data=False)
    data = _edit(
        data,
        layout.PROJECTS,
        {
            (2, "รหัสโครงการ"): "N01",
            (2, "ชื่อโครงการ"): "โครงการใหม่ ",
            (2, "กลยุทธ์ที่"): str(filled.strategy.number),
            (2, "กลุ่มที่รับผิดชอบ"): filled.group.name,
            (2, "ผู้รับผิดชอบโครงการ"): "owner_a, owner_b",
            (2, "วันเริ่มโครงการ"): "1/10/2566",
        },
    )
    data = _edit(
        data,
        layout.ACTIVITIES,
        {
            (2, "รหัสโครงการ"): "N01",
            (2, "ลำดับกิจกรรม"): "1",
            (2, "ชื่อกิจกรรม"): "ประชุม",
            (2, "ไตรมาส 1"): "✓",
            (3, "รหัสโครงการ"): "N01",
            (3, "ลำดับกิจกรรม"): "1.1",
            (3, "ชื่อกิจกรรม"): "ประชุมย่อย",
        },
    )
    data = _edit(
        data,
        layout.ALLOCATIONS,
        {
            (2, "รหัสโครงการ"): "N01",
            (2, "แหล่งงบประมาณ"): "งบ สพฐ.",
            (2, "จำนวนเงิน (บาท)"): "๑๒,๕๐๐",
        },
    )
    data = _edit(data, layout.SPENDING, {(2, "รหัสโครงการ"): "N01", (2, "ไตรมาส 2 (บาท)"): 12500.5})
    check = check_plan_import(action_plan=filled.plan, file_name="plan.xlsx", data=data)
    assert check.errors == []
    assert len(check.created) == 5
    plan_import_apply(action_plan=filled.plan, file_name="plan.xlsx", data=data, user=filled.planner)
    project = Project.objects.get(action_plan=filled.plan, code="N01")
    assert project.title == "โครงการใหม่"
    assert sorted(u.username for u in project.owners.all()) == ["owner_a", "owner_b"]
    assert project.start_date.year == 2023
    sub = Activity.objects.get(project=project, parent__isnull=False)
    assert sub.parent.title == "ประชุม"
    assert project.allocations.get().amount == Decimal("12500")
    assert project.spending_plan.get(quarter=2).amount == Decimal("12500.50")
    assert project.history.first().history_user == filled.planner
    again = check_plan_import(action_plan=filled.plan, file_name="plan.xlsx", data=data)
    assert again.errors == [] and again.created == [] and again.updated == []


def test_it_refuses_the_whole_file_when_one_cell_is_wrong(filled):
    data = _export(filled.plan)
    data = _edit(data, layout.PROJECTS, {(2, "ชื่อโครงการ"): "ชื่อใหม่"})
    data = _edit(data, layout.ALLOCATIONS, {(2, layout.AMOUNT.header): "12,5OO"})
    check = check_plan_import(action_plan=filled.plan, file_name="plan.xlsx", data=data)
    [error] = check.errors
    assert (error.sheet, error.row, error.column) == (layout.ALLOCATIONS, 2, layout.AMOUNT.header)
    assert "12,5OO" in str(error) and "ไม่ใช่เลขศูนย์" in str(error)
    with pytest.raises(PlanImportInvalid):
        plan_import_apply(action_plan=filled.plan, file_name="plan.xlsx", data=data, user=filled.planner)
    assert not Project.objects.filter(title="ชื่อใหม่").exists()


def test_it_names_both_rows_of_a_duplicate_project_code(filled):
    data = _export(filled.plan)
    data = _edit(data, layout.PROJECTS, {(3, "รหัสโครงการ"): filled.project_a.code})
    check = check_plan_import(action_plan=filled.plan, file_name="plan.xlsx", data=data)
    assert any("ซ้ำกับแถว 2" in str(e) and e.row == 3 for e in check.errors)


def test_it_reads_a_messy_real_world_sheet(world):
    """Thai digits, text numbers, trailing spaces, empty rows, BE dates typed and as date cells, a
    numeric project code, and an extra column (ignored with a warning)."""
    import datetime

    data = build_plan_workbook(world.plan, with_data=False)
    book = load_workbook(io.BytesIO(data))
    projects = book[layout.PROJECTS]
    projects.cell(row=1, column=20, value="หมายเหตุส่วนตัว")
    projects.append(
        [101, "  โครงการ ก  ", f"กลยุทธ์ที่ {world.strategy.number} ", f" {world.group.name} ", "OWNER_A "]
    )
    projects.append([])
    projects.append([None, "   "])
    projects.append(
        [
            "102",
            "โครงการ ข",
            str(world.strategy.number),
            world.group.abbreviation,
            None,
            "๒",
            None,
            None,
            None,
            datetime.datetime(2566, 10, 1),
            "๓๐/๙/๒๕๖๗",
        ]
    )
    book[layout.ACTIVITIES].append(["101", 1.0, "กิจกรรม", "x", None, "ใช่", None, "๕,๐๐๐.๐๐ บาท"])
    book[layout.ALLOCATIONS].append(["101 ", "obec", "12500"])
    out = io.BytesIO()
    book.save(out)
    check = check_plan_import(action_plan=world.plan, file_name="messy.xlsx", data=out.getvalue())
    assert check.errors == []
    assert [(w.sheet, w.column) for w in check.warnings] == [(layout.PROJECTS, "หมายเหตุส่วนตัว")]
    plan_import_apply(action_plan=world.plan, file_name="messy.xlsx", data=out.getvalue(), user=world.planner)
    first = Project.objects.get(action_plan=world.plan, code="101")
    assert first.title == "โครงการ ก" and [u.username for u in first.owners.all()] == ["owner_a"]
    activity = first.activities.get()
    assert activity.planned_quarters == [1, 3] and activity.budget_note == Decimal("5000")
    assert first.allocations.get().amount == Decimal("12500")
    second = Project.objects.get(action_plan=world.plan, code="102")
    assert second.display_order == 2
    assert (second.start_date, second.end_date) == (datetime.date(2023, 10, 1), datetime.date(2024, 9, 30))


def test_it_leaves_an_audit_entry_when_only_the_owners_change(filled):
    data = _edit(_export(filled.plan), layout.PROJECTS, {(2, layout.OWNERS.header): "owner_a, owner_b"})
    code = _rows_of(data, layout.PROJECTS)[1][0]
    plan_import_apply(action_plan=filled.plan, file_name="plan.xlsx", data=data, user=filled.planner)
    project = Project.objects.get(action_plan=filled.plan, code=code)
    assert sorted(u.username for u in project.owners.all()) == ["owner_a", "owner_b"]
    entry = project.history.first()
    assert entry.history_user == filled.planner and "owner_a, owner_b" in entry.history_change_reason


def test_it_tells_a_results_sheet_from_a_plan(world):
    from projects.workbooks.results_workbook import build_results_workbook

    data = build_results_workbook(world.planner, world.plan, 1)
    check = check_plan_import(action_plan=world.plan, file_name="q1.xlsx", data=data)
    assert "แบบรายงานผลการดำเนินงานรายไตรมาส" in str(check.errors[0])
