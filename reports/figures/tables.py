"""The result types of the booklet's tables: status counts, money lines and summaries, group rows, sections."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from reports.figures.types import (
    NOT_REPORTED,
    STATUS_LABELS,
    STATUS_ORDER,
    ZERO,
    ProjectFigures,
    Round,
    pct,
)


@dataclass
class StatusCounts:
    counts: dict  # status -> int
    total: int

    def percent(self, status):
        return pct(self.counts.get(status, 0), self.total)

    @property
    def rows(self):
        return [(s, STATUS_LABELS[s], self.counts.get(s, 0), self.percent(s)) for s in STATUS_ORDER]


def status_counts(rows):
    counts = {s: 0 for s in STATUS_ORDER}
    for row in rows:
        counts[row.status] += 1
    return StatusCounts(counts=counts, total=len(rows))


@dataclass
class MoneyLine:
    """Planned vs disbursed over some span (a quarter, or cumulative).

    `not_disbursed` is plan − disbursed, as offices define it (its percent and the disbursed percent
    sum to 100); it nets money disbursed above some projects' plans against others' shortfalls, so
    `over_plan` states that money on its own line (the sum of each project's excess over its plan).
    """

    planned: Decimal
    disbursed: Decimal
    over_plan: Decimal | None = ZERO  # None: not worked out (figures.compute.money_totals)

    @property
    def not_disbursed(self):
        return self.planned - self.disbursed

    @property
    def disbursed_percent(self):
        return pct(self.disbursed, self.planned)

    @property
    def not_disbursed_percent(self):
        return pct(self.not_disbursed, self.planned)


@dataclass
class QuarterPoint:
    """Cumulative money at the end of a quarter, for the chart and the dashboard."""

    quarter: int
    planned: Decimal
    disbursed: Decimal | None  # None for quarters after the round (not yet known)
    target_percent: Decimal | None
    allocated: Decimal

    @property
    def planned_percent(self):
        return pct(self.planned, self.allocated)

    @property
    def disbursed_percent(self):
        return None if self.disbursed is None else pct(self.disbursed, self.allocated)

    @property
    def target_amount(self):
        if self.target_percent is None:
            return None
        return (self.allocated * self.target_percent / 100).quantize(Decimal("0.01"))


@dataclass
class MoneySummary:
    allocated: Decimal
    quarter: MoneyLine
    cumulative: MoneyLine
    annual_planned: Decimal
    target_percent: Decimal | None
    points: list  # QuarterPoint for quarters 1..4

    @property
    def disbursed_of_allocated(self):
        return pct(self.cumulative.disbursed, self.allocated)

    @property
    def remaining(self):
        return self.allocated - self.cumulative.disbursed

    @property
    def remaining_percent(self):
        return pct(self.remaining, self.allocated)

    @property
    def target_amount(self):
        return self.points[-1].target_amount if self.points else None

    @property
    def gap_to_target(self):
        """Percentage points above (+) or below (−) the cabinet target; None without a target."""
        if self.target_percent is None or self.disbursed_of_allocated is None:
            return None
        return self.disbursed_of_allocated - self.target_percent


class GroupMoney:
    """What a group's line (or the totals line: group None) says from its `allocated` and `disbursed`: the
    booklet's GroupRow and the dashboard's GroupSummary (reports.figures.summary)."""

    @property
    def label(self):
        return self.group.short_name if self.group else "รวม"

    @property
    def disbursed_percent(self):
        return pct(self.disbursed, self.allocated)

    @property
    def remaining(self):
        return self.allocated - self.disbursed

    @property
    def remaining_percent(self):
        return pct(self.remaining, self.allocated)


@dataclass
class GroupRow(GroupMoney):
    """One responsible group's line in every by-group table (also used for the totals row). Its rows are
    fixed when it is made, so each sum is computed once (a page reads them many times)."""

    group: object  # None for the totals row
    rows: list
    quarter: int
    sources: list
    strategies: list

    @property
    def count(self):
        return len(self.rows)

    # Table 1: status
    @cached_property
    def status(self):
        return status_counts(self.rows)

    # Table 2: projects and budget by source
    def source_cell(self, source):
        amounts = [
            r.allocations.get(source.pk, ZERO) for r in self.rows if r.allocations.get(source.pk, ZERO) > 0
        ]
        return len(amounts), sum(amounts, ZERO)

    @cached_property
    def by_source(self):
        return [(s, *self.source_cell(s)) for s in self.sources]

    @cached_property
    def no_budget_count(self):
        return sum(1 for r in self.rows if not r.uses_budget)

    # Table 3: allocated / disbursed / remaining
    @cached_property
    def allocated_count(self):
        return sum(1 for r in self.rows if r.uses_budget)

    @cached_property
    def allocated(self):
        return sum((r.allocated for r in self.rows), ZERO)

    @cached_property
    def disbursed_count(self):
        return sum(1 for r in self.rows if r.disbursed_through(self.quarter) > 0)

    @cached_property
    def disbursed(self):
        return sum((r.disbursed_through(self.quarter) for r in self.rows), ZERO)

    # Table 4: owner-reported spending against finance-recorded disbursement
    @cached_property
    def spent_count(self):
        return sum(1 for r in self.rows if (r.spent_through(self.quarter) or ZERO) > 0)

    @cached_property
    def spent(self):
        return sum((r.spent_through(self.quarter) or ZERO for r in self.rows), ZERO)

    @property
    def spent_percent(self):
        return pct(self.spent, self.allocated)

    @cached_property
    def spent_unknown_count(self):
        """Projects that use budget and reported no spending figure in the round (unknown)."""
        return sum(1 for r in self.rows if r.uses_budget and r.spent_through(self.quarter) is None)

    @property
    def spent_minus_disbursed(self):
        return self.spent - self.disbursed

    # Table 5: projects by strategy, in-plan and mid-year
    @cached_property
    def in_plan_count(self):
        return sum(1 for r in self.rows if not r.project.added_mid_year)

    @cached_property
    def mid_year_count(self):
        return sum(1 for r in self.rows if r.project.added_mid_year)

    @cached_property
    def by_strategy(self):
        counts = defaultdict(int)
        for r in self.rows:
            counts[r.project.strategy_id] += 1
        return [(s, counts.get(s.pk, 0)) for s in self.strategies]


def prints_blocks(row):
    """Whether the project's section prints report blocks (`ProjectFigures.printed_blocks` is not empty),
    read from its counted reports: the same answer with or without the blocks loaded (the preview
    lists the sections from the summary rows and loads each project's blocks on demand)."""
    if row.status in ("in_progress", "completed"):
        return bool(row.reports)
    if row.status == NOT_REPORTED:
        return any(report.status != "not_started" for report in row.reports)
    return False


@dataclass
class Section:
    key: str
    title: str
    rows: list

    @property
    def full_rows(self):
        """Projects printed in full, each on its own pages: those with report blocks to print."""
        return [r for r in self.rows if prints_blocks(r) and r.project.reported_to_national_system]

    @property
    def brief_rows(self):
        """Projects printed by title only, listed together (as reference 000 lists projects not started):
        nothing to print yet, or not reported to the national system."""
        full = {id(r) for r in self.full_rows}
        return [r for r in self.rows if id(r) not in full]


@dataclass
class DigestEntry:
    row: ProjectFigures
    problems: str
    suggestions: str


@dataclass
class BookletFigures:
    action_plan: object
    office: object
    round: Round
    rows: list  # counted (not cancelled) projects, numbered in register order
    cancelled: list
    groups: list  # GroupRow per group with projects
    totals: GroupRow
    status: StatusCounts
    money: MoneySummary
    sources: list
    strategies: list
    sections: list = field(default_factory=list)
    digest: list = field(default_factory=list)  # (group, [DigestEntry])

    @property
    def register(self):
        return self.rows + self.cancelled

    @cached_property
    def register_table(self):
        """The register's lines by group, with source numbers, shortened remarks and their notes."""
        return register_of(self.groups, self.cancelled, self.sources)

    @property
    def all_rows(self):
        return self.rows + self.cancelled


# --- The register (บัญชีสรุปโครงการ), laid out as reference 003 prints it ------------------------------------
# A remark longer than this many characters (about two lines of the remark column) is shortened in its cell
# and printed whole in the notes under the table, so no row grows tall and nothing is lost.
REMARK_CELL_CHARS = 48
REMARK_PREFIX_CHARS = 36


def remark_parts(row):
    """What the register's remark column says about a project: why it was cancelled or added mid-year,
    the planner's remark and the allocations' notes, in that order."""
    project = row.project
    parts = []
    if row.cancelled and project.cancelled_reason:
        parts.append(f"ยกเลิกโครงการ: {project.cancelled_reason}")
    if project.added_mid_year and project.added_mid_year_reason:
        parts.append(f"ระหว่างปี: {project.added_mid_year_reason}")
    if project.remark:
        parts.append(project.remark)
    money = getattr(project, "round_money", None)  # plain rows (load_round(detail=False)), else the relation
    parts.extend(a.note for a in (money.allocations if money else project.allocations.all()) if a.note)
    return parts


def _shortened(text):
    """The first words of a long remark, cut at a space (Thai separates phrases with spaces)."""
    cut = text.rfind(" ", 0, REMARK_PREFIX_CHARS + 1)
    return text[:cut] if cut >= REMARK_PREFIX_CHARS // 2 else ""


@dataclass
class RegisterLine:
    row: ProjectFigures
    source_numbers: list  # the allocation lines' source numbers (the legend under the table names them)
    remark_lines: list  # what the cell prints
    note: int | None = None  # number of the note under the table holding the whole remark


@dataclass
class RegisterNote:
    number: int
    row: ProjectFigures
    text: str


@dataclass
class Register:
    groups: list  # (GroupRow, [RegisterLine])
    cancelled: list  # [RegisterLine]
    legend: list  # (number, source) for the sources the register uses
    notes: list  # [RegisterNote]


def register_of(groups, cancelled, sources):
    used = {source.pk for g in groups for r in g.rows for source, _ in r.allocation_lines}
    used |= {source.pk for r in cancelled for source, _ in r.allocation_lines}
    legend = [(n, source) for n, source in enumerate((s for s in sources if s.pk in used), start=1)]
    number_of = {source.pk: n for n, source in legend}
    notes = []

    def line(row):
        parts = remark_parts(row)
        whole = " ".join(parts)
        numbers = [number_of[source.pk] for source, _ in row.allocation_lines]
        if len(whole) <= REMARK_CELL_CHARS:
            return RegisterLine(row, numbers, parts)
        notes.append(RegisterNote(len(notes) + 1, row, " · ".join(parts)))
        prefix = _shortened(whole)
        return RegisterLine(row, numbers, [f"{prefix} …"] if prefix else [], note=len(notes))

    return Register(
        groups=[(g, [line(r) for r in g.rows]) for g in groups],
        cancelled=[line(r) for r in cancelled],
        legend=legend,
        notes=notes,
    )
