"""The plan template: Thai headers, one sheet per kind, drop-down lists, an instructions sheet."""

import io

from openpyxl import load_workbook

from projects.workbooks import plan_workbook as layout
from projects.workbooks.plan_workbook import build_plan_workbook
from tests import factories


def _book(world, with_data=False):
    return load_workbook(io.BytesIO(build_plan_workbook(world.plan, with_data=with_data)))


def test_it_has_an_instructions_sheet_and_a_sheet_per_kind_with_thai_headers(world):
    book = _book(world)
    assert book.sheetnames == [layout.INSTRUCTIONS, *layout.SHEETS, layout.ALIGNMENT_CODES, layout.LISTS]
    headers = [c.value for c in book[layout.PROJECTS][1]]
    assert headers[:4] == ["รหัสโครงการ *", "ชื่อโครงการ *", "กลยุทธ์ที่ *", "กลุ่มที่รับผิดชอบ *"]
    instructions = "\n".join(str(r[0].value) for r in book[layout.INSTRUCTIONS].iter_rows() if r[0].value)
    assert "ลำดับกิจกรรม" in instructions and "คงไว้ตามเดิม" in instructions
    assert book[layout.LISTS].sheet_state == "hidden"


def test_it_offers_drop_downs_of_the_offices_groups_strategies_sources_and_people(world):
    book = _book(world)
    lists = {c.value for row in book[layout.LISTS].iter_rows(min_row=2) for c in row if c.value}
    # People by their real name, with the username that matches them exactly (issue #15).
    people = {f"{world.owner_a.first_name} (owner_a)", f"{world.planner.first_name} (planner1)"}
    assert {world.group.name, "งบ สพป.", *people} <= lists
    assert f"{world.strategy.number} {world.strategy.title}" in lists
    assert "planner2" not in lists  # another office's people are not offered
    formulas = {v.formula1 for v in book[layout.PROJECTS].data_validations.dataValidation}
    assert any(layout.LISTS in f and "$A$2" in f for f in formulas)  # groups


def test_it_exports_activities_numbered_as_the_import_matches_them(world):
    main = factories.ActivityFactory(project=world.project_a, title="หลัก", display_order=5)
    factories.ActivityFactory(project=world.project_a, title="ย่อย", parent=main, display_order=1)
    factories.ActivityFactory(project=world.project_a, title="หลักที่สอง", display_order=9)
    rows = list(_book(world, with_data=True)[layout.ACTIVITIES].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2]) for r in rows] == [("1", "หลัก"), ("1.1", "ย่อย"), ("2", "หลักที่สอง")]
