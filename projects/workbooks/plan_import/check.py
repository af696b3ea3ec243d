"""Checking a plan workbook against the plan as it is now: the checker and `check_plan_import`."""

from __future__ import annotations

from plans.catalogue import items_for_year
from plans.models import ActionPlan
from projects.models import Project
from projects.workbooks import cells as cells
from projects.workbooks import files
from projects.workbooks import plan_workbook as layout
from projects.workbooks.cells import Problem
from projects.workbooks.files import BadFile
from projects.workbooks.plan_import.changes import (
    PlanCheck,
)
from projects.workbooks.plan_import.check_projects import ProjectChecks
from projects.workbooks.plan_import.check_rows import MoneyChecks, NumberedRowChecks
from projects.workbooks.plan_import.compare import _squash
from projects.workbooks.plan_import.read import (
    _activity_specs,
    _allocation_specs,
    _indicator_specs,
    _project_specs,
    _read_records,
    _spending_specs,
)


class _Checker(ProjectChecks, NumberedRowChecks, MoneyChecks):
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
                "owners", "alignment", "activities", "indicators", "allocations__source", "spending_plan"
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
        self.catalogue = items_for_year(action_plan.fiscal_year.be_year)
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




def check_plan_import(
    *, action_plan: ActionPlan, file_name: str, data: bytes, lock: bool = False
) -> PlanCheck:
    """Everything the import would do, and every problem, without writing anything."""
    try:
        workbook = files.Workbook(file_name, data)
        return _Checker(action_plan, workbook, lock).run()
    except BadFile as error:
        return PlanCheck(problems=[Problem(str(error))])
