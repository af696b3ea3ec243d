"""Checking a development plan workbook (layout: projects.workbooks.devplan_workbook): every sheet read
with the action plan import's record reader, every cell and reference checked, and each row compared
with the plan as stored (RowChange with FieldChanges, as the action plan import reports them).

`check_devplan_import` reads every sheet, checks every cell and reference (strategies, goals,
approaches, parent indicators, groups, target and result values by the indicator's kind) and compares
the file with the plan as stored. `devplan_import_apply` runs the same check again inside one
transaction with the plan locked and writes only when the whole file is valid and the preview still
holds; nothing is half-written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from plans.indicator_values import parse_value
from plans.models import (
    Group,
    Strategy,
    StrategyApproach,
    StrategyGoal,
    StrategyIndicator,
    StrategyIndicatorResult,
    StrategyIndicatorTarget,
)
from projects.workbooks import devplan_workbook as layout
from projects.workbooks import files
from projects.workbooks.cells import CheckResult, Problem
from projects.workbooks.devplan_import.read import INDICATOR_LABELS, _specs
from projects.workbooks.files import BadFile
from projects.workbooks.plan_import.changes import FieldChange, RowChange, preview_fingerprint
from projects.workbooks.plan_import.read import _read_records


class DevplanImportInvalid(Exception):
    def __init__(self, check):
        super().__init__("ไฟล์มีข้อผิดพลาด ระบบยังไม่ได้บันทึกข้อมูลใด")
        self.check = check


@dataclass
class DevplanCheck(CheckResult):
    left_alone: list[str] = field(default_factory=list)
    writes: list = field(default_factory=list)  # (order, callable) run by apply

    @property
    def has_writes(self):
        return any(c.action != "same" for c in self.changes)

    @property
    def fingerprint(self):
        return preview_fingerprint(self.changes)


class _Checker:
    def __init__(self, plan, check, lock):
        self.plan, self.check = plan, check
        strategies = Strategy.objects.filter(development_plan=plan)
        if lock:
            strategies = strategies.select_for_update()
        self.strategies = {s.number: s for s in strategies}
        self.goals = {
            (g.strategy.number, g.number): g
            for g in StrategyGoal.objects.filter(strategy__development_plan=plan).select_related("strategy")
        }
        self.approaches = {
            (a.strategy.number, a.number): a
            for a in StrategyApproach.objects.filter(strategy__development_plan=plan).select_related("strategy")
        }
        self.indicators = {
            (i.strategy.number, i.code): i
            for i in StrategyIndicator.objects.filter(strategy__development_plan=plan).select_related(
                "strategy", "parent", "goal", "approach", "responsible_group"
            )
        }
        self.targets = {
            (t.indicator_id, t.be_year): t
            for t in StrategyIndicatorTarget.objects.filter(indicator__strategy__development_plan=plan)
        }
        self.results = {
            (r.indicator_id, r.be_year): r
            for r in StrategyIndicatorResult.objects.filter(indicator__strategy__development_plan=plan)
        }
        self.groups = {}
        for g in Group.objects.filter(office=plan.office):
            self.groups[g.abbreviation] = g
            self.groups[g.name] = g
        self.file_strategies, self.file_goals, self.file_approaches, self.file_indicators = set(), set(), set(), {}

    def problem(self, sheet, record, column, message, value=""):
        self.check.problems.append(Problem(message, sheet=sheet, row=record.row, column=column.header, value=value))

    def change(self, sheet, record, key, label, instance, values, labels):
        if instance is None:
            fields = [FieldChange(labels[k], None, v) for k, v in values.items() if v not in (None, "")]
            self.check.changes.append(
                RowChange(
                    sheet=sheet,
                    action="create",
                    code=str(key),
                    label=label,
                    row=record.row,
                    fields=fields,
                    new_values=values,
                    parent_key=key,
                )
            )
            return
        fields = [
            FieldChange(labels[k], getattr(instance, k), v) for k, v in values.items() if getattr(instance, k) != v
        ]
        self.check.changes.append(
            RowChange(
                sheet=sheet,
                action="update" if fields else "same",
                code=str(key),
                label=label,
                row=record.row,
                fields=fields,
                instance=instance,
                update_fields=[k for k, v in values.items() if getattr(instance, k) != v],
                new_values=values,
                parent_key=key,
            )
        )

    def unique(self, sheet, record, key, seen, column):
        if key in seen:
            self.problem(sheet, record, column, f"ซ้ำกับแถว {seen[key]} ในแผ่นงานเดียวกัน", str(key[-1]))
            return False
        seen[key] = record.row
        return True

    def strategy_known(self, sheet, record, number):
        if number in self.strategies or number in self.file_strategies:
            return True
        self.problem(
            sheet, record, layout.STRATEGY, f"ไม่พบกลยุทธ์ที่ {number} ในแผนนี้หรือในแผ่นงาน “{layout.STRATEGIES}”", str(number)
        )
        return False


def check_devplan_import(*, plan, file_name, data, lock=False) -> DevplanCheck:
    check = DevplanCheck()
    try:
        workbook = files.Workbook(file_name, data)
        _check(check, workbook, plan, lock)
    except BadFile as error:
        check.problems.append(Problem(str(error)))
    return check


def _check(check, workbook, plan, lock):
    specs = _specs(plan)
    records = {name: _read_records(workbook, name, spec, check.problems) for name, spec in specs.items()}
    if all(r is None for r in records.values()):
        check.problems.append(Problem("ไม่พบแผ่นงานของแผนพัฒนาการศึกษา กรุณาใช้แม่แบบที่ดาวน์โหลดจากระบบ"))
        return
    c = _Checker(plan, check, lock)
    _check_strategies(c, records[layout.STRATEGIES] or [])
    for sheet, model, store in (
        (layout.GOALS, StrategyGoal, c.file_goals),
        (layout.APPROACHES, StrategyApproach, c.file_approaches),
    ):
        _check_parts(c, sheet, records[sheet] or [], model, store)
    _check_indicators(c, records[layout.INDICATORS] or [])
    _check_results(c, records[layout.RESULTS] or [])


def _check_strategies(c, records):
    seen = {}
    for record in records:
        v = record.values
        if "strategy" not in v or "title" not in v:
            continue
        if not c.unique(layout.STRATEGIES, record, (v["strategy"],), seen, layout.STRATEGY):
            continue
        c.file_strategies.add(v["strategy"])
        c.change(
            layout.STRATEGIES,
            record,
            v["strategy"],
            f"กลยุทธ์ที่ {v['strategy']}",
            c.strategies.get(v["strategy"]),
            {"title": v["title"]},
            {"title": "ชื่อกลยุทธ์"},
        )


def _check_parts(c, sheet, records, model, store):
    existing = c.goals if model is StrategyGoal else c.approaches
    seen = {}
    for record in records:
        v = record.values
        if not {"strategy", "number", "text"} <= set(v):
            continue
        key = (v["strategy"], v["number"])
        if not c.unique(sheet, record, key, seen, layout.NUMBER) or not c.strategy_known(sheet, record, key[0]):
            continue
        store.add(key)
        c.change(
            sheet,
            record,
            key,
            f"กลยุทธ์ที่ {key[0]} {sheet}ข้อ {key[1]}",
            existing.get(key),
            {"text": v["text"]},
            {"text": sheet},
        )


def _check_indicators(c, records):
    seen, parents = {}, {}
    sheet = layout.INDICATORS
    for record in records:
        v = record.values
        if not {"strategy", "code", "text", "kind"} <= set(v):
            continue
        key = (v["strategy"], v["code"])
        if not c.unique(sheet, record, key, seen, layout.CODE) or not c.strategy_known(sheet, record, key[0]):
            continue
        c.file_indicators[key] = v
        parents[key] = v.get("parent") or ""
    for record in records:
        v = record.values
        key = (v.get("strategy"), v.get("code"))
        if c.file_indicators.get(key) is not v:
            continue
        _check_indicator(c, record, key, v, parents)


def _parsed(c, record, column, kind, raw, levels, what):
    try:
        return parse_value(kind, raw, levels=levels, what=what)
    except ValidationError as error:
        c.problem(
            layout.INDICATORS if column is not layout.RESULT else layout.RESULTS,
            record,
            column,
            " ".join(error.messages),
            raw,
        )
        return None


def _check_indicator(c, record, key, v, parents):
    sheet, (strategy_no, code) = layout.INDICATORS, key
    kind = v["kind"]
    scale = [s.strip() for s in (v.get("level_scale") or "").replace("\n", "<").split("<") if s.strip()]
    if kind == "level" and not scale:
        c.problem(sheet, record, layout.SCALE, "ตัวชี้วัดชนิดระดับต้องกำหนดลำดับขั้น จากต่ำไปสูง คั่นด้วย < เช่น ดี < ดีมาก < ดีเยี่ยม")
        return
    parent_code = parents[key]
    if parent_code:
        parent_key = (strategy_no, parent_code)
        in_db = c.indicators.get(parent_key)
        exists = parent_key in c.file_indicators or in_db is not None
        nested = parents.get(parent_key) or (in_db is not None and parent_key not in parents and in_db.parent_id)
        if not exists:
            c.problem(sheet, record, layout.PARENT, f"ไม่พบตัวชี้วัดหลัก “{parent_code}” ในกลยุทธ์ที่ {strategy_no}", parent_code)
        elif nested or parent_code == code:
            c.problem(sheet, record, layout.PARENT, "ตัวชี้วัดย่อยซ้อนได้ชั้นเดียว ตัวชี้วัดหลักต้องไม่เป็นตัวชี้วัดย่อย", parent_code)
    for name, store, existing, column, label in (
        ("goal", c.file_goals, c.goals, layout.GOAL_NO, "เป้าประสงค์"),
        ("approach", c.file_approaches, c.approaches, layout.APPROACH_NO, "แนวทาง"),
    ):
        number = v.get(name)
        if number and (strategy_no, number) not in store and (strategy_no, number) not in existing:
            c.problem(sheet, record, column, f"ไม่พบ{label}ข้อ {number} ของกลยุทธ์ที่ {strategy_no}", str(number))
    group = None
    if v.get("group"):
        group = c.groups.get(v["group"])
        if group is None:
            c.problem(sheet, record, layout.GROUP, f"ไม่พบกลุ่ม “{v['group']}” ของหน่วยงาน ใช้อักษรย่อ เช่น กนผ.", v["group"])
    baseline = _parsed(c, record, layout.BASELINE, kind, v.get("baseline", ""), scale, "ข้อมูลฐาน")
    targets = {}
    for year in c.plan.years:
        name = f"target_{year}"
        if name in v:
            targets[year] = _parsed(c, record, layout.target_column(year), kind, v[name], scale, f"ค่าเป้าหมายปี {year}")
    if baseline is None or any(t is None for t in targets.values()):
        return
    values = {
        "text": v["text"],
        "kind": kind,
        "comparator": v.get("comparator") or "gte",
        "unit": v.get("unit", ""),
        "level_scale": "\n".join(scale),
        "baseline_be_year": v.get("baseline_be_year"),
        "baseline_value": baseline[0],
        "baseline_text": baseline[1],
    }
    instance = c.indicators.get(key)
    links = {
        "parent_code": parent_code,
        "goal_number": v.get("goal"),
        "approach_number": v.get("approach"),
        "group": group,
    }
    old_links = {
        "parent_code": instance.parent.code if instance and instance.parent_id else "",
        "goal_number": instance.goal.number if instance and instance.goal_id else None,
        "approach_number": instance.approach.number if instance and instance.approach_id else None,
        "group": instance.responsible_group if instance else None,
    }
    label = f"กลยุทธ์ที่ {strategy_no} ตัวชี้วัด {code}"
    c.change(layout.INDICATORS, record, key, label, instance, values, INDICATOR_LABELS)
    change = c.check.changes[-1]
    for name, new in links.items():
        if instance is None and new in (None, ""):
            continue
        if instance is None or old_links[name] != new:
            change.fields.append(FieldChange(INDICATOR_LABELS[name], old_links[name] if instance else None, new))
    target_rows = {year: c.targets.get((instance.pk, year)) if instance else None for year in targets}
    for year, (value, text) in targets.items():
        old = target_rows[year]
        if old is None and value is None and not text:
            continue  # no row and N/A: the same thing
        if old is None or (old.value, old.text) != (value, text):
            change.fields.append(
                FieldChange(f"เป้าหมาย {year}", _shown(old), value if value is not None else text or "N/A")
            )
    if change.fields and change.action == "same":
        change.action = "update"
    change.new_values = {**values, "_links": links, "_targets": targets}


def _shown(row):
    if row is None:
        return None
    return row.value if row.value is not None else row.text or "N/A"


def _check_results(c, records):
    seen, sheet = {}, layout.RESULTS
    for record in records:
        v = record.values
        if not {"strategy", "code", "year"} <= set(v):
            continue
        key = (v["strategy"], v["code"], v["year"])
        if not c.unique(sheet, record, key, seen, layout.YEAR):
            continue
        ind_key = key[:2]
        in_file, instance = c.file_indicators.get(ind_key), c.indicators.get(ind_key)
        if in_file is None and instance is None:
            c.problem(sheet, record, layout.CODE, f"ไม่พบตัวชี้วัด {key[1]} ในกลยุทธ์ที่ {key[0]}", key[1])
            continue
        if not c.plan.covers(key[2]):
            c.problem(
                sheet,
                record,
                layout.YEAR,
                f"ปี {key[2]} ไม่อยู่ในช่วงของแผน ({c.plan.first_be_year}–{c.plan.last_be_year})",
                str(key[2]),
            )
            continue
        is_parent = any(
            p == ind_key[1] for (s, _), fv in c.file_indicators.items() if s == ind_key[0] for p in [fv.get("parent")]
        ) or (instance is not None and instance.children.exists())
        if is_parent and (v.get("result") or "").strip():
            c.problem(sheet, record, layout.RESULT, "ตัวชี้วัดนี้มีตัวชี้วัดย่อย กรุณากรอกผลที่ตัวชี้วัดย่อยแต่ละตัว")
            continue
        kind = in_file["kind"] if in_file else instance.kind
        scale = (
            [s.strip() for s in (in_file.get("level_scale") or "").replace("\n", "<").split("<") if s.strip()]
            if in_file
            else instance.levels
        )
        try:
            value, text = parse_value(kind, v.get("result", ""), levels=scale, what=f"ผลปี {key[2]}")
        except ValidationError as error:
            c.problem(sheet, record, layout.RESULT, " ".join(error.messages), v.get("result", ""))
            continue
        old = c.results.get((instance.pk, key[2])) if instance else None
        values = {"value": value, "text": text, "source": v.get("source", ""), "note": v.get("note", "")}
        label = f"ผลตัวชี้วัด {key[1]} กลยุทธ์ที่ {key[0]} ปี {key[2]}"
        labels = {"value": "ผล", "text": "ผล (ข้อความ)", "source": "แหล่งข้อมูล", "note": "หมายเหตุ"}
        if old is None and value is None and not text:
            continue  # blank and nothing stored: nothing to do
        c.change(sheet, record, key, label, old, values, labels)
        c.check.changes[-1].new_values = {**values, "_indicator": ind_key, "_year": key[2]}
        if old is not None and value is None and not text:
            c.check.changes[-1].action = "update"
            c.check.changes[-1].new_values["_delete"] = True
