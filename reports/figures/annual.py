"""The annual report's figures: the year (the 12-month round) judged against its plan.

Built on the booklet's figures of the 12-month round (money, owners, alignment, report order) and on
the projects' year-ends (reports/figures/annual_sources.py). Rules:
- A project's money for the year: allocated (จัดสรร) = its allocations; used (ใช้จริง) = finance-recorded
  disbursements dated in the fiscal year; remaining (คงเหลือ) = allocated − used (negative when over).
- Registers as reference 002 prints them: projects of the plan (not added mid-year) and projects added
  during the year, each numbered from 1. Each list's achievement is counted by reports/figures/achievement.py
  (บรรลุ ÷ projects with a verdict × 100, half-up, 2 decimals; projects without an accepted year-end
  report are ยังไม่รายงาน, outside the base). Cancelled projects are listed apart and counted nowhere.
- Indicator table: the project indicators' tallies per project (under its strategy), per strategy, per
  group and overall, from the same module; the development plan's indicators of the year beside them.
- Grouping by OBEC policy area (reference 004): a project goes under the first of its OBEC policies of
  the year (catalogue order); projects aligned with none are listed last under their own heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plans.form_bounds import posted_int
from plans.models import AlignmentItem, AlignmentKind
from reports.figures.achievement import combined, development_plan_tally
from reports.figures.annual_sources import load_achievement, year_ends
from reports.figures.compute import booklet_figures
from reports.figures.types import ZERO, Round, pct

NO_POLICY = "ไม่ได้ระบุความสอดคล้องกับนโยบาย สพฐ."
MATRIX_COLUMNS = (
    ("national_strategy", "ยุทธศาสตร์ชาติ"),
    ("master_plan", "ประเด็นแผนแม่บท"),
    ("ministry_policy", "นโยบายกระทรวงศึกษาธิการ"),
    ("obec_policy", "นโยบาย สพฐ."),
)


@dataclass
class AnnualRow:
    """One project in the annual report."""

    fig: object  # ProjectFigures of the 12-month round
    year_end: object  # annual_sources.YearEnd
    number: int = 0  # its number in its register
    policy: object = None  # the OBEC policy it is grouped under, or None
    indicators: object = None  # its indicators' Tally (reports/figures/achievement.py)
    photos: list = field(default_factory=list)

    @property
    def project(self):
        return self.fig.project

    @property
    def allocated(self):
        return self.fig.allocated

    @property
    def used(self):
        return self.fig.disbursed_total

    @property
    def remaining(self):
        return self.allocated - self.used

    @property
    def used_percent(self):
        return pct(self.used, self.allocated)

    @property
    def verdict(self):
        return self.year_end.verdict


@dataclass
class Register:
    """บัญชีโครงการ: the plan's projects, or those added during the year, with their verdicts' tally."""

    key: str
    title: str
    rows: list
    tally: object  # achievement.ProjectTally

    @property
    def count(self):
        return len(self.rows)

    @property
    def allocated(self):
        return sum((r.allocated for r in self.rows), ZERO)

    @property
    def used(self):
        return sum((r.used for r in self.rows), ZERO)

    @property
    def remaining(self):
        return self.allocated - self.used

    @property
    def used_percent(self):
        return pct(self.used, self.allocated)


@dataclass
class AnnualSection:
    key: str
    prefix: str  # "กลยุทธ์ที่", "นโยบาย สพฐ. ด้านที่" or "" (a group)
    number: object  # printed with the report's digits, or None
    name: str
    rows: list

    @property
    def title(self):
        return " ".join(str(part) for part in (self.prefix, self.number, self.name) if part not in ("", None))


@dataclass
class IndicatorTable:
    """ผลการดำเนินงานตามตัวชี้วัด: project indicators by strategy (each project a line), by group, overall;
    the development plan's indicators of the year and both together."""

    by_strategy: list  # (Strategy, Tally, [AnnualRow])
    by_group: list  # (Group, Tally)
    overall: object  # Tally
    development_plan: object = None  # Tally, or None when the plan does not cover the year
    together: object = None  # Tally of both


@dataclass
class MatrixRow:
    row: AnnualRow
    cells: list  # [[AlignmentItem]] in MATRIX_COLUMNS order


@dataclass
class AnnualFigures:
    action_plan: object
    be_year: int
    booklet: object  # the 12-month round's BookletFigures
    registers: list
    cancelled: list
    sections: list
    matrix: list
    digest: list  # (group, [AnnualRow with problems or suggestions])
    totals: Register = None
    indicators: IndicatorTable = None

    @property
    def rows(self):
        return [r for register in self.registers for r in register.rows]


