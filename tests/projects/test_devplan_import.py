"""The development plan workbook: export → import round trip, edits, Thai errors with sheet/row/column,
nothing partial, and the upload → preview → confirm pages."""

import io
from decimal import Decimal as D

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from plans import devplan_services as services
from plans.models import Strategy, StrategyGoal, StrategyIndicator, StrategyIndicatorResult
from projects.workbooks.devplan_import import DevplanImportInvalid, check_devplan_import, devplan_import_apply
from projects.workbooks.devplan_workbook import build_devplan_workbook
from tests import factories

pytestmark = pytest.mark.django_db


def fields(**changes):
    base = {"code": "1.1", "text": "ร้อยละของผู้เรียน", "goal": None, "approach": None, "parent": None,
            "kind": "percent", "comparator": "gte", "unit": "ร้อยละ", "level_scale": "", "baseline_be_year": 2565,
            "baseline_value": D("70"), "baseline_text": "", "responsible_group": None, "display_order": 0}
    return {**base, **changes}


@pytest.fixture
def plan():
    strategy = factories.StrategyFactory(number=1, title="ยกระดับคุณภาพ")
    group = factories.GroupFactory(office=strategy.development_plan.office, abbreviation="กนต.")
    goal = services.strategy_part_save(model=StrategyGoal, strategy=strategy, number=1, text="ผู้เรียนมีคุณภาพ")
    services.indicator_save(strategy=strategy, typed_targets={2566: "75", 2567: "80"},
                            **fields(goal=goal, responsible_group=group))
    parent = services.indicator_save(strategy=strategy, typed_targets={}, **fields(code="2.4", kind="mean",
                                                                                    baseline_value=None))
    kid = services.indicator_save(strategy=strategy, typed_targets={2567: "51"},
                                  **fields(code="2.4.1", kind="mean", parent=parent, baseline_value=D("49")))
    services.indicator_save(strategy=strategy, typed_targets={2567: "ดีเยี่ยม"},
                            **fields(code="3.1", kind="level", level_scale="ดี\nดีมาก\nดีเยี่ยม", baseline_value=None,
                                     baseline_text="ดี"))
    services.result_save(indicator=kid, be_year=2567, typed="52.5", source="สทศ.")
    return strategy.development_plan


def apply(plan, data):
    return devplan_import_apply(plan=plan, file_name="plan.xlsx", data=data)


def edited(data, sheet, cell, value):
    book = load_workbook(io.BytesIO(data))
    book[sheet][cell] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def column_of(data, sheet, header):
    book = load_workbook(io.BytesIO(data))
    for cell in book[sheet][1]:
        if str(cell.value).rstrip(" *") == header:
            return cell.column_letter
    raise AssertionError(header)


def test_an_exported_plan_imports_back_unchanged(plan):
    data = build_devplan_workbook(plan, with_data=True)
    check = check_devplan_import(plan=plan, file_name="plan.xlsx", data=data)
    assert check.ok, [str(p) for p in check.errors]
    assert not check.has_writes, [(c.label, [(f.label, f.old, f.new) for f in c.fields]) for c in check.changes
                                  if c.action != "same"]


