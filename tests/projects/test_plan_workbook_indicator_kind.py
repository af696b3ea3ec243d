"""The plan workbook carries an indicator's target kind and criterion (ชนิดค่าเป้าหมาย, เกณฑ์การบรรลุ):
written on export, read on import with the indicator form's rules, shown in the preview, written with
history; workbooks from the older template (without the two columns) still import."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from plans import comparator_words
from plans.models import Comparator
from projects.models import Indicator, IndicatorTargetKind
from projects.workbooks import indicator_kinds
from projects.workbooks import plan_workbook as layout
from projects.workbooks.cells import CellError
from projects.workbooks.plan_import import PlanImportInvalid, check_plan_import, plan_import_apply
from projects.workbooks.plan_import.read import _comparator, _target_kind
from projects.workbooks.plan_workbook import build_plan_workbook
from tests import factories

KIND = layout.TARGET_KIND.header
CRITERION = layout.COMPARATOR.header


def _sheet(data, name=layout.INDICATORS):
    return load_workbook(io.BytesIO(data))[name]


def _rows(data):
    sheet = _sheet(data)
    headers = [str(c.value).rstrip(" *") for c in sheet[1]]
    return [dict(zip(headers, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def _edit(data, edits):
    """edits: {(row, header): value} on the indicator sheet."""
    book = load_workbook(io.BytesIO(data))
    ws = book[layout.INDICATORS]
    headers = {str(c.value).rstrip(" *"): c.column for c in ws[1]}
    for (row, header), value in edits.items():
        ws.cell(row=row, column=headers[header]).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _append(data, rows):
    """rows: [{header: value}] appended to the indicator sheet."""
    book = load_workbook(io.BytesIO(data))
    ws = book[layout.INDICATORS]
    headers = {str(c.value).rstrip(" *"): c.column for c in ws[1]}
    for values in rows:
        row = ws.max_row + 1
        for header, value in values.items():
            ws.cell(row=row, column=headers[header]).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _check(world, data):
    return check_plan_import(action_plan=world.plan, file_name="plan.xlsx", data=data)


def _apply(world, data):
    return plan_import_apply(action_plan=world.plan, file_name="plan.xlsx", data=data, user=world.planner)


@pytest.fixture
def kinds(world):
    """project_a with one indicator of each kind, and one stored before kinds existed (number, text only)."""
    p = world.project_a
    make = factories.IndicatorFactory
    return {
        "at_least": make(project=p, text="ครูผ่านการอบรม", display_order=1),
        "at_most": make(project=p, text="นักเรียนออกกลางคัน", target_value=Decimal("2"), comparator="lte",
                        display_order=2),
        "text": make(project=p, text="ผลการประเมิน", target_value=None, target_unit="", target_text="ระดับดีมาก",
                     kind="text", comparator="eq", display_order=3),
        "na": make(project=p, text="ตัวชี้วัดใหม่", target_value=None, target_unit="", target_text="N/A",
                   kind="na", display_order=4),
        "na_with_target": make(project=p, text="ยกเลิกการประเมิน", target_value=Decimal("50"), kind="na",
                               display_order=5),
        "legacy": make(project=p, text="ตัวชี้วัดเดิม", target_value=None, target_unit="", target_text="ร้อยละ 80",
                       display_order=6),
    }


# --- the shared words --------------------------------------------------------------------------


def test_one_table_of_comparator_words_serves_both_workbooks_and_the_printed_signs():
    from projects.models import Indicator as ProjectIndicator
    from projects.workbooks import devplan_workbook

    assert devplan_workbook.COMPARATOR_WORDS is comparator_words.TYPED
    for value, label in Comparator.choices:
        assert comparator_words.TYPED[str(label)] == value
        assert comparator_words.TYPED[comparator_words.WORDS[value]] == value
        assert comparator_words.TYPED[comparator_words.SIGNS[value]] == value
    assert ProjectIndicator(comparator="lte").comparator_sign == "≤"
    for value, label in IndicatorTargetKind.choices:
        assert indicator_kinds.TARGET_KIND_TYPED[str(label)] == value


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("ตัวเลข", "number"), (" ตัว เลข ", "number"), ("number", "number"), ("NUMBER", "number"),
        ("ตัวเลข (เทียบกับค่าเป้าหมาย)", "number"),
        ("ข้อความ", "text"), ("text", "text"), ("ข้อความ (ผลต้องตรงกับค่าเป้าหมาย)", "text"),
        ("ไม่ประเมิน", "na"), ("N/A", "na"), ("n/a", "na"), ("na", "na"), ("ไม่กำหนดค่าเป้าหมาย", "na"),
        ("ไม่กำหนดค่าเป้าหมาย (N/A ไม่ประเมิน)", "na"),
        (None, None), ("  ", None),
    ],
)
def test_each_spelling_of_a_kind_is_read(typed, kind):
    assert _target_kind(typed) == kind


@pytest.mark.parametrize(
    ("typed", "comparator"),
    [
        ("ไม่น้อยกว่า", "gte"), ("≥", "gte"), (">=", "gte"), ("> =", "gte"), ("ไม่ต่ำกว่า", "gte"), ("ขึ้นไป", "gte"),
        ("ไม่น้อยกว่า (≥)", "gte"), ("gte", "gte"),
        ("ไม่เกิน", "lte"), ("≤", "lte"), ("<=", "lte"), ("ไม่มากกว่า", "lte"), ("ไม่เกิน (≤)", "lte"),
        ("เท่ากับ", "eq"), ("=", "eq"), ("เท่ากับ (=)", "eq"), ("EQ", "eq"),
        (None, None), ("", None),
    ],
)
def test_each_spelling_of_a_criterion_is_read(typed, comparator):
    assert _comparator(typed) == comparator


@pytest.mark.parametrize(("reader", "typed", "what"), [(_target_kind, "ร้อยละ", "ชนิดค่าเป้าหมาย"),
                                                       (_comparator, "มากกว่า", "เกณฑ์การบรรลุ")])
def test_an_unknown_word_is_refused_with_the_words_to_type(reader, typed, what):
    with pytest.raises(CellError) as refused:
        reader(typed)
    message = str(refused.value)
    assert f"ไม่พบ{what} “{typed}”" in message
    assert ("“ตัวเลข”, “ข้อความ”, “ไม่ประเมิน”" if reader is _target_kind else "“ไม่น้อยกว่า”, “ไม่เกิน”, “เท่ากับ”") in message


# --- export and round trip ----------------------------------------------------------------------


def test_the_export_writes_each_indicators_kind_and_criterion_in_words(world, kinds):
    rows = _rows(build_plan_workbook(world.plan, with_data=True))
    assert [(r[layout.INDICATOR_TEXT.header], r[KIND], r[CRITERION]) for r in rows] == [
        ("ครูผ่านการอบรม", "ตัวเลข", "ไม่น้อยกว่า"),
        ("นักเรียนออกกลางคัน", "ตัวเลข", "ไม่เกิน"),
        ("ผลการประเมิน", "ข้อความ", "เท่ากับ"),
        ("ตัวชี้วัดใหม่", "ไม่ประเมิน", "ไม่น้อยกว่า"),
        ("ยกเลิกการประเมิน", "ไม่ประเมิน", "ไม่น้อยกว่า"),
        # Stored "number" before kinds existed, judged as text: the export says what the rule applies.
        ("ตัวชี้วัดเดิม", "ข้อความ", "ไม่น้อยกว่า"),
    ]
    template = _sheet(build_plan_workbook(world.plan, with_data=False))
    assert [c.value for c in template[1]][-2:] == [KIND, CRITERION]
    assert "ว่างไว้ = ตัวเลข" in template.cell(row=1, column=7).comment.text
    assert "ว่างไว้ = ไม่น้อยกว่า" in template.cell(row=1, column=8).comment.text
    intro = [c.value for (c,) in _sheet(build_plan_workbook(world.plan, with_data=False), layout.INSTRUCTIONS)
             .iter_rows(max_col=1)]
    assert any(line and line.startswith("12. ตัวชี้วัด: ชนิดค่าเป้าหมาย") for line in intro)


def test_export_then_import_changes_nothing_and_writes_no_history(world, kinds):
    data = build_plan_workbook(world.plan, with_data=True)
    check = _check(world, data)
    assert check.errors == [] and check.warnings == []
    assert check.created == [] and check.updated == []
    entries = Indicator.history.count()
    _apply(world, data)
    assert Indicator.history.count() == entries


# --- import: what is typed, what a blank means ---------------------------------------------------


def test_typed_kinds_and_criteria_are_imported_and_a_second_import_changes_nothing(world):
    code = world.project_a.code
    data = _append(build_plan_workbook(world.plan, with_data=False), [
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 1, "ตัวชี้วัด": "ก", "ค่าเป้าหมาย (ตัวเลข)": "๘๐", "หน่วยนับ": "ร้อยละ",
         KIND: "ตัวเลข", CRITERION: "≥"},
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 2, "ตัวชี้วัด": "ข", "ค่าเป้าหมาย (ตัวเลข)": 3, "หน่วยนับ": "คน",
         KIND: "number", CRITERION: "<="},
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 3, "ตัวชี้วัด": "ค", "ค่าเป้าหมาย (ตัวเลข)": 100, "หน่วยนับ": "ร้อยละ",
         CRITERION: "เท่ากับ"},
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 4, "ตัวชี้วัด": "ง", "ค่าเป้าหมาย (ข้อความ)": "ระดับดี", KIND: "ข้อความ"},
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 5, "ตัวชี้วัด": "จ", "ค่าเป้าหมาย (ข้อความ)": "มีคู่มือ"},
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 6, "ตัวชี้วัด": "ฉ", KIND: "N/A"},
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 7, "ตัวชี้วัด": "ช", "ค่าเป้าหมาย (ข้อความ)": "n/a"},
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 8, "ตัวชี้วัด": "ซ", "ค่าเป้าหมาย (ตัวเลข)": 5, "หน่วยนับ": "แห่ง",
         KIND: "ไม่ประเมิน"},
    ])
    check = _check(world, data)
    assert check.errors == [] and len(check.created) == 8
    _apply(world, data)
    stored = [(i.text, i.kind, i.comparator, i.target_text) for i in world.project_a.indicators.all()]
    assert stored == [
        ("ก", "number", "gte", ""),
        ("ข", "number", "lte", ""),
        ("ค", "number", "eq", ""),  # blank kind with a number: ตัวเลข
        ("ง", "text", "gte", "ระดับดี"),
        ("จ", "text", "gte", "มีคู่มือ"),  # blank kind, text only: ข้อความ; blank criterion: ไม่น้อยกว่า
        ("ฉ", "na", "gte", "N/A"),  # ไม่ประเมิน without a target is stored "N/A", as the form does
        ("ช", "na", "gte", "n/a"),  # blank kind, text "N/A": ไม่ประเมิน
        ("ซ", "na", "gte", ""),
    ]
    assert Indicator.history.filter(history_type="+", history_user=world.planner).count() == 8
    again = _check(world, build_plan_workbook(world.plan, with_data=True))
    assert again.errors == [] and again.updated == [] and again.created == []
    again = _check(world, data)
    assert again.errors == [] and again.updated == [] and again.created == []


def test_a_changed_kind_and_criterion_show_in_the_preview_and_are_written_with_history(world, kinds):
    data = _edit(build_plan_workbook(world.plan, with_data=True), {
        (2, CRITERION): "ไม่เกิน",  # ครูผ่านการอบรม: ≥ → ≤
        (5, KIND): "ข้อความ",  # ตัวชี้วัดใหม่: ไม่ประเมิน → ข้อความ (target text "N/A" kept)
        (5, "ค่าเป้าหมาย (ข้อความ)"): "ผ่านเกณฑ์",
        (3, KIND): "ไม่ประเมิน",  # นักเรียนออกกลางคัน: ตัวเลข → ไม่ประเมิน
    })
    check = _check(world, data)
    assert check.errors == []
    shown = {c.label: [(f.label, f.old_shown, f.new_shown) for f in c.fields] for c in check.updated}
    code = world.project_a.code
    assert shown == {
        f"{code} ตัวชี้วัดที่ 1": [("เกณฑ์การบรรลุ", "ไม่น้อยกว่า (≥)", "ไม่เกิน (≤)")],
        f"{code} ตัวชี้วัดที่ 2": [("ชนิดค่าเป้าหมาย", "ตัวเลข (เทียบกับค่าเป้าหมาย)", "ไม่กำหนดค่าเป้าหมาย (N/A ไม่ประเมิน)")],
        f"{code} ตัวชี้วัดที่ 4": [
            ("ค่าเป้าหมาย (ข้อความ)", "N/A", "ผ่านเกณฑ์"),
            ("ชนิดค่าเป้าหมาย", "ไม่กำหนดค่าเป้าหมาย (N/A ไม่ประเมิน)", "ข้อความ (ผลต้องตรงกับค่าเป้าหมาย)"),
        ],
    }
    _apply(world, data)
    first, second, new = (Indicator.objects.get(pk=kinds[k].pk) for k in ("at_least", "at_most", "na"))
    assert (first.comparator, second.kind, new.kind, new.target_text) == ("lte", "na", "text", "ผ่านเกณฑ์")
    entry = first.history.first()
    assert entry.history_type == "~" and entry.history_user == world.planner
    assert entry.prev_record.comparator == "gte"
    assert second.history.first().prev_record.kind == "number"


# --- refusals: sheet, row, column, what to type; nothing written ---------------------------------


def _one_error(world, data):
    check = _check(world, data)
    [error] = check.errors
    with pytest.raises(PlanImportInvalid):
        _apply(world, data)
    return error


@pytest.mark.parametrize(
    ("row", "typed", "column", "says"),
    [
        # ตัวเลข without a numeric target.
        (4, {KIND: "ตัวเลข"}, "ค่าเป้าหมาย (ตัวเลข)",
         "ชนิดค่าเป้าหมาย “ตัวเลข” ต้องมีค่าเป้าหมายเป็นตัวเลข กรอกตัวเลขในคอลัมน์ “ค่าเป้าหมาย (ตัวเลข)” เช่น 80"),
        # ข้อความ with a numeric target.
        (2, {KIND: "ข้อความ"}, KIND,
         "ชนิดค่าเป้าหมาย “ข้อความ” ใช้กับค่าเป้าหมายที่เป็นข้อความ แต่แถวนี้มีค่าเป้าหมาย (ตัวเลข) 80 "
         "ให้ลบตัวเลขออกแล้วกรอกใน “ค่าเป้าหมาย (ข้อความ)” หรือเปลี่ยนชนิดค่าเป้าหมายเป็น “ตัวเลข”"),
        # ข้อความ without a text target.
        (4, {KIND: "ข้อความ", "ค่าเป้าหมาย (ข้อความ)": None}, "ค่าเป้าหมาย (ข้อความ)",
         "ชนิดค่าเป้าหมาย “ข้อความ” ต้องมีค่าเป้าหมายเป็นข้อความ กรอกในคอลัมน์ “ค่าเป้าหมาย (ข้อความ)” เช่น ระดับดีมาก"),
        # A blank kind and no target at all.
        (4, {KIND: None, "ค่าเป้าหมาย (ข้อความ)": None}, "ค่าเป้าหมาย (ตัวเลข)",
         "ตัวชี้วัดต้องมีค่าเป้าหมาย กรอกค่าเป้าหมาย (ตัวเลข) หรือค่าเป้าหมาย (ข้อความ) อย่างใดอย่างหนึ่ง "
         "ถ้าไม่กำหนดค่าเป้าหมาย ให้ใส่ “ไม่ประเมิน” ในคอลัมน์ “ชนิดค่าเป้าหมาย”"),
        # A number without its unit (the indicator form refuses it too).
        (2, {"หน่วยนับ": None}, "หน่วยนับ",
         "ค่าเป้าหมาย 80 ยังไม่มีหน่วยนับ กรอกในคอลัมน์ “หน่วยนับ” เช่น ร้อยละ คน โรงเรียน"),
        (2, {KIND: "ร้อยละ"}, KIND, "ไม่พบชนิดค่าเป้าหมาย “ร้อยละ” ให้เลือกจากรายการ เช่น “ตัวเลข”, “ข้อความ”, “ไม่ประเมิน”"),
        (2, {CRITERION: "> 80"}, CRITERION,
         "ไม่พบเกณฑ์การบรรลุ “> 80” ให้เลือกจากรายการ เช่น “ไม่น้อยกว่า”, “ไม่เกิน”, “เท่ากับ”, “≥”, “≤”, “=”"),
    ],
)
def test_a_kind_that_does_not_fit_the_targets_is_refused_where_it_is(world, kinds, row, typed, column, says):
    before = list(Indicator.objects.order_by("pk").values_list("kind", "comparator", "target_value", "target_text"))
    data = _edit(build_plan_workbook(world.plan, with_data=True), {(row, h): v for h, v in typed.items()})
    error = _one_error(world, data)
    assert (error.sheet, error.row, error.column) == (layout.INDICATORS, row, column)
    assert error.message.startswith(says), error.message
    after = list(Indicator.objects.order_by("pk").values_list("kind", "comparator", "target_value", "target_text"))
    assert after == before


def test_a_criterion_of_at_most_on_a_text_target_is_a_warning_not_a_refusal(world, kinds):
    data = _edit(build_plan_workbook(world.plan, with_data=True), {(4, CRITERION): "ไม่เกิน"})
    check = _check(world, data)
    assert check.errors == []
    [warning] = check.warnings
    assert (warning.sheet, warning.row, warning.column) == (layout.INDICATORS, 4, CRITERION)
    assert "ตัวชี้วัดชนิดข้อความจะบรรลุเมื่อผลตรงกับค่าเป้าหมาย" in warning.message


# --- the older template -------------------------------------------------------------------------


def _older_template(data):
    """The file as the template made it before the two columns (they were the last two)."""
    book = load_workbook(io.BytesIO(data))
    ws = book[layout.INDICATORS]
    assert [c.value for c in ws[1]][-2:] == [KIND, CRITERION]
    ws.delete_cols(7, 2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_from_the_older_template_still_imports(world, kinds):
    data = _older_template(build_plan_workbook(world.plan, with_data=True))
    check = _check(world, data)
    # Stored kinds and criteria are what the file would have said: nothing changes, no warning.
    assert check.errors == [] and check.warnings == [] and check.updated == []
    code = world.project_a.code
    data = _append(data, [
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 7, "ตัวชี้วัด": "ใหม่ตัวเลข", "ค่าเป้าหมาย (ตัวเลข)": 10, "หน่วยนับ": "คน"},
        {"รหัสโครงการ": code, "ลำดับตัวชี้วัด": 8, "ตัวชี้วัด": "ใหม่ข้อความ", "ค่าเป้าหมาย (ข้อความ)": "มีรายงาน"},
    ])
    # A changed target: the kind follows it, as the indicator form does; the criterion stays.
    data = _edit(data, {(3, "ค่าเป้าหมาย (ตัวเลข)"): None, (3, "หน่วยนับ"): None,
                        (3, "ค่าเป้าหมาย (ข้อความ)"): "ลดลง"})
    check = _check(world, data)
    assert check.errors == []
    assert [(f.label, f.new_shown) for c in check.updated for f in c.fields if f.label == "ชนิดค่าเป้าหมาย"] == [
        ("ชนิดค่าเป้าหมาย", "ข้อความ (ผลต้องตรงกับค่าเป้าหมาย)")
    ]
    _apply(world, data)
    at_most = Indicator.objects.get(pk=kinds["at_most"].pk)
    assert (at_most.kind, at_most.comparator, at_most.target_text) == ("text", "lte", "ลดลง")
    assert Indicator.objects.get(pk=kinds["na_with_target"].pk).kind == "na"  # ไม่ประเมิน stays
    assert [(i.kind, i.comparator) for i in Indicator.objects.filter(text__startswith="ใหม่").order_by("pk")] == [
        ("number", "gte"), ("text", "gte"),
    ]
