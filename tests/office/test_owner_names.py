"""Owners are named by their real names (issue #15): the plan workbook writes and reads names,
and a name that fits more than one person is refused with the candidates listed."""

import io

import pytest
from openpyxl import load_workbook

from plans.people_lookup import find_person
from projects.workbooks import plan_workbook as layout
from projects.workbooks.plan_import import check_plan_import, plan_import_apply
from projects.workbooks.plan_workbook import build_plan_workbook
from tests import factories

pytestmark = pytest.mark.django_db


def _owners_cell(data, code, value=None):
    """The owners cell of project `code`; with `value`, the workbook with that cell changed."""
    book = load_workbook(io.BytesIO(data))
    sheet = book[layout.PROJECTS]
    headers = {str(c.value).rstrip(" *"): c.column for c in sheet[1]}
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == code)
    cell = row[headers[layout.OWNERS.header] - 1]
    if value is None:
        return cell.value
    cell.value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def named(world):
    for user, first, last in ((world.owner_a, "นางสาวสมศรี", "ใจดี"), (world.owner_b, "นายสมชาย", "ใจดี")):
        user.first_name, user.last_name = first, last
        user.save()
    return world


def test_the_export_writes_names_and_the_username(named):
    cell = _owners_cell(build_plan_workbook(named.plan, with_data=True), named.project_b.code)
    assert cell == "นายสมชาย ใจดี (owner_b)"


def test_an_owner_typed_by_name_is_found(named):
    data = _owners_cell(build_plan_workbook(named.plan, with_data=True), named.project_b.code, "สมศรี ใจดี")
    plan_import_apply(action_plan=named.plan, file_name="p.xlsx", data=data, user=named.planner)
    assert list(named.project_b.owners.all()) == [named.owner_a]


def test_an_ambiguous_name_is_refused_with_the_candidates(named):
    factories.MembershipFactory(
        user=factories.UserFactory(username="somsri2", first_name="นางสมศรี", last_name="มีสุข"), office=named.office
    )
    data = _owners_cell(build_plan_workbook(named.plan, with_data=True), named.project_b.code, "สมศรี")
    check = check_plan_import(action_plan=named.plan, file_name="p.xlsx", data=data)
    [error] = check.errors
    assert "มีบุคลากรหลายคนตรงกับ “สมศรี”" in error.message
    assert "นางสาวสมศรี ใจดี (owner_a)" in error.message and "นางสมศรี มีสุข (somsri2)" in error.message


def test_a_person_of_another_office_is_not_found(named):
    data = _owners_cell(build_plan_workbook(named.plan, with_data=True), named.project_b.code, "planner2")
    [error] = check_plan_import(action_plan=named.plan, file_name="p.xlsx", data=data).errors
    assert "ไม่พบบุคลากรในหน่วยงานที่มีชื่อ ชื่อผู้ใช้ หรืออีเมล “planner2”" in error.message


def test_a_username_wins_over_a_name():
    class U:
        def __init__(self, username, first, last=""):
            self.username, self.first_name, self.last_name, self.email = username, first, last, ""

    users = [U("somchai", "นายวิชัย"), U("vichai", "นายสมชาย")]
    assert find_person(users, "somchai").user.username == "somchai"
    assert find_person(users, "สมชาย").user.username == "vichai"
    assert find_person(users, "นาย สมชาย").user.username == "vichai"
    assert "ไม่พบบุคลากร" in find_person(users, "มานะ").error