def test_a_changed_target_and_a_new_result_are_imported(plan):
    data = build_devplan_workbook(plan, with_data=True)
    data = edited(data, "ตัวชี้วัด", f"{column_of(data, 'ตัวชี้วัด', 'เป้าหมาย 2567')}2", "85")
    book = load_workbook(io.BytesIO(data))
    book["ผลรายปี"].append([1, "1.1", "", 2567, "86", "DMC", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    check = apply(plan, buffer.getvalue())
    assert len(check.updated) == 1 and len(check.created) == 1
    indicator = StrategyIndicator.objects.get(code="1.1")
    assert indicator.targets.get(be_year=2567).value == D("85.00")
    assert StrategyIndicatorResult.objects.get(indicator=indicator).value == D("86.00")


def test_the_template_fills_an_empty_plan(plan):
    empty = factories.DevelopmentPlanFactory(office=plan.office, title="แผนใหม่")
    factories.GroupFactory(office=plan.office, abbreviation="กนผ.")
    data = build_devplan_workbook(plan, with_data=True)  # another plan's rows, as a filled-in template
    check = apply(empty, data)
    assert len(check.created) >= 6
    kid = StrategyIndicator.objects.get(strategy__development_plan=empty, code="2.4.1")
    assert kid.parent.code == "2.4" and kid.targets.get(be_year=2567).value == D("51.00")
    assert StrategyIndicator.objects.get(strategy__development_plan=empty, code="1.1").goal.number == 1
    assert StrategyIndicatorResult.objects.get(indicator=kid).value == D("52.50")


def test_errors_name_sheet_row_and_column_in_thai_and_nothing_is_written(plan):
    data = build_devplan_workbook(plan, with_data=True)
    data = edited(data, "ตัวชี้วัด", f"{column_of(data, 'ตัวชี้วัด', 'เป้าหมาย 2568')}2", "เก้าสิบ")
    data = edited(data, "ตัวชี้วัด", f"{column_of(data, 'ตัวชี้วัด', 'เป้าหมาย 2567')}5", "เยี่ยม")
    data = edited(data, "ตัวชี้วัด", f"{column_of(data, 'ตัวชี้วัด', 'ตัวชี้วัด')}2", "แก้ชื่อแล้ว")
    data = edited(data, "กลยุทธ์", "B2", "ชื่อใหม่ที่ไม่ควรถูกบันทึก")
    with pytest.raises(DevplanImportInvalid) as invalid:
        apply(plan, data)
    errors = {(p.sheet, p.row, p.column): p.message for p in invalid.value.check.errors}
    assert "ค่าเป้าหมายปี 2568 “เก้าสิบ” ต้องเป็นตัวเลข" in errors[("ตัวชี้วัด", 2, "เป้าหมาย 2568")]
    assert "ไม่อยู่ในลำดับขั้นของระดับ" in errors[("ตัวชี้วัด", 5, "เป้าหมาย 2567")]
    assert Strategy.objects.get(development_plan=plan).title == "ยกระดับคุณภาพ"
    assert StrategyIndicator.objects.get(code="1.1").text == "ร้อยละของผู้เรียน"


def test_unknown_references_are_errors(plan):
    data = build_devplan_workbook(plan, with_data=True)
    book = load_workbook(io.BytesIO(data))
    book["ตัวชี้วัด"].append([9, "9.1", "", "ใหม่", "ร้อยละ"])
    book["ตัวชี้วัด"].append([1, "5.1", "5", "ย่อยของที่ไม่มี", "ร้อยละ"])
    book["ผลรายปี"].append([1, "2.4", "", 2567, "50"])
    book["ผลรายปี"].append([1, "1.1", "", 2599, "50"])
    buffer = io.BytesIO()
    book.save(buffer)
    check = check_devplan_import(plan=plan, file_name="plan.xlsx", data=buffer.getvalue())
    messages = [str(p) for p in check.errors]
    assert any("ไม่พบกลยุทธ์ที่ 9" in m for m in messages)
    assert any("ไม่พบตัวชี้วัดหลัก “5”" in m for m in messages)
    assert any("กรุณากรอกผลที่ตัวชี้วัดย่อยแต่ละตัว" in m for m in messages)
    assert any("ปี 2599 ไม่อยู่ในช่วงของแผน" in m for m in messages)


def test_upload_preview_confirm_pages(client, world):
    plan = world.plan.development_plan
    StrategyIndicator.objects.create(strategy=world.strategy, code="1.1", text="ร้อยละ", kind="percent")
    data = build_devplan_workbook(plan, with_data=True)
    data = edited(data, "ตัวชี้วัด", f"{column_of(data, 'ตัวชี้วัด', 'เป้าหมาย 2567')}2", "90")
    client.force_login(world.planner)
    upload = io.BytesIO(data)
    upload.name = "แผนพัฒนา.xlsx"
    response = client.post(reverse("imports:devplan_upload", args=[plan.pk]), {"file": upload})
    assert response.status_code == 302
    preview = client.get(response.url)
    html = preview.content.decode()
    assert "เป้าหมาย ๒๕๖๗" in html and "ยืนยันนำเข้า" in html
    assert not StrategyIndicator.objects.get().targets.exists()
    confirm = client.post(response.url + "confirm/", {"fingerprint": preview.context["check"].fingerprint})
    assert confirm.status_code == 302
    assert StrategyIndicator.objects.get().targets.get(be_year=2567).value == D("90.00")
