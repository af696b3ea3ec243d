"""A planner uploads a plan with mistakes, reads the Thai messages, fixes the file and imports it."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

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
    expect(errors).to_have_count(1)  # waits for the answer's page; count() alone raced the navigation
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


def _indicator_file(world, path, edits):
    """The plan's export with the indicator sheet edited: {(row, header): value}."""
    book = load_workbook(io.BytesIO(build_plan_workbook(world.plan, with_data=True)))
    sheet = book[layout.INDICATORS]
    headers = {str(c.value).rstrip(" *"): c.column for c in sheet[1]}
    for (row, header), value in edits.items():
        sheet.cell(row=row, column=headers[header]).value = value
    book.save(path)
    return path


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}],
                         ids=["desktop", "phone"])
def test_a_planner_changes_an_indicators_kind_and_criterion_in_excel(browser, live_server, login, world,
                                                                     tmp_path, viewport):
    """A refused kind names its cell; the fixed file's preview shows the kind and the criterion changing.
    Screenshots go to $WORKBOOK_SHOTS when set (looked at by hand)."""
    import os

    from projects.models import Indicator
    from tests import factories

    shots = os.environ.get("WORKBOOK_SHOTS")
    name = "desktop" if viewport["width"] > 1000 else "phone"
    factories.IndicatorFactory(project=world.project_a, text="ร้อยละของครูที่นำความรู้ไปใช้", display_order=1)
    factories.IndicatorFactory(project=world.project_a, text="ผลการประเมินโรงเรียน", target_value=None,
                               target_unit="", target_text="ระดับดีมาก", kind="text", display_order=2)
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    login(page, "planner1")
    page.goto(f"{live_server.url}/import/")
    page.get_by_role("link", name="นำเข้าแผนจาก Excel").click()

    bad = _indicator_file(world, tmp_path / "แผน.xlsx", {(3, layout.TARGET_KIND.header): "ตัวเลข"})
    page.set_input_files("input[type=file]", str(bad))
    page.get_by_role("button", name="ตรวจสอบไฟล์").click()
    errors = page.locator("#import-errors tbody tr")
    expect(errors).to_have_count(1)  # waits for the answer's page; count() alone raced the navigation
    row = errors.first.inner_text()
    assert "ตัวชี้วัด" in row and "ค่าเป้าหมาย (ตัวเลข)" in row and "ต้องมีค่าเป้าหมายเป็นตัวเลข" in row
    if shots:
        page.screenshot(path=os.path.join(shots, f"errors-{name}.png"), full_page=True)

    good = _indicator_file(world, tmp_path / "แผน.xlsx", {(2, layout.COMPARATOR.header): "≤",
                                                          (3, layout.TARGET_KIND.header): "N/A"})
    page.set_input_files("input[type=file]", str(good))
    page.get_by_role("button", name="ตรวจสอบไฟล์").click()
    updated = page.locator("#import-updated").inner_text()
    assert "เกณฑ์การบรรลุ" in updated and "ไม่น้อยกว่า (≥)" in updated and "ไม่เกิน (≤)" in updated
    assert "ชนิดค่าเป้าหมาย" in updated and "ไม่กำหนดค่าเป้าหมาย (N/A ไม่ประเมิน)" in updated
    if shots:
        page.screenshot(path=os.path.join(shots, f"preview-{name}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    page.get_by_role("button", name="ยืนยันนำเข้า").click()
    assert "นำเข้าเรียบร้อย" in page.locator(".alert-success").inner_text()
    context.close()
    assert sorted(Indicator.objects.filter(project=world.project_a).values_list("kind", "comparator")) == [
        ("na", "gte"), ("number", "lte")]
