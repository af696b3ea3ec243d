"""Checks of the numbered sheets (activities, indicators) and the money sheets (allocations, spending plan)."""

from __future__ import annotations

from budget.models import Allocation, SpendingPlan
from projects.models import Activity, Indicator
from projects.workbooks import cells as cells
from projects.workbooks import indicator_kinds
from projects.workbooks import plan_workbook as layout
from projects.workbooks.cells import Problem
from projects.workbooks.plan_import.changes import (
    RowChange,
)
from projects.workbooks.plan_import.compare import _parse_number, _show_number, _squash, rows_numbers


class NumberedRowChecks:
    """Activities and indicators, matched by their number under the project (a mixin of the checker)."""

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
                stored = None
                if not is_activity:
                    self._indicator_kind(current, values, record)
                    stored = {"kind": current.judged_as} if current else None
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
                    self.check.changes.append(
                        self._compare(sheet, current, values, code, label, record.row, stored=stored)
                    )
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

    def _indicator_kind(self, current, values, record):
        """Settle the kind and criterion the year-end rule will apply, as the indicator form does.

        A stated kind must fit the targets: ตัวเลข needs a numeric target, ข้อความ a text target and no
        number, ไม่ประเมิน needs none (it is stored with the text target "N/A", like the form).
        A blank kind follows the targets (indicator_kinds.kind_from_targets). Without the column (a workbook from
        the older template) the kind follows the targets too, and ไม่ประเมิน stays. A blank criterion is
        ไม่น้อยกว่า; without the column the stored one stays.
        """
        sheet = layout.INDICATORS
        value = values.get("target_value", current.target_value if current else None)
        text_value = values.get("target_text", current.target_text if current else "") or ""
        stated = values.get("kind")
        if stated is None and "kind" not in values and current is not None and current.kind == "na":
            stated = "na"
        if "comparator" in values and values["comparator"] is None:
            values["comparator"] = "gte"
        unit = values.get("target_unit", current.target_unit if current else "") or ""
        if value is not None and not unit.strip():
            # The indicator form's rule (projects.services.indicator_save): a number needs its unit.
            self.error(
                f"ค่าเป้าหมาย {cells.shown(value)} ยังไม่มีหน่วยนับ กรอกในคอลัมน์ “{layout.TARGET_UNIT.header}” "
                "เช่น ร้อยละ คน โรงเรียน",
                sheet,
                record.row,
                layout.TARGET_UNIT.header,
            )
        if stated is None:
            if value is None and not text_value.strip():
                self.error(
                    "ตัวชี้วัดต้องมีค่าเป้าหมาย กรอกค่าเป้าหมาย (ตัวเลข) หรือค่าเป้าหมาย (ข้อความ) อย่างใดอย่างหนึ่ง "
                    f"ถ้าไม่กำหนดค่าเป้าหมาย ให้ใส่ “ไม่ประเมิน” ในคอลัมน์ “{layout.TARGET_KIND.header}”",
                    sheet,
                    record.row,
                    layout.TARGET_VALUE.header,
                )
                return
            values["kind"] = indicator_kinds.kind_from_targets(value, text_value)
            return
        values["kind"] = stated
        word = indicator_kinds.TARGET_KIND_WORDS[stated]
        if stated == "number" and value is None:
            self.error(
                f"ชนิดค่าเป้าหมาย “{word}” ต้องมีค่าเป้าหมายเป็นตัวเลข กรอกตัวเลขในคอลัมน์ "
                f"“{layout.TARGET_VALUE.header}” เช่น 80 หรือเปลี่ยนชนิดค่าเป้าหมายเป็น “ข้อความ” หรือ “ไม่ประเมิน”",
                sheet,
                record.row,
                layout.TARGET_VALUE.header,
            )
        elif stated == "text" and value is not None:
            self.error(
                f"ชนิดค่าเป้าหมาย “{word}” ใช้กับค่าเป้าหมายที่เป็นข้อความ แต่แถวนี้มี{layout.TARGET_VALUE.header} "
                f"{cells.shown(value)} ให้ลบตัวเลขออกแล้วกรอกใน “{layout.TARGET_TEXT.header}” "
                "หรือเปลี่ยนชนิดค่าเป้าหมายเป็น “ตัวเลข”",
                sheet,
                record.row,
                layout.TARGET_KIND.header,
                word,
            )
        elif stated == "text" and not text_value.strip():
            self.error(
                f"ชนิดค่าเป้าหมาย “{word}” ต้องมีค่าเป้าหมายเป็นข้อความ กรอกในคอลัมน์ "
                f"“{layout.TARGET_TEXT.header}” เช่น ระดับดีมาก หรือเปลี่ยนชนิดค่าเป้าหมายเป็น “ไม่ประเมิน”",
                sheet,
                record.row,
                layout.TARGET_TEXT.header,
            )
        elif stated == "na" and value is None and not text_value.strip():
            # The indicator form stores a not-assessed indicator without targets with the text "N/A".
            values["target_text"] = "N/A"
        if stated == "text" and values.get("comparator") == "lte":
            self.problems.append(
                Problem(
                    "เกณฑ์ “ไม่เกิน” ใช้กับค่าเป้าหมายที่เป็นตัวเลข ตัวชี้วัดชนิดข้อความจะบรรลุเมื่อผลตรงกับค่าเป้าหมาย "
                    "จึงไม่ใช้เกณฑ์นี้ ว่างไว้ได้",
                    sheet=sheet,
                    row=record.row,
                    column=layout.COMPARATOR.header,
                    value="ไม่เกิน",
                    is_warning=True,
                )
            )


class MoneyChecks:
    """Allocations and the spending plan (a mixin of the checker)."""

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
