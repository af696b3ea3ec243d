"""A planner uploads a plan with mistakes, reads the Thai messages, fixes the file and imports it."""

import io

import pytest
from openpyxl import load_workbook

from projects.models import Project
from projects.workbooks import plan_workbook as layout
from projects.workbooks.plan_workbook import build_plan_workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _plan_file(world, path, amount):
    book = load_workbook(io.BytesIO(build_plan_workbook(world.plan, with_data=False)))
    book[layout.PROJECTS].append(
        ["N01", "โครงการพัฒนาครู", str(world.strategy.number), world.group.name, "owner_a"]
    )
    book[layout.ALLOCATIONS].append(["N01", "งบ สพป.", amount])
    book.save(path)
    return path


def test_it_shows_thai_errors_then_imports_the_fixed_file(page, live_server, login, world, tmp_path):
    login(page, "planner1")
    page.goto(f"{live_server.url}/import/")
    page.get_by_role("link", name="นำเข้าแผนจาก Excel").click()

    page.set_input_files("input[type=file]", str(_plan_file(world, tmp_path / "แผน.xlsx", "12,5OO")))
    page.get_by_role("button", name="ตรวจสอบไฟล์").click()
    errors = page.locator("#import-errors tbody tr")
    assert errors.count() == 1, errors.all_inner_texts()
    row = errors.first.inner_text()
    assert "งบประมาณ" in row and "จำนวนเงิน (บาท)" in row and "12,5OO" in row
    assert "ตัวอักษร O ไม่ใช่เลขศูนย์" in row
    page.screenshot(path=str(tmp_path / "errors.png"), full_page=True)
    assert not Project.objects.filter(code="N01").exists()

    page.set_input_files("input[type=file]", str(_plan_file(world, tmp_path / "แผน.xlsx", "12,500")))
    page.get_by_role("button", name="ตรวจสอบไฟล์").click()
    assert "N01 โครงการพัฒนาครู" in page.locator("#import-created").inner_text()
    page.get_by_role("button", name="ยืนยันนำเข้า").click()
    assert "นำเข้าเรียบร้อย" in page.locator(".alert-success").inner_text()
    project = Project.objects.get(code="N01", action_plan=world.plan)
    assert project.allocations.get().amount == 12500
