"""Checks of the projects sheet: codes, dates, strategy, group, owners, and what changes."""

from __future__ import annotations

import re

from plans.catalogue import alignment_code, parse_alignment
from plans.people_lookup import find_person
from plans.thai_formats import to_arabic_digits
from projects.models import Project
from projects.workbooks import cells as cells
from projects.workbooks import plan_workbook as layout
from projects.workbooks.plan_import.changes import (
    FieldChange,
    RowChange,
)
from projects.workbooks.plan_import.compare import _same, _squash


class ProjectChecks:
    """The projects sheet (a mixin of the checker: uses its plan, error() and check)."""

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
            alignment = resolved.pop("alignment", None)
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
                        alignment=alignment or [],
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
            if alignment is not None:
                current = sorted(alignment_code(i) for i in project.alignment.all())
                wanted = sorted(alignment_code(i) for i in alignment)
                if current != wanted:
                    change.action = "update"
                    change.alignment = alignment
                    change.fields.append(
                        FieldChange(layout.ALIGNMENT.header, ", ".join(current), ", ".join(wanted))
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
        if "alignment" in values:
            items, problems = parse_alignment(values["alignment"], self.catalogue)
            for problem in problems:
                self.error(problem, layout.PROJECTS, record.row, layout.ALIGNMENT.header, values["alignment"])
            ok = ok and not problems
            values["alignment"] = items
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
        """Owners by name, "name (username)", username or e-mail; an ambiguous name lists the candidates."""
        tokens = [t.strip() for t in re.split(r"[,;\n]+", cell) if t.strip()]
        found, ok = [], True
        for token in tokens:
            lookup = find_person(self.members, token)
            if lookup.user is None:
                ok = False
                self.error(f"ผู้รับผิดชอบ: {lookup.error}", layout.PROJECTS, row, layout.OWNERS.header, token)
            elif lookup.user not in found:
                found.append(lookup.user)
        return found if ok else None

    def _compare(self, sheet, instance, values, code, label, row, stored=None):
        """`stored` overrides what a field holds now (an indicator's kind: what the rule applies)."""
        change = RowChange(sheet, "same", code, label, row, instance=instance)
        for name, new in values.items():
            if name in ("code", "number", "source"):
                continue
            old = (stored or {}).get(name, getattr(instance, name))
            if _same(old, new):
                continue
            model_field = instance._meta.get_field(name)
            choices = dict(model_field.flatchoices) if model_field.choices else None
            change.fields.append(FieldChange(str(model_field.verbose_name), old, new, choices))
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
