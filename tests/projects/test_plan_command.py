"""python manage.py import_plan: the same preview and errors as the upload page, for many offices."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from budget.models import Allocation
from projects.workbooks import plan_workbook as layout
from projects.workbooks.plan_workbook import build_plan_workbook
from tests import factories


def _file(world, tmp_path, amount):
    factories.AllocationFactory(project=world.project_a, amount=Decimal("1000"))
    book = load_workbook(io.BytesIO(build_plan_workbook(world.plan, with_data=True)))
    book[layout.ALLOCATIONS].cell(row=2, column=3, value=amount)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return path


def _run(path, world, *extra):
    out = io.StringIO()
    call_command(
        "import_plan",
        str(path),
        "--office",
        world.office.short_name,
        "--year",
        str(world.plan.fiscal_year.be_year),
        *extra,
        stdout=out,
    )
    return out.getvalue()


def test_it_prints_the_preview_and_writes_nothing_on_a_dry_run(world, tmp_path):
    output = _run(_file(world, tmp_path, "2,000"), world, "--dry-run")
    assert "งบประมาณ: เพิ่ม 0 แก้ไข 1" in output and "1,000.00 → 2,000.00" in output
    assert Allocation.objects.get().amount == Decimal("1000")


def test_it_imports_and_records_the_user(world, tmp_path):
    output = _run(_file(world, tmp_path, "2,000"), world, "--user", "planner1")
    assert "นำเข้าเรียบร้อย" in output
    allocation = Allocation.objects.get()
    assert allocation.amount == Decimal("2000")
    assert allocation.history.first().history_user == world.planner


def test_it_prints_errors_and_fails(world, tmp_path):
    with pytest.raises(CommandError, match="ข้อผิดพลาด 1 รายการ"):
        _run(_file(world, tmp_path, "12,5OO"), world)
    assert Allocation.objects.get().amount == Decimal("1000")


def test_it_says_when_the_office_has_no_plan_that_year(world, tmp_path):
    with pytest.raises(CommandError, match="ไม่พบแผนปฏิบัติการปี 2500"):
        call_command(
            "import_plan",
            str(_file(world, tmp_path, "1")),
            "--office",
            world.office.short_name,
            "--year",
            "2500",
        )
