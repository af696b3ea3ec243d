"""Issue #17, done when: reference 004's budget table entered through finance's page, and through its
Excel, prints 318,223,938.00 / 317,489,822.56 / 734,115.44 / 99.77 % (selector output and page HTML).
Also: readers see the table without the form, bad input is a Thai message and nothing is written,
a save from an older page is refused, and the workbook's errors name their sheet, row and column."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from budget.models import OfficeBudget, OfficeBudgetLine
from budget.office_budget import office_budget_of_plan
from budget.office_budget_services import field_name
from plans.thai_formats import format_money, format_percent, to_thai_digits
from tests import factories
from tests.budget import reference_004 as ref
from tests.support.html_forms import the_form

PAGE = reverse("budget:office_budget")


@pytest.fixture
def plan_2565(world):
    return factories.ActionPlanFactory(office=world.office, fiscal_year=factories.fiscal_year(2565),
                                       development_plan=world.plan.development_plan)


def _typed(amount):
    """As finance types it: "18,497,700.00"."""
    return f"{amount:,.2f}"


def _004_form_values():
    values = {"as_of": "30/09/2565"}
    for category, amounts in ref.LINES.items():
        for name, amount in zip(("allocated", "disbursed", "committed"), amounts, strict=True):
            values[field_name(category, name)] = _typed(amount) if name != "committed" else ""
    return values


def _text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def _total_row(html):
    return re.search(r'id="office-budget-total">(.*?)</tr>', html).group(1)


def _printed_total(table):
    return (format_money(table.total.allocated, digits="arabic"), format_money(table.total.disbursed, digits="arabic"),
            format_money(table.total.remaining, digits="arabic"), format_percent(table.total.percent, digits="arabic"))


def _check_004_printed(client, plan):
    table = office_budget_of_plan(plan)
    assert _printed_total(table) == ref.TOTAL
    html = _text(client.get(PAGE, {"year": 2565}))
    total = _total_row(html)
    for figure in ref.TOTAL:  # the page prints Thai digits
        assert to_thai_digits(figure) in total, (figure, total)
    assert "ไม่รวมในยอดรวม" in re.search(r'id="office-budget-central">(.*?)</tr>', html).group(1)
    assert to_thai_digits("30 กันยายน พ.ศ. 2565") in html
    assert "ไม่ใช่ผลรวมงบประมาณของโครงการ" in html  # the page says which money this is


def test_004_entered_through_the_finance_page_prints_its_totals(client, world, plan_2565):
    client.force_login(world.finance)
    form = the_form(client.get(PAGE, {"year": 2565}), containing="as_of")
    response = client.post(form.action, form.data(**_004_form_values()))
    assert response.status_code == 302, response.context["form"].errors
    _check_004_printed(client, plan_2565)
    client.force_login(world.director)  # the director reads it too
    _check_004_printed(client, plan_2565)


def _workbook_with_004(client, be_year=2565, **changes):
    """The downloaded workbook, filled in as finance would (Excel numbers, the date as text)."""
    response = client.get(reverse("imports:office_budget_export"), {"year": be_year})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    info, sheet = book["ข้อมูลทั่วไป"], book["งบประมาณตามงบรายจ่าย"]
    info["B3"] = "30/09/2565"
    labels = {"personnel": "งบบุคลากร", "operating": "งบดำเนินงาน", "investment": "งบลงทุน",
              "subsidy": "งบเงินอุดหนุน", "other": "งบรายจ่ายอื่น", "central": "งบกลาง"}
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, 8)}
    for category, (allocated, disbursed, _) in ref.LINES.items():
        row = rows[labels[category]]
        sheet.cell(row=row, column=2, value=float(allocated))  # Excel keeps numbers as floats
        sheet.cell(row=row, column=3, value=float(disbursed))
    for cell, value in changes.items():
        (info if cell.startswith("info!") else sheet)[cell.split("!")[-1]] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _upload(client, data, be_year=2565):
    return client.post(f"{reverse('imports:office_budget_upload')}?year={be_year}",
                       {"file": SimpleUploadedFile("budget.xlsx", data)})


def test_004_entered_through_the_excel_prints_its_totals(client, world, plan_2565):
    client.force_login(world.finance)
    response = _upload(client, _workbook_with_004(client))
    assert response.status_code == 302, _text(response)[-3000:]
    preview = client.get(response.url)
    assert to_thai_digits("734,115.44") in _text(preview)  # the preview shows what will be printed
    assert not OfficeBudget.objects.exists()  # nothing saved before the confirmation
    form = the_form(preview, containing="version")
    confirmed = client.post(form.action, form.data())
    assert confirmed.status_code == 302
    _check_004_printed(client, plan_2565)
    assert "นำเข้าจาก Excel: budget.xlsx" in OfficeBudget.objects.get().history.first().history_change_reason


def test_a_workbook_with_errors_names_sheet_row_and_column_and_saves_nothing(client, world, plan_2565):
    client.force_login(world.finance)
    data = _workbook_with_004(client, **{"C3": 99999999.0, "B4": "สิบล้าน", "info!B2": 2566, "D5": 1e13,
                                         "A6": "งบพิเศษ"})
    response = _upload(client, data)
    assert response.status_code == 200
    errors = response.context["check"].errors
    where = {(p.sheet, p.row, p.column) for p in errors}
    assert ("ข้อมูลทั่วไป", 2, "ค่า") in where  # the wrong year
    assert ("งบประมาณตามงบรายจ่าย", 4, "ได้รับจัดสรร (บาท)") in where  # not a number
    assert ("งบประมาณตามงบรายจ่าย", 5, "ผูกพัน PO (บาท)") in where  # more than the column holds
    assert ("งบประมาณตามงบรายจ่าย", 6, "งบรายจ่าย") in where  # no such category
    assert any("ไม่ใช่" in p.message or "อักขระ" in p.message for p in errors)
    assert not OfficeBudget.objects.exists() and not OfficeBudgetLine.objects.exists()


def test_a_workbook_over_its_allocation_is_refused_at_its_cell(client, world, plan_2565):
    client.force_login(world.finance)
    response = _upload(client, _workbook_with_004(client, C2=19000000.0))  # งบบุคลากร disbursed > allocated
    errors = response.context["check"].errors
    assert [(p.sheet, p.row, p.column) for p in errors] == [("งบประมาณตามงบรายจ่าย", 2, "เบิกจ่าย (บาท)")]
    assert "เกินงบประมาณที่ได้รับจัดสรร" in errors[0].message
    assert not OfficeBudget.objects.exists()


def test_a_confirmation_after_someone_else_saved_is_refused(client, world, plan_2565):
    client.force_login(world.finance)
    preview = client.get(_upload(client, _workbook_with_004(client)).url)
    form = the_form(preview, containing="version")
    client.force_login(world.planner)
    page = the_form(client.get(PAGE, {"year": 2565}), containing="as_of")
    client.post(page.action, page.data(as_of="31/03/2565", personnel_allocated="100"))
    client.force_login(world.finance)
    response = client.post(form.action, form.data())
    assert response.status_code == 200
    assert "ถูกบันทึกโดยผู้อื่น" in _text(response)
    assert list(OfficeBudgetLine.objects.values_list("allocated", flat=True)) == [100]


@pytest.mark.parametrize(("field", "value", "words"), [
    ("operating_allocated", "9" * 13, "มากเกินกว่าที่รับได้"),
    ("operating_allocated", "1" + "0" * 40, "มากเกินกว่าที่รับได้"),
    ("operating_allocated", "-5", "ต้องไม่ติดลบ"),
    ("operating_allocated", "12.345", "ทศนิยมเกิน 2 ตำแหน่ง"),
    ("operating_allocated", "สิบบาท", "ไม่ใช่ตัวเลข"),
    ("operating_disbursed", "26,611,017.00", "เกินงบประมาณที่ได้รับจัดสรร"),
    ("as_of", "31/02/2565", "ไม่มีวันที่ 31"),
    ("as_of", "01/10/2565", "ไม่อยู่ในปีงบประมาณ พ.ศ. 2565"),
    ("reason", "ก" * 2001, "2000"),
    ("version", "9" * 30, ""),
])
def test_bad_input_is_a_thai_message_and_writes_nothing(client, world, plan_2565, field, value, words):
    client.force_login(world.finance)
    form = the_form(client.get(PAGE, {"year": 2565}), containing="as_of")
    response = client.post(form.action, form.data(**{**_004_form_values(), field: value}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and words in " ".join(errors[field]), errors
    assert not OfficeBudget.objects.exists()


def test_a_save_from_an_older_page_is_refused(client, world, plan_2565):
    client.force_login(world.finance)
    old = the_form(client.get(PAGE, {"year": 2565}), containing="as_of")
    assert client.post(old.action, old.data(**_004_form_values())).status_code == 302
    response = client.post(old.action, old.data(**{**_004_form_values(), "personnel_allocated": "18,500,000.00"}))
    assert response.status_code == 200
    assert "ถูกแก้ไขโดยผู้อื่น" in _text(response)
    assert OfficeBudgetLine.objects.get(category="personnel").allocated == ref.LINES["personnel"][0]


def test_readers_see_the_table_but_no_form(client, world, plan_2565):
    client.force_login(world.owner_a)
    response = client.get(PAGE, {"year": 2565})
    assert response.status_code == 200
    assert 'id="office-budget-form"' not in response.content.decode()
    assert client.post(f"{PAGE}?year=2565", _004_form_values()).status_code == 403


def test_a_file_that_is_not_xlsx_is_refused_in_thai(client, world, plan_2565):
    client.force_login(world.finance)
    response = client.post(f"{reverse('imports:office_budget_upload')}?year=2565",
                           {"file": SimpleUploadedFile("budget.xls", b"not a workbook")})
    assert response.status_code == 200
    assert "ไม่รองรับ" in " ".join(response.context["form"].errors["file"])
    assert not OfficeBudget.objects.exists()
