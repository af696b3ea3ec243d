"""Importing an action plan workbook: read → check → preview → apply.

`check_plan_import` reads the whole file, checks every cell and every reference, and compares the
file with the plan as it is now: what would be created, changed, left unchanged, and what exists
but is not in the file (left alone, never deleted). `plan_import_apply` runs the same check again
inside one transaction with the plan locked, and writes only when the whole file is valid, so a
preview is never trusted against a database that changed since, and nothing is half-written.
Matching rules are described in projects.workbooks.plan_workbook.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import DatabaseError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from budget.models import Allocation, SpendingPlan
from plans.models import ActionPlan
from plans.thai_formats import format_date_short, format_money, to_arabic_digits
from projects.models import Activity, ImportUpload, Indicator, Project
from projects.workbooks import cells as cells
from projects.workbooks import plan_workbook as layout
from projects.workbooks.cells import BadFile, CellError, CheckResult, Problem


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

    @property
    def old_shown(self):
        return _display(self.old)

    @property
    def new_shown(self):
        return _display(self.new)


def _display(value):
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


# --- reading sheets into records -------------------------------------------------------------


@dataclass
class Record:
    row: int
    values: dict  # field name -> parsed value, only for columns present in the file
    raw: dict


def _read_records(workbook, sheet_name, specs, problems):
    """Records of a sheet, or None when the file has no such sheet. specs: [(Column, field, parser)]."""
    sheet = workbook.read_sheet(sheet_name, problems)
    if sheet is None:
        return None
    known = {spec[0].header: spec for spec in specs}
    seen = set()
    for header in sheet.headers:
        if header in seen:
            problems.append(
                Problem(f"มีคอลัมน์ “{header}” ซ้ำกัน ให้เหลือไว้คอลัมน์เดียว", sheet=sheet_name, row=1, column=header)
            )
        seen.add(header)
        if header not in known:
            problems.append(
                Problem(
                    "คอลัมน์นี้ไม่อยู่ในแม่แบบ ระบบจะข้ามไป ไม่นำเข้า",
                    sheet=sheet_name,
                    row=1,
                    column=header,
                    is_warning=True,
                )
            )
    for column, _name, _parser in specs:
        if column.required and column.header not in seen:
            problems.append(
                Problem(
                    f"ไม่พบคอลัมน์ “{column.header}” ในแถวหัวตาราง (แถวที่ 1) กรุณาใช้หัวตารางตามแม่แบบ",
                    sheet=sheet_name,
                    row=1,
                    column=column.header,
                )
            )
    records = []
    for sheet_row in sheet.rows:
        values, raw = {}, {}
        for column, name, parser in specs:
            if column.header not in sheet_row.values:
                continue
            value = sheet_row.values[column.header]
            raw[name] = value
            if column.header in sheet_row.formula_columns:
                problems.append(
                    Problem(
                        cells.FORMULA_WITHOUT_VALUE,
                        sheet=sheet_name,
                        row=sheet_row.number,
                        column=column.header,
                    )
                )
                continue
            try:
                values[name] = parser(value)
            except CellError as error:
                problems.append(
                    Problem(
                        str(error),
                        sheet=sheet_name,
                        row=sheet_row.number,
                        column=column.header,
                        value=cells.shown(value),
                    )
                )
        records.append(Record(row=sheet_row.number, values=values, raw=raw))
    return records


def _code(value):
    return cells.text(value, max_length=30, required=True)


def _required_text(value):
    return cells.text(value, max_length=20000, required=True)


def _long_text(value):
    return cells.text(value, max_length=20000)


def _order(value):
    return cells.whole_number(value, high=32767)


_NUMBER = re.compile(r"^([0-9]{1,4})(?:\.([0-9]{1,4}))?$")


def _activity_number(value):
    """ "2" → (2, None); "2.1" → (2, 1)."""
    if isinstance(value, datetime.date):
        raise CellError(
            f"Excel เปลี่ยนลำดับกิจกรรมเป็นวันที่ ({cells.shown(value)}) ให้ตั้งรูปแบบเซลล์เป็น “ข้อความ” (Text) "
            "แล้วพิมพ์ลำดับใหม่ เช่น 2.1"
        )
    raw = to_arabic_digits(cells.text(value, required=True)).strip()
    match = _NUMBER.fullmatch(raw)
    if not match or int(match[1]) == 0 or (match[2] is not None and int(match[2]) == 0):
        raise CellError(f"“{raw}” ไม่ใช่ลำดับกิจกรรม ให้กรอก 1, 2, 3 … หรือกิจกรรมย่อยเป็น 2.1, 2.2")
    return (int(match[1]), int(match[2]) if match[2] is not None else None)


def _indicator_number(value):
    return cells.whole_number(value, required=True, low=1, high=999)


def _project_specs():
    return [
        (layout.CODE, "code", _code),
        (layout.TITLE, "title", _required_text),
        (layout.STRATEGY, "strategy", lambda v: cells.text(v, required=True)),
        (layout.GROUP, "group", lambda v: cells.text(v, required=True)),
        (layout.OWNERS, "owners", cells.text),
        (layout.DISPLAY_ORDER, "display_order", _order),
        (layout.RATIONALE, "rationale", _long_text),
        (layout.OUTPUT_GOAL, "output_goal", _long_text),
        (layout.OUTCOME_GOAL, "outcome_goal", _long_text),
        (layout.START, "start_date", cells.be_date),
        (layout.END, "end_date", cells.be_date),
        (layout.MID_YEAR, "added_mid_year", cells.yes_no),
        (layout.MID_YEAR_REASON, "added_mid_year_reason", _long_text),
        (layout.REMARK, "remark", _long_text),
    ]


def _activity_specs():
    return [
        (layout.CODE, "code", _code),
        (layout.ACTIVITY_NUMBER, "number", _activity_number),
        (layout.ACTIVITY_TITLE, "title", _required_text),
        *((column, f"planned_q{q}", cells.yes_no) for q, column in enumerate(layout.QUARTER_FLAGS, 1)),
        (layout.ACTIVITY_BUDGET, "budget_note", cells.money),
        (layout.ACTIVITY_MID_YEAR, "added_mid_year", cells.yes_no),
    ]


def _indicator_specs():
    return [
        (layout.CODE, "code", _code),
        (layout.INDICATOR_NUMBER, "number", _indicator_number),
        (layout.INDICATOR_TEXT, "text", _required_text),
        (layout.TARGET_VALUE, "target_value", cells.number),
        (layout.TARGET_UNIT, "target_unit", lambda v: cells.text(v, max_length=50)),
        (layout.TARGET_TEXT, "target_text", lambda v: cells.text(v, max_length=300)),
    ]


def _allocation_specs():
    return [
        (layout.CODE, "code", _code),
        (layout.SOURCE, "source", lambda v: cells.text(v, required=True)),
        (layout.AMOUNT, "amount", lambda v: cells.money(v, required=True)),
        (layout.ALLOCATION_NOTE, "note", lambda v: cells.text(v, max_length=300)),
    ]


def _spending_specs():
    return [
        (layout.CODE, "code", _code),
        *((column, f"q{q}", cells.money) for q, column in enumerate(layout.QUARTER_AMOUNTS, 1)),
    ]


# --- checking against the plan ---------------------------------------------------------------


class _Checker:
    def __init__(self, action_plan, workbook, lock):
        self.plan = action_plan
        self.workbook = workbook
        self.check = PlanCheck()
        self.problems = self.check.problems
        self.lock = lock

    def _load_plan(self, action_plan, lock):
        projects = Project.objects.filter(action_plan=action_plan)
        if lock:
            projects = projects.select_for_update()
        self.existing = {
            p.code: p
            for p in projects.select_related("strategy", "group").prefetch_related(
                "owners", "activities", "indicators", "allocations__source", "spending_plan"
            )
        }
        choices = layout.plan_choices(action_plan)
        self.strategies = {s.number: s for s in choices["strategies"]}
        self.strategy_titles = {_squash(s.title): s for s in choices["strategies"]}
        self.groups = {}
        for g in choices["groups"]:
            for label in (g.name, g.short_name, g.abbreviation):
                self.groups.setdefault(_squash(label), g)
        self.sources = {}
        for s in choices["sources"]:
            self.sources[_squash(s.name)] = s
            self.sources[_squash(s.code)] = s
        self.members = choices["members"]
        self.file_codes = {}  # code -> row in the projects sheet

    def error(self, message, sheet, row=None, column="", value=""):
        self.problems.append(Problem(message, sheet=sheet, row=row, column=column, value=cells.shown(value)))

    def run(self):
        if any(name.startswith("ผลไตรมาส") for name in self.workbook.sheet_names):
            self.error(
                "ไฟล์นี้เป็นแบบรายงานผลการดำเนินงานรายไตรมาส ไม่ใช่แผนปฏิบัติการ "
                "กรุณานำเข้าที่เมนู “นำเข้าผลการดำเนินงาน” ของไตรมาสนั้น",
                sheet="",
            )
            return self.check
        specs = {
            layout.PROJECTS: _project_specs(),
            layout.ACTIVITIES: _activity_specs(),
            layout.INDICATORS: _indicator_specs(),
            layout.ALLOCATIONS: _allocation_specs(),
            layout.SPENDING: _spending_specs(),
        }
        # The file is read before the plan is loaded: parsing makes many short-lived objects, and
        # the garbage collector is much slower with thousands of model instances alive.
        records = {
            name: _read_records(self.workbook, name, spec, self.problems) for name, spec in specs.items()
        }
        self._load_plan(self.plan, self.lock)
        if all(r is None for r in records.values()):
            self.error(
                "ไม่พบแผ่นงานของแม่แบบ (โครงการ กิจกรรม ตัวชี้วัด งบประมาณ แผนการใช้จ่าย) "
                "กรุณาดาวน์โหลดแม่แบบแล้วกรอกข้อมูลในแม่แบบ",
                sheet="",
            )
            return self.check
        for name, found in records.items():
            if found is None:
                self.problems.append(
                    Problem(f"ไม่มีแผ่นงาน “{name}” ในไฟล์ ข้อมูลส่วนนี้จะคงไว้ตามเดิม", is_warning=True)
                )
        if records[layout.PROJECTS] is not None:
            self._projects(records[layout.PROJECTS])
        if records[layout.ACTIVITIES] is not None:
            self._numbered(records[layout.ACTIVITIES], layout.ACTIVITIES, "activities")
        if records[layout.INDICATORS] is not None:
            self._numbered(records[layout.INDICATORS], layout.INDICATORS, "indicators")
        if records[layout.ALLOCATIONS] is not None:
            self._allocations(records[layout.ALLOCATIONS])
        if records[layout.SPENDING] is not None:
            self._spending(records[layout.SPENDING])
        return self.check

    # projects ------------------------------------------------------------------------------

    def _projects(self, records):
        sheet = layout.PROJECTS
        next_order = max((p.display_order for p in self.existing.values()), default=0)
        for record in records:
            values = record.values
            code = values.get("code")
            if code is None:
                continue
            if code in self.file_codes:
                self.error(
                    f"รหัสโครงการ “{code}” ซ้ำกับแถว {self.file_codes[code]} รหัสโครงการต้องไม่ซ้ำกันในแผน",
                    sheet,
                    record.row,
                    layout.CODE.header,
                    code,
                )
                continue
            self.file_codes[code] = record.row
            resolved = self._resolve_project(record)
            if resolved is None:
                continue
            owners = resolved.pop("owners", None)
            project = self.existing.get(code)
            if project is None:
                if "display_order" not in resolved or resolved["display_order"] is None:
                    next_order += 1
                    resolved["display_order"] = min(next_order, 32767)
                project = Project(action_plan=self.plan, **resolved)
                self._dates_in_order(project, record)
                self.check.changes.append(
                    RowChange(
                        sheet,
                        "create",
                        code,
                        f"{code} {project.title}",
                        record.row,
                        instance=project,
                        owners=owners or [],
                    )
                )
                continue
            if resolved.get("display_order") is None:
                resolved.pop("display_order", None)
            change = self._compare(sheet, project, resolved, code, f"{code} {project.title}", record.row)
            self._dates_in_order(project, record, resolved)
            if owners is not None:
                current = sorted(u.username for u in project.owners.all())
                wanted = sorted(u.username for u in owners)
                if current != wanted:
                    change.action = "update"
                    change.owners = owners
                    change.fields.append(
                        FieldChange(layout.OWNERS.header, ", ".join(current), ", ".join(wanted))
                    )
            self.check.changes.append(change)
        for code, project in self.existing.items():
            if code not in self.file_codes:
                self.check.left_alone.append(f"โครงการ {code} {project.title}")

    def _dates_in_order(self, project, record, resolved=None):
        start = (resolved or {}).get("start_date", project.start_date)
        end = (resolved or {}).get("end_date", project.end_date)
        if start and end and start > end:
            self.error(
                "วันเริ่มโครงการอยู่หลังวันสิ้นสุดโครงการ กรุณาตรวจสอบวันที่",
                layout.PROJECTS,
                record.row,
                layout.END.header,
            )

    def _resolve_project(self, record):
        values = dict(record.values)
        ok = True
        if "strategy" in values:
            strategy = self._strategy(values["strategy"])
            if strategy is None:
                ok = False
                listed = ", ".join(str(n) for n in sorted(self.strategies)) or "-"
                self.error(
                    f"ไม่พบกลยุทธ์ “{values['strategy']}” ในแผนพัฒนาฯ ให้เลือกจากรายการ (กลยุทธ์ที่ {listed})",
                    layout.PROJECTS,
                    record.row,
                    layout.STRATEGY.header,
                    values["strategy"],
                )
            values["strategy"] = strategy
        if "group" in values:
            group = self.groups.get(_squash(values["group"]))
            if group is None:
                ok = False
                self.error(
                    f"ไม่พบกลุ่ม “{values['group']}” ในหน่วยงาน ให้เลือกชื่อกลุ่มจากรายการ",
                    layout.PROJECTS,
                    record.row,
                    layout.GROUP.header,
                    values["group"],
                )
            values["group"] = group
        if "owners" in values:
            owners = self._owners(values["owners"], record.row)
            ok = ok and owners is not None
            values["owners"] = owners
        required = ["code", "title", "strategy", "group"]
        if not ok or any(values.get(name) is None for name in required):
            return None
        return values

    def _strategy(self, label):
        match = re.match(r"^\s*(?:กลยุทธ์ที่\s*)?([0-9]+)", to_arabic_digits(label))
        if match:
            return self.strategies.get(int(match[1]))
        return self.strategy_titles.get(_squash(label))

    def _owners(self, cell, row):
        tokens = [t.strip() for t in re.split(r"[,;\n]+", cell) if t.strip()]
        found, ok = [], True
        for token in tokens:
            lowered = token.casefold()
            matches = [u for u in self.members if u.username.casefold() == lowered] or [
                u for u in self.members if u.email and u.email.casefold() == lowered
            ]
            if len(matches) != 1:
                ok = False
                reason = "มีผู้ใช้หลายคนใช้อีเมลนี้ ให้ใช้ชื่อผู้ใช้แทน" if matches else "ไม่พบบุคลากรในหน่วยงานที่มีชื่อผู้ใช้หรืออีเมลนี้"
                self.error(f"ผู้รับผิดชอบ “{token}”: {reason}", layout.PROJECTS, row, layout.OWNERS.header, token)
            elif matches[0] not in found:
                found.append(matches[0])
        return found if ok else None

    def _compare(self, sheet, instance, values, code, label, row):
        change = RowChange(sheet, "same", code, label, row, instance=instance)
        for name, new in values.items():
            if name in ("code", "number", "source"):
                continue
            old = getattr(instance, name)
            if _same(old, new):
                continue
            change.fields.append(FieldChange(str(instance._meta.get_field(name).verbose_name), old, new))
            change.update_fields.append(name)
            change.new_values[name] = new
        if change.update_fields:
            change.action = "update"
        return change

    def _project_known(self, code, sheet, record):
        if code in self.existing or code in self.file_codes:
            return True
        self.error(
            f"ไม่พบรหัสโครงการ “{code}” ทั้งในแผ่นงาน “{layout.PROJECTS}” และในแผนปฏิบัติการ",
            sheet,
            record.row,
            layout.CODE.header,
            code,
        )
        return False

    # activities and indicators: matched by their number under the project -------------------

    def _numbered(self, records, sheet, relation):
        is_activity = relation == "activities"
        number_column = layout.ACTIVITY_NUMBER if is_activity else layout.INDICATOR_NUMBER
        seen = {}
        by_project = {}
        for record in records:
            code, number = record.values.get("code"), record.values.get("number")
            if code is None or number is None:
                continue
            if not is_activity:
                number = (number, None)
            if (code, number) in seen:
                self.error(
                    f"ลำดับ “{_show_number(number)}” ของโครงการ “{code}” ซ้ำกับแถว {seen[(code, number)]}",
                    sheet,
                    record.row,
                    number_column.header,
                    _show_number(number),
                )
                continue
            seen[(code, number)] = record.row
            if self._project_known(code, sheet, record):
                by_project.setdefault(code, []).append((number, record))
        mentioned = set()
        for code, rows in by_project.items():
            project = self.existing.get(code)
            existing = self._existing_numbered(project, relation)
            mentioned.update((code, n) for n in rows_numbers(rows))
            self._numbers_follow_on(code, rows, existing, sheet, number_column)
            next_order = max((o.display_order for o in existing.values()), default=0)
            for number, record in sorted(rows, key=lambda item: (item[0][0], item[0][1] or 0)):
                values = {k: v for k, v in record.values.items() if k not in ("code", "number")}
                label = f"{code} {'กิจกรรม' if is_activity else 'ตัวชี้วัด'}ที่ {_show_number(number)}"
                current = existing.get(number)
                if not is_activity:
                    self._indicator_has_target(current, values, record)
                if current is None:
                    next_order += 1
                    model = Activity if is_activity else Indicator
                    instance = model(
                        display_order=min(next_order, 32767),
                        **{k: v for k, v in values.items() if v is not None or k == "budget_note"},
                    )
                    parent_key = (code, (number[0], None)) if number[1] is not None else None
                    self.check.changes.append(
                        RowChange(
                            sheet,
                            "create",
                            code,
                            f"{label} {values.get('title') or values.get('text') or ''}".strip(),
                            record.row,
                            instance=instance,
                            parent_key=parent_key,
                        )
                    )
                else:
                    self.check.changes.append(self._compare(sheet, current, values, code, label, record.row))
        for code, project in self.existing.items():
            for number, item in self._existing_numbered(project, relation).items():
                if (code, number) not in mentioned:
                    kind = "กิจกรรม" if is_activity else "ตัวชี้วัด"
                    self.check.left_alone.append(f"{kind}ที่ {_show_number(number)} ของโครงการ {code}: {item}")

    def _existing_numbered(self, project, relation):
        if project is None:
            return {}
        if relation == "activities":
            ordered = sorted(project.activities.all(), key=lambda a: (a.display_order, a.pk))
            numbers = layout.activity_numbers(ordered)
            by_pk = {a.pk: a for a in ordered}
            return {_parse_number(n): by_pk[pk] for pk, n in numbers.items()}
        ordered = sorted(project.indicators.all(), key=lambda i: (i.display_order, i.pk))
        return {(n, None): indicator for n, indicator in enumerate(ordered, start=1)}

    def _numbers_follow_on(self, code, rows, existing, sheet, column):
        """New numbers must continue the list without gaps, so the same file matches the same rows again."""
        numbers = set(existing) | {number for number, _record in rows}
        for number, record in rows:
            main, sub = number
            if sub is None:
                missing = [m for m in range(1, main) if (m, None) not in numbers]
            else:
                missing = [] if (main, None) in numbers else [(main, None)]
                missing += [(main, s) for s in range(1, sub) if (main, s) not in numbers]
            if missing and number not in existing:
                shown_missing = ", ".join(
                    _show_number(m if isinstance(m, tuple) else (m, None)) for m in missing[:5]
                )
                self.error(
                    f"ลำดับ “{_show_number(number)}” ข้ามลำดับ {shown_missing} ของโครงการ “{code}” "
                    "กรุณาเรียงลำดับต่อเนื่อง 1, 2, 3 … (กิจกรรมย่อยต้องมีกิจกรรมหลักก่อน)",
                    sheet,
                    record.row,
                    column.header,
                    _show_number(number),
                )

    def _indicator_has_target(self, current, values, record):
        value = values.get("target_value", current.target_value if current else None)
        text_value = values.get("target_text", current.target_text if current else "")
        if value is None and not text_value:
            self.error(
                "ตัวชี้วัดต้องมีค่าเป้าหมาย กรอกค่าเป้าหมาย (ตัวเลข) หรือค่าเป้าหมาย (ข้อความ) อย่างใดอย่างหนึ่ง",
                layout.INDICATORS,
                record.row,
                layout.TARGET_VALUE.header,
            )

    # money ---------------------------------------------------------------------------------

    def _allocations(self, records):
        sheet = layout.ALLOCATIONS
        seen = {}
        for record in records:
            code, source_label = record.values.get("code"), record.values.get("source")
            if code is None or source_label is None:
                continue
            source = self.sources.get(_squash(source_label))
            if source is None:
                names = ", ".join(f"“{s.name}”" for s in {s.pk: s for s in self.sources.values()}.values())
                self.error(
                    f"ไม่พบแหล่งงบประมาณ “{source_label}” ให้เลือกจากรายการ: {names}",
                    sheet,
                    record.row,
                    layout.SOURCE.header,
                    source_label,
                )
                continue
            if (code, source.pk) in seen:
                self.error(
                    f"งบประมาณ “{source.name}” ของโครงการ “{code}” ซ้ำกับแถว {seen[(code, source.pk)]}",
                    sheet,
                    record.row,
                    layout.SOURCE.header,
                    source_label,
                )
                continue
            seen[(code, source.pk)] = record.row
            if not self._project_known(code, sheet, record) or record.values.get("amount") is None:
                continue
            values = {k: v for k, v in record.values.items() if k in ("amount", "note")}
            project = self.existing.get(code)
            current = (
                next((a for a in project.allocations.all() if a.source_id == source.pk), None)
                if project
                else None
            )
            label = f"{code} {source.name}"
            if current is None:
                self.check.changes.append(
                    RowChange(
                        sheet, "create", code, label, record.row, instance=Allocation(source=source, **values)
                    )
                )
            else:
                self.check.changes.append(self._compare(sheet, current, values, code, label, record.row))
        for code, project in self.existing.items():
            for allocation in project.allocations.all():
                if (code, allocation.source_id) not in seen:
                    self.check.left_alone.append(f"งบประมาณ {allocation.source.name} ของโครงการ {code}")

    def _spending(self, records):
        sheet = layout.SPENDING
        seen = {}
        for record in records:
            code = record.values.get("code")
            if code is None:
                continue
            if code in seen:
                self.error(
                    f"โครงการ “{code}” มีแผนการใช้จ่ายซ้ำกับแถว {seen[code]} ให้รวมเป็นแถวเดียว",
                    sheet,
                    record.row,
                    layout.CODE.header,
                    code,
                )
                continue
            seen[code] = record.row
            if not self._project_known(code, sheet, record):
                continue
            project = self.existing.get(code)
            plans = {s.quarter: s for s in project.spending_plan.all()} if project else {}
            for quarter in range(1, 5):
                amount = record.values.get(f"q{quarter}")
                if amount is None:
                    continue  # a blank quarter is left as it is
                label = f"{code} ไตรมาส {quarter}"
                current = plans.get(quarter)
                if current is None:
                    self.check.changes.append(
                        RowChange(
                            sheet,
                            "create",
                            code,
                            label,
                            record.row,
                            instance=SpendingPlan(quarter=quarter, amount=amount),
                        )
                    )
                else:
                    self.check.changes.append(
                        self._compare(sheet, current, {"amount": amount}, code, label, record.row)
                    )


def rows_numbers(rows):
    return [number for number, _record in rows]


def _parse_number(text):
    main, _, sub = text.partition(".")
    return (int(main), int(sub) if sub else None)


def _show_number(number):
    main, sub = number
    return f"{main}.{sub}" if sub is not None else str(main)


def _squash(value):
    return "".join(to_arabic_digits(str(value)).split()).casefold()


def _same(old, new):
    if isinstance(old, str) or old is None and isinstance(new, str):
        return cells.text(old or "") == (new or "")
    return old == new


# --- public API ------------------------------------------------------------------------------


def check_plan_import(
    *, action_plan: ActionPlan, file_name: str, data: bytes, lock: bool = False
) -> PlanCheck:
    """Everything the import would do, and every problem, without writing anything."""
    try:
        workbook = cells.Workbook(file_name, data)
        return _Checker(action_plan, workbook, lock).run()
    except BadFile as error:
        return PlanCheck(problems=[Problem(str(error))])


def plan_import_apply(
    *, action_plan: ActionPlan, file_name: str, data: bytes, user, expected_fingerprint: str | None = None
) -> PlanCheck:
    """Check the file again against the plan as it is now and write it, all or nothing.

    Raises PlanImportInvalid (nothing written) when the file has errors, and PreviewOutdated when
    `expected_fingerprint` (of the preview the user saw) no longer matches what would be written.
    """
    try:
        with transaction.atomic():
            # Locking the plan row serialises imports into one plan.
            ActionPlan.objects.select_for_update().get(pk=action_plan.pk)
            check = check_plan_import(action_plan=action_plan, file_name=file_name, data=data, lock=True)
            if not check.ok:
                raise PlanImportInvalid(check)
            if expected_fingerprint is not None and expected_fingerprint != check.fingerprint:
                raise PreviewOutdated(check)
            _write(check, action_plan, user)
    except DatabaseError:
        failed = PlanCheck(problems=[Problem("บันทึกข้อมูลไม่สำเร็จ ระบบยังไม่ได้บันทึกข้อมูลใด กรุณาลองใหม่อีกครั้ง")])
        raise PlanImportInvalid(failed) from None
    return check


def _write(check, action_plan, user):
    by_sheet = {name: {"create": [], "update": []} for name in layout.SHEETS}
    for change in check.changes:
        if change.action != "same":
            by_sheet[change.sheet][change.action].append(change)

    # Changed rows are saved one by one so that each leaves an audit entry with the user.
    for sheet in by_sheet.values():
        for change in sheet["update"]:
            instance = change.instance
            for f in change.update_fields:
                setattr(instance, f, change.new_values[f])
            if change.owners is not None:
                instance.owners.set(change.owners)
                # Owners are not a field the history tracks: the project's entry says who changed them.
                owners = next(f for f in change.fields if f.label == layout.OWNERS.header)
                instance._change_reason = f"{owners.label}: {owners.old_shown} → {owners.new_shown}"[:100]
            if change.update_fields or change.owners is not None:
                instance._history_user = user
                fields = list(change.update_fields)
                if isinstance(instance, Project):
                    instance.version += 1
                    fields.append("version")
                instance.save(update_fields=fields)

    new_projects = [c.instance for c in by_sheet[layout.PROJECTS]["create"]]
    bulk_create_with_history(new_projects, Project, batch_size=500, default_user=user)
    projects = {p.code: p for p in Project.objects.filter(action_plan=action_plan)}
    through = Project.owners.through
    through.objects.bulk_create(
        [
            through(project_id=projects[c.code].pk, user_id=owner.pk)
            for c in by_sheet[layout.PROJECTS]["create"]
            for owner in c.owners
        ]
    )

    activity_creates = by_sheet[layout.ACTIVITIES]["create"]
    for main_first in (True, False):
        batch = [c for c in activity_creates if (c.parent_key is None) == main_first]
        if not batch:
            continue
        parents = _activity_keys(projects) if not main_first else {}
        for change in batch:
            change.instance.project = projects[change.code]
            if change.parent_key is not None:
                change.instance.parent = parents[change.parent_key]
        bulk_create_with_history([c.instance for c in batch], Activity, batch_size=500, default_user=user)

    for sheet, model in (
        (layout.INDICATORS, Indicator),
        (layout.ALLOCATIONS, Allocation),
        (layout.SPENDING, SpendingPlan),
    ):
        batch = by_sheet[sheet]["create"]
        for change in batch:
            change.instance.project = projects[change.code]
        bulk_create_with_history([c.instance for c in batch], model, batch_size=500, default_user=user)


def _activity_keys(projects):
    by_pk = {p.pk: p.code for p in projects.values()}
    activities = Activity.objects.filter(project__in=list(projects.values()), parent__isnull=True)
    keys = {}
    grouped = {}
    for activity in activities.order_by("display_order", "pk"):
        grouped.setdefault(activity.project_id, []).append(activity)
    for project_id, mains in grouped.items():
        for position, activity in enumerate(mains, start=1):
            keys[(by_pk[project_id], (position, None))] = activity
    return keys


# --- uploads waiting between preview and confirm ---------------------------------------------

UPLOADS_KEPT_FOR = datetime.timedelta(days=1)


def import_upload_create(*, user, action_plan, kind, file_name, data, quarter=None) -> ImportUpload:
    """Keep an uploaded file until its preview is confirmed; a user's day-old uploads are dropped."""
    with transaction.atomic():
        ImportUpload.objects.filter(
            uploaded_by=user, created_at__lt=timezone.now() - UPLOADS_KEPT_FOR
        ).delete()
        return ImportUpload.objects.create(
            action_plan=action_plan,
            uploaded_by=user,
            kind=kind,
            quarter=quarter,
            file_name=file_name[:255],
            content=data,
        )


def import_upload_mark_applied(*, upload: ImportUpload) -> None:
    upload.applied_at = timezone.now()
    upload.save(update_fields=["applied_at"])
