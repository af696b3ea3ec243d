"""Bulk add from the people workbook: preview → confirm, all or nothing (issue #15)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from office import people_sheet as layout
from office.people_import import PeopleImportInvalid, check_people_import, people_import_apply
from office.people_sheet import build_people_workbook
from plans.models import Membership, Role

pytestmark = pytest.mark.django_db


def _book(office, rows, members=()):
    book = load_workbook(io.BytesIO(build_people_workbook(office, members=members)))
    sheet = book[layout.SHEET]
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(username, first="สมหญิง", group="", roles="", email=""):
    return [username, "นางสาว", first, "รักเรียน", "ศึกษานิเทศก์", email, group, roles]


def test_it_previews_then_adds_people_with_temporary_passwords(client, world):
    data = _book(world.office, [_row("somying", group=world.group.abbreviation, roles="การเงิน, ผู้บริหาร"),
                                _row("malee", first="มาลี")])
    client.force_login(world.planner)
    upload = client.post(reverse("office:people_upload"), {"file": _named(data)})
    preview = client.get(upload.url).content.decode()
    assert "somying" in preview and "malee" in preview
    assert not Membership.objects.filter(user__username="somying").exists()
    fingerprint = preview.split('name="fingerprint" value="')[1].split('"')[0]
    done = client.post(upload.url + "confirm/", {"fingerprint": fingerprint})
    assert done.url == reverse("office:people_upload")
    somying = Membership.objects.get(user__username="somying")
    assert (somying.group, somying.roles) == (world.group, [Role.FINANCE, Role.DIRECTOR])
    assert somying.user.get_full_name() == "นางสาวสมหญิง รักเรียน"
    page = client.get(reverse("office:people_upload")).content.decode()
    assert "added-passwords" in page and "malee" in page
    assert "added-passwords" not in client.get(reverse("office:people_upload")).content.decode()


def _named(data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("people.xlsx", data)


def test_an_exported_sheet_edited_updates_the_person(world):
    members = Membership.objects.filter(office=world.office).select_related("user", "group")
    book = load_workbook(io.BytesIO(build_people_workbook(world.office, members=members)))
    sheet = book[layout.SHEET]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "owner_b":
            row[4].value = "ผู้อำนวยการกลุ่มนิเทศ"
    buffer = io.BytesIO()
    book.save(buffer)
    check = check_people_import(office=world.office, file_name="p.xlsx", data=buffer.getvalue())
    assert check.ok, check.errors
    assert [c.code for c in check.updated] == ["owner_b"]
    assert len(check.created) == 0
    people_import_apply(office=world.office, file_name="p.xlsx", data=buffer.getvalue(), user=world.planner)
    assert Membership.objects.get(user=world.owner_b).position == "ผู้อำนวยการกลุ่มนิเทศ"


def test_it_refuses_the_whole_file_for_one_bad_row(world):
    data = _book(world.office, [
        _row("good"),
        _row("planner2"),  # taken in another office
        _row("bad", group="กลุ่มที่ไม่มี"),
        _row("bad2", roles="หัวหน้าใหญ่"),
        _row("bad3", email="not-an-email"),
        _row("good"),
    ])
    check = check_people_import(office=world.office, file_name="p.xlsx", data=data)
    messages = " ".join(p.message for p in check.errors)
    assert "ชื่อผู้ใช้ “planner2” มีผู้ใช้แล้ว" in messages
    assert "ไม่พบกลุ่ม “กลุ่มที่ไม่มี”" in messages
    assert "ไม่พบบทบาท “หัวหน้าใหญ่”" in messages
    assert "อีเมลไม่ถูกต้อง" in messages
    assert "ซ้ำกับแถว" in messages
    with pytest.raises(PeopleImportInvalid):
        people_import_apply(office=world.office, file_name="p.xlsx", data=data, user=world.planner)
    assert not Membership.objects.filter(user__username="good").exists()


def test_overlong_cells_are_refused_not_cut(world):
    data = _book(world.office, [["x" * 151, "", "ก" * 101, "", "ข" * 201, "", "", ""]])
    check = check_people_import(office=world.office, file_name="p.xlsx", data=data)
    assert {p.column for p in check.errors} == {"ชื่อผู้ใช้", "ชื่อ", "ตำแหน่ง"}
