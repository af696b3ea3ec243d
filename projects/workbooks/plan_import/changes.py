"""What an import would do: the changes by row and field, the check's result and its fingerprint."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from plans.thai_formats import format_date_short, format_money
from projects.workbooks import cells as cells
from projects.workbooks import plan_workbook as layout
from projects.workbooks.cells import CheckResult


class PlanImportInvalid(Exception):
    """The file has errors; `check` lists them. Nothing was written."""

    def __init__(self, check):
        super().__init__("ไฟล์มีข้อผิดพลาด ระบบยังไม่ได้บันทึกข้อมูลใด")
        self.check = check


@dataclass
class FieldChange:
    label: str
    old: object
    new: object
    # A field with choices is shown by its label ("number" → "ตัวเลข (เทียบกับค่าเป้าหมาย)").
    choices: dict | None = None

    @property
    def old_shown(self):
        return _display(self.old, self.choices)

    @property
    def new_shown(self):
        return _display(self.new, self.choices)


def _display(value, choices=None):
    if choices and value in choices:
        return str(choices[value])
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "✓" if value else "ไม่ใช่"
    if isinstance(value, Decimal):
        return format_money(value, digits="arabic")
    if isinstance(value, datetime.date):
        return format_date_short(value, digits="arabic")
    return str(value)


@dataclass
class RowChange:
    """One row of the preview: what happens to one project, activity, indicator, allocation …"""

    sheet: str
    action: str  # "create" | "update" | "same"
    code: str
    label: str
    row: int | None = None
    fields: list[FieldChange] = field(default_factory=list)
    # What to write (internal to apply).
    instance: object = None
    update_fields: list[str] = field(default_factory=list)
    new_values: dict = field(default_factory=dict)
    owners: list | None = None
    alignment: list | None = None
    parent_key: tuple | None = None


@dataclass
class PlanCheck(CheckResult):
    left_alone: list[str] = field(default_factory=list)

    def summary(self):
        """{sheet: {"create": n, "update": n, "same": n}} in the workbook's sheet order."""
        counts = {name: {"create": 0, "update": 0, "same": 0} for name in layout.SHEETS}
        for change in self.changes:
            counts[change.sheet][change.action] += 1
        return counts

    @property
    def has_writes(self):
        return any(c.action != "same" for c in self.changes)

    @property
    def fingerprint(self):
        return preview_fingerprint(self.changes)


def preview_fingerprint(changes, extra=()):
    """A digest of what a preview promised: confirming notices when the database moved since."""
    digest = hashlib.sha256()
    for change in changes:
        if change.action != "same":
            fields = [(f.label, f.old_shown, f.new_shown) for f in change.fields]
            digest.update(repr((getattr(change, "sheet", ""), change.action, change.label, fields)).encode())
    for item in extra:
        digest.update(repr(item).encode())
    return digest.hexdigest()[:32]


class PreviewOutdated(Exception):
    """The data changed between preview and confirm; `check` is the new preview. Nothing was written."""

    def __init__(self, check):
        super().__init__("ข้อมูลในระบบเปลี่ยนไปหลังจากแสดงตัวอย่าง กรุณาตรวจสอบรายการอีกครั้งแล้วกดยืนยัน")
        self.check = check