def _policy_sections(rows, policies):
    sections = []
    for policy in policies:
        members = [r for r in rows if r.policy is not None and r.policy.pk == policy.pk]
        if members:
            sections.append(AnnualSection(f"p{policy.pk}", "นโยบาย สพฐ. ด้านที่", _number(policy.code), policy.title,
                                          members))
    rest = [r for r in rows if r.policy is None]
    if rest:
        sections.append(AnnualSection("p-none", "", None, NO_POLICY, rest))
    return sections


def _sections(rows, grouping, booklet, policies):
    if grouping == "policy":
        return _policy_sections(rows, policies)
    if grouping == "group":
        return [AnnualSection(f"g{g.group.pk}", "", None, g.group.name,
                              [r for r in rows if r.project.group_id == g.group.pk])
                for g in booklet.groups if any(r.project.group_id == g.group.pk for r in rows)]
    return [AnnualSection(f"s{s.pk}", "กลยุทธ์ที่", s.number, s.title,
                          [r for r in rows if r.project.strategy_id == s.pk])
            for s in booklet.strategies if any(r.project.strategy_id == s.pk for r in rows)]


def _number(code):
    number = posted_int(code)
    return code if number is None else number


def _indicator_table(action_plan, figures, rows):
    by_strategy = []
    for strategy, tally in figures.by_strategy:
        by_strategy.append((strategy, tally, [r for r in rows if r.project.strategy_id == strategy.pk]))
    devplan = action_plan.development_plan
    plan_tally = development_plan_tally(action_plan) if devplan.covers(action_plan.fiscal_year.be_year) else None
    return IndicatorTable(by_strategy=by_strategy, by_group=figures.by_group, overall=figures.overall,
                          development_plan=plan_tally,
                          together=combined(figures.overall, plan_tally) if plan_tally is not None else None)


def obec_policies(be_year):
    return list(AlignmentItem.objects.filter(kind=AlignmentKind.OBEC_POLICY, be_year=be_year)
                .order_by("display_order", "code"))


def annual_figures(action_plan, *, grouping="strategy"):
    """Every figure of the annual report of `action_plan`'s fiscal year."""
    be_year = action_plan.fiscal_year.be_year
    booklet = booklet_figures(action_plan, Round(be_year, 12), grouping="group")
    policies = obec_policies(be_year)
    order = {p.pk: n for n, p in enumerate(policies)}
    figures = load_achievement(action_plan)
    ends = year_ends(booklet.rows + booklet.cancelled, figures)
    tallies = figures.by_project
    rows = []
    # The registers and blocks follow the plan's own order (002), not the booklet's order by group.
    for fig in sorted(booklet.rows, key=lambda r: (r.project.display_order, r.project.code, r.project.pk)):
        mine = [item for item in fig.alignment.get("obec_policy", []) if item.pk in order]
        rows.append(AnnualRow(fig=fig, year_end=ends[fig.project.pk], indicators=tallies.get(fig.project.pk),
                              policy=min(mine, key=lambda item: order[item.pk]) if mine else None))
    in_plan = Register("in_plan", "โครงการตามแผนปฏิบัติการ", [r for r in rows if not r.project.added_mid_year],
                       figures.projects_in_plan)
    added = Register("added", "โครงการที่ดำเนินการเพิ่มเติมระหว่างปี", [r for r in rows if r.project.added_mid_year],
                     figures.projects_added)
    for register in (in_plan, added):
        for number, row in enumerate(register.rows, start=1):
            row.number = number
    cancelled = [AnnualRow(fig=fig, year_end=ends[fig.project.pk]) for fig in booklet.cancelled]
    ordered = in_plan.rows + added.rows
    digest = []
    for g in booklet.groups:
        entries = [r for r in ordered if r.project.group_id == g.group.pk
                   and (r.year_end.problems or r.year_end.suggestions)]
        if entries:
            digest.append((g.group, entries))
    matrix = [MatrixRow(r, [r.fig.alignment.get(kind, []) for kind, _label in MATRIX_COLUMNS]) for r in ordered]
    return AnnualFigures(
        action_plan=action_plan, be_year=be_year, booklet=booklet, registers=[in_plan, added],
        cancelled=cancelled, sections=_sections(ordered, grouping, booklet, policies), matrix=matrix,
        digest=digest, totals=Register("all", "รวมทั้งสิ้น", ordered, figures.projects_all),
        indicators=_indicator_table(action_plan, figures, ordered),
    )
