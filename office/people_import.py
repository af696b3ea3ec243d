"""Adding many people at once from the people workbook: read → check → preview → apply.

The same machinery as the plan import (projects.workbooks.cells reads and cleans cells,
projects.workbooks.plan_import's RowChange/FieldChange describe the preview, its fingerprint notices a
database that moved between preview and confirm). Applying checks the file again inside one
transaction and writes everything or nothing. People are never removed by an import.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.utils import timezone

from office import people_services
from office import people_sheet as layout
from plans.models import Group, Membership, Office, Role
from projects.models import ImportKind, ImportUpload
from projects.workbooks import cells
from projects.workbooks.cells import CellError, CheckResult, Problem
from projects.workbooks.files import BadFile, Workbook
from projects.workbooks.plan_import import FieldChange, PreviewOutdated, RowChange, preview_fingerprint

__all__ = ["PeopleImportInvalid", "PreviewOutdated", "check_people_import", "people_import_apply"]


class PeopleImportInvalid(Exception):
    def __init__(self, check):
        super().__init__("ไฟล์มีข้อผิดพลาด ระบบยังไม่ได้บันทึกข้อมูลใด")
        self.check = check


@dataclass
class PeopleCheck(CheckResult):
    @property
    def has_writes(self):
        return any(c.action != "same" for c in self.changes)

    @property
    def fingerprint(self):
        return preview_fingerprint(self.changes)


_FIELDS = [
    (layout.USERNAME, "username", 150),
    (layout.TITLE, "title", 50),
    (layout.FIRST_NAME, "first_name", 100),
    (layout.LAST_NAME, "last_name", 150),
    (layout.POSITION, "position", 200),
    (layout.EMAIL, "email", 254),
    (layout.GROUP, "group", 200),
    (layout.ROLES, "roles", 200),
]


class _Checker:
    def __init__(self, office, workbook):
        self.office = office
        self.workbook = workbook
        self.problems = []
        self.groups = list(Group.objects.filter(office=office))
        self.members = {
            m.user.username.casefold(): m
            for m in Membership.objects.filter(office=office).select_related("user", "group")
        }

    def error(self, message, row=None, column="", value=""):
        self.problems.append(Problem(message, sheet=layout.SHEET, row=row, column=column, value=value))

    def run(self):
        sheet = self.workbook.read_sheet(layout.SHEET, self.problems)
        if sheet is None:
            self.error(f"ไม่พบแผ่นงาน “{layout.SHEET}” กรุณาใช้แม่แบบรายชื่อบุคลากรที่ดาวน์โหลดจากระบบ")
            return PeopleCheck(problems=self.problems)
        for column, _name, _length in _FIELDS:
            if column.required and column.header not in sheet.headers:
                self.error(f"ไม่พบคอลัมน์ “{column.header}” ในแถวหัวตาราง (แถวที่ 1) กรุณาใช้หัวตารางตามแม่แบบ",
                           row=1, column=column.header)
        if not self.problems and not sheet.rows:
            self.error("ไม่มีรายชื่อในไฟล์ กรุณากรอกอย่างน้อยหนึ่งแถวใต้หัวตาราง")
        changes, seen = [], {}
        for sheet_row in sheet.rows:
            values = self._read(sheet_row)
            if values is None:
                continue
            key = values["username"].casefold()
            if key in seen:
                self.error(f"ชื่อผู้ใช้ “{values['username']}” ซ้ำกับแถว {seen[key]}", sheet_row.number,
                           layout.USERNAME.header, values["username"])
                continue
            seen[key] = sheet_row.number
            change = self._change(values, sheet_row.number)
            if change is not None:
                changes.append(change)
        return PeopleCheck(problems=self.problems, changes=changes)

    def _read(self, sheet_row):
        values, ok = {}, True
        for column, name, length in _FIELDS:
            raw = sheet_row.values.get(column.header)
            if column.header in sheet_row.formula_columns:
                self.error(cells.FORMULA_WITHOUT_VALUE, sheet_row.number, column.header)
                ok = False
                continue
            try:
                values[name] = cells.text(raw, max_length=length, required=column.required)
            except CellError as problem:
                self.error(str(problem), sheet_row.number, column.header, cells.shown(raw))
                ok = False
        if not ok:
            return None
        row = sheet_row.number
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError:
                self.error("อีเมลไม่ถูกต้อง เช่น somchai@example.go.th", row, layout.EMAIL.header, values["email"])
                ok = False
        values["group"], found = self._group(values["group"], row)
        roles = self._roles(values.pop("roles"), row)
        ok = ok and found and roles is not None
        if not ok:
            return None
        values["role"], values["extra_roles"] = roles[0], roles[1:]
        return values

    def _group(self, text, row):
        if not text:
            return None, True
        key = "".join(text.split()).casefold()
        for group in self.groups:
            if key in {"".join(n.split()).casefold() for n in (group.name, group.short_name, group.abbreviation)}:
                return group, True
        listed = ", ".join(g.abbreviation for g in self.groups) or "(หน่วยงานยังไม่มีกลุ่ม)"
        self.error(f"ไม่พบกลุ่ม “{text}” ให้ใช้ชื่อกลุ่มหรืออักษรย่อ เช่น {listed}", row, layout.GROUP.header, text)
        return None, False

    def _roles(self, text, row):
        tokens = [t.strip() for t in text.replace(";", ",").split(",") if t.strip()] or [str(Role.STAFF.label)]
        roles = []
        for token in tokens:
            try:
                role = cells.choice(token, layout.role_options(), what="บทบาท")
            except CellError as problem:
                self.error(str(problem), row, layout.ROLES.header, token)
                return None
            if role not in roles:
                roles.append(role)
        return roles

    def _change(self, values, row):
        username = values["username"]
        member = self.members.get(username.casefold())
        label = f"{username}: {values['title']}{values['first_name']} {values['last_name']}".strip()
        if member is None:
            try:
                people_services._check_username(username)
            except ValidationError as problem:
                self.error(" ".join(problem.messages), row, layout.USERNAME.header, username)
                return None
            change = RowChange(layout.SHEET, "create", username, label, row, new_values=values)
            for column, name, _length in _FIELDS:
                if name not in ("username", "roles", "title"):
                    change.fields.append(FieldChange(column.header, "", _shown(values[name])))
            change.fields.append(FieldChange(layout.ROLES.header, "", _roles_shown(values)))
            return change
        change = RowChange(layout.SHEET, "same", username, label, row, instance=member, new_values=values)
        old = _current(member)
        for column, name, _length in _FIELDS:
            if name in ("username", "roles"):
                continue
            if _shown(old[name]) != _shown(values[name]):
                change.fields.append(FieldChange(column.header, _shown(old[name]), _shown(values[name])))
        if _roles_shown(old) != _roles_shown(values):
            change.fields.append(FieldChange(layout.ROLES.header, _roles_shown(old), _roles_shown(values)))
        if change.fields:
            change.action = "update"
        return change


def _current(member):
    user = member.user
    first = user.first_name
    if member.title and first.startswith(member.title):
        first = first[len(member.title):]
    return {
        "title": member.title, "first_name": first, "last_name": user.last_name, "position": member.position,
        "email": user.email, "group": member.group, "role": member.role, "extra_roles": list(member.roles[1:]),
    }


def _shown(value):
    if isinstance(value, Group):
        return value.name
    return value or ""


def _roles_shown(values):
    labels = dict(Role.choices)
    return ", ".join(str(labels[r]) for r in [values["role"], *values["extra_roles"]])


def check_people_import(*, office: Office, file_name: str, data: bytes) -> PeopleCheck:
    try:
        return _Checker(office, Workbook(file_name, data)).run()
    except BadFile as error:
        return PeopleCheck(problems=[Problem(str(error))])


def people_import_apply(*, office, file_name, data, user, expected_fingerprint=None):
    """Check again and write all rows or none. Returns (check, [(membership, temporary password)])."""
    try:
        with transaction.atomic():
            Office.objects.select_for_update().get(pk=office.pk)
            check = check_people_import(office=office, file_name=file_name, data=data)
            if not check.ok:
                raise PeopleImportInvalid(check)
            if expected_fingerprint is not None and expected_fingerprint != check.fingerprint:
                raise PreviewOutdated(check)
            added = []
            for change in check.changes:
                if change.action == "create":
                    added.append(people_services.person_create(office=office, by=user, **change.new_values))
                elif change.action == "update":
                    values = dict(change.new_values)
                    people_services.person_update(membership=change.instance, by=user, **values)
    except ValidationError as error:
        failed = PeopleCheck(problems=[Problem(" ".join(error.messages))])
        raise PeopleImportInvalid(failed) from None
    except DatabaseError:
        failed = PeopleCheck(problems=[Problem("บันทึกข้อมูลไม่สำเร็จ ระบบยังไม่ได้บันทึกข้อมูลใด กรุณาลองใหม่อีกครั้ง")])
        raise PeopleImportInvalid(failed) from None
    return check, added


def people_upload_create(*, user, office, file_name, data) -> ImportUpload:
    with transaction.atomic():
        day_ago = timezone.now() - datetime.timedelta(days=1)
        ImportUpload.objects.filter(uploaded_by=user, created_at__lt=day_ago).delete()
        return ImportUpload.objects.create(
            office=office, uploaded_by=user, kind=ImportKind.PEOPLE, file_name=file_name[:255], content=data
        )
