"""The shared alignment catalogue kept from the versioned data file (issue #15)."""

import io
import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from plans.catalogue import parse_alignment
from plans.models import AlignmentItem

pytestmark = pytest.mark.django_db

FILE = settings.BASE_DIR / "catalogue" / "2567.json"


def _load(path, *extra):
    out = io.StringIO()
    call_command("load_catalogue", str(path), *extra, stdout=out)
    return out.getvalue()


def test_it_loads_the_file_once_and_a_second_run_changes_nothing():
    first = _load(FILE)
    assert "เพิ่ม 41 แก้ไข 0 คงเดิม 0" in first
    sub = AlignmentItem.objects.get(kind="sub_plan", code="12.1")
    assert sub.parent.code == "12" and sub.parent.parent.code == "3"
    assert AlignmentItem.objects.get(kind="obec_policy", code="3").be_year == 2567
    assert "เพิ่ม 0 แก้ไข 0 คงเดิม 41" in _load(FILE)


def test_a_dry_run_writes_nothing_and_a_changed_title_is_updated(tmp_path):
    assert "(ทดลอง ไม่บันทึก) รุ่น 2567.1: เพิ่ม 41" in _load(FILE, "--dry-run")
    assert not AlignmentItem.objects.exists()
    _load(FILE)
    data = json.loads(FILE.read_text(encoding="utf-8"))
    data["items"][0]["title"] = "ยุทธศาสตร์ชาติด้านความมั่นคง (ปรับปรุง)"
    del data["items"][-1]
    changed = tmp_path / "c.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    output = _load(changed)
    assert "แก้ไข 1" in output and "ไม่อยู่ในไฟล์ (คงไว้): MOE:2" in output
    assert AlignmentItem.objects.filter(kind="ministry_policy", code="2").exists()


def test_a_bad_file_is_refused_whole(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"items": [
        {"kind": "national_strategy", "code": "1", "title": "ก"},
        {"kind": "galaxy", "code": "2", "title": "ข"},
        {"kind": "sub_plan", "code": "9.9", "title": "ค", "parent": {"kind": "master_plan", "code": "99"}},
        {"kind": "obec_policy", "code": "1", "title": "ง", "be_year": 67},
    ]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        _load(bad)
    message = str(refused.value)
    assert "ไม่มีประเภท “galaxy”" in message and "ไม่พบรายการแม่ master_plan 99" in message
    assert "ปีต้องเป็น พ.ศ." in message
    assert not AlignmentItem.objects.exists()


def test_workbook_codes_are_read_with_the_year_and_bad_ones_explained():
    _load(FILE)
    items = list(AlignmentItem.objects.filter(be_year__isnull=True) | AlignmentItem.objects.filter(be_year=2567))
    found, errors = parse_alignment("NS:3, mp:12; SP:12.1, OBEC:3", items)
    assert [(i.kind, i.code) for i in found] == [
        ("national_strategy", "3"), ("master_plan", "12"), ("sub_plan", "12.1"), ("obec_policy", "3")]
    found, errors = parse_alignment("MP12, XX:1, OBEC:9", items)
    assert len(errors) == 3 and "ให้เขียนเป็น ประเภท:รหัส เช่น MP:12" in errors[0]
    assert "ไม่พบ “OBEC:9”" in errors[2]


def test_the_plan_workbook_carries_the_alignment_both_ways(world):
    from openpyxl import load_workbook

    from projects.workbooks import plan_workbook as layout
    from projects.workbooks.plan_import import check_plan_import, plan_import_apply
    from projects.workbooks.plan_workbook import build_plan_workbook

    _load(FILE)
    project = world.project_a
    project.alignment.set([AlignmentItem.objects.get(kind="master_plan", code="12")])
    data = build_plan_workbook(world.plan, with_data=True)
    book = load_workbook(io.BytesIO(data))
    sheet = book[layout.PROJECTS]
    headers = {str(c.value).rstrip(" *"): c.column for c in sheet[1]}
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == project.code)
    cell = row[headers[layout.ALIGNMENT.header] - 1]
    assert cell.value == "MP:12"
    assert [r[0] for r in book[layout.ALIGNMENT_CODES].iter_rows(min_row=2, max_row=3, values_only=True)] == [
        "NS:1", "NS:2"]
    assert check_plan_import(action_plan=world.plan, file_name="p.xlsx", data=data).updated == []
    cell.value = "NS:3, SP:12.1, OBEC:3"
    changed = io.BytesIO()
    book.save(changed)
    check = plan_import_apply(action_plan=world.plan, file_name="p.xlsx", data=changed.getvalue(), user=world.planner)
    assert [f.label for f in check.updated[0].fields] == [layout.ALIGNMENT.header]
    assert sorted((i.kind, i.code) for i in project.alignment.all()) == [
        ("national_strategy", "3"), ("obec_policy", "3"), ("sub_plan", "12.1")]
    assert "ความสอดคล้อง (รหัส): MP:12 → NS:3, OBEC:3, SP:12.1" in project.history.first().history_change_reason
    cell.value = "MP:99"
    bad = io.BytesIO()
    book.save(bad)
    [error] = check_plan_import(action_plan=world.plan, file_name="p.xlsx", data=bad.getvalue()).errors
    assert "ไม่พบ “MP:99”" in error.message
