"""The figures' vocabulary and the result types for one project: statuses, the round, a project's
report blocks and figures."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from plans import thai_calendar
from plans.thai_formats import percent_of
from projects.round_status import COUNTED_REPORT_STATES, NOT_REPORTED  # noqa: F401  (defined once, there)

ZERO = Decimal("0")

STATUS_ORDER = ("completed", "in_progress", "not_started", NOT_REPORTED)
STATUS_LABELS = {
    "completed": "ดำเนินการเสร็จสิ้นแล้ว",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "not_started": "ยังไม่ได้ดำเนินการ",
    NOT_REPORTED: "ไม่รายงาน",
}
STATUS_SHORT = {
    "completed": "เสร็จสิ้นแล้ว",
    "in_progress": "ระหว่างดำเนินการ",
    "not_started": "ยังไม่ดำเนินการ",
    NOT_REPORTED: "ไม่รายงาน",
}

GROUPINGS = ("status", "group", "strategy")


def pct(part, whole):
    return percent_of(part, whole)


def through(per_quarter, quarter):
    """The sum of `per_quarter` ({quarter: amount}) over quarters 1..`quarter`: cumulative money."""
    return sum((per_quarter.get(q, ZERO) for q in range(1, quarter + 1)), ZERO)


def disbursed_by_quarter(disbursements, rnd):
    """{quarter: amount} of `disbursements` (rows with .date and .amount) that the round knows: dated in its
    fiscal year and on or before its as-of date (later ones are not yet known to the booklet)."""
    disbursed = {}
    for d in disbursements:
        if thai_calendar.fiscal_year_of(d.date) == rnd.be_year and d.date <= rnd.as_of_date:
            quarter = thai_calendar.quarter_of(d.date)
            disbursed[quarter] = disbursed.get(quarter, ZERO) + d.amount
    return disbursed


NOTHING_SAID = {"", "-", "–", "ไม่มี", "ไม่มี -"}


def said(text):
    """A free-text answer, or "" when the owner wrote only a dash or "none" (ไม่มี)."""
    text = (text or "").strip()
    return "" if text in NOTHING_SAID else text


# --- the round ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    """รอบ ๓/๖/๙/๑๒ เดือน of fiscal year `be_year`. Its dates are worked out once (the figures read them
    for every disbursement of every project)."""

    be_year: int
    months: int
    as_of: datetime.date | None = None

    @cached_property
    def quarter(self):
        return thai_calendar.quarter_of_round(self.months)

    @property
    def quarters(self):
        return list(range(1, self.quarter + 1))

    @cached_property
    def start(self):
        return thai_calendar.round_bounds(self.be_year, self.months)[0]

    @cached_property
    def end(self):
        return thai_calendar.round_bounds(self.be_year, self.months)[1]

    @cached_property
    def as_of_date(self):
        return self.as_of or self.end

    @cached_property
    def quarter_start(self):
        return thai_calendar.quarter_bounds(self.be_year, self.quarter)[0]


@dataclass
class ReportBlock:
    """One quarter's report of a project, with the money of that quarter."""

    report: object
    quarter: int
    planned: Decimal
    disbursed: Decimal
    indicators: list  # (indicator, result or None)
    activities: list  # (main activity, progress or None, [(sub activity, progress or None)])
    alignment: dict

    @property
    def as_planned(self):
        """True/False for the result sentence; None when nothing was planned nor disbursed (no sentence)."""
        if self.planned == 0 and self.disbursed == 0:
            return None
        # Over-spending is "not as planned" too.
        return self.planned == self.disbursed


@dataclass
class ProjectFigures:
    project: object
    allocations: dict  # source_id -> Decimal
    planned: dict  # quarter -> Decimal
    disbursed: dict  # quarter -> Decimal (finance, by date, this fiscal year)
    spent: dict  # quarter -> Decimal or None (owner-reported)
    reports: list  # submitted reports of the round, by quarter
    status: str
    round_quarter: int
    carried_from: int | None = None  # completed in this earlier quarter, status carried forward
    allocation_lines: list = field(default_factory=list)  # (source, amount) in source order
    number: int = 0
    blocks: list = field(default_factory=list)
    alignment: dict = field(default_factory=dict)  # AlignmentKind value -> [AlignmentItem]
    # The sums through a quarter, each worked out once: the tables read them for every group and the totals.
    _through: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def alignment_lines(self):
        """(label, [items]) of what the project serves higher up, in the order reference 003 prints it."""
        labels = [("national_strategy", "ยุทธศาสตร์ชาติ"), ("master_plan", "แผนแม่บทประเด็น"),
                  ("sub_plan", "แผนย่อย"),
                  ("nesdp_milestone", "หมุดหมายตามแผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13"),
                  ("obec_policy", "นโยบาย สพฐ."), ("ministry_policy", "นโยบายกระทรวงศึกษาธิการ")]
        return [(label, self.alignment[kind]) for kind, label in labels if self.alignment.get(kind)]

    @property
    def owners(self):
        """(user, position) of each owner, for the sign-off."""
        lines = []
        for owner in self.project.owners.all():
            membership = next(iter(owner.memberships.all()), None)
            lines.append((owner, membership.position if membership else ""))
        return lines

    @property
    def group_head(self):
        """(user, position) of the group's head who certifies the report, or (None, a default position)."""
        group = self.project.group
        head = group.head
        if head is None:
            return None, f"ผู้อำนวยการ{group.name}"
        membership = next(iter(head.memberships.all()), None)
        return head, (membership.position if membership and membership.position else f"ผู้อำนวยการ{group.name}")

    @property
    def signed_report(self):
        """The report the sign-off is about: the latest printed one."""
        blocks = self.printed_blocks
        return blocks[-1].report if blocks else None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def status_short(self):
        return STATUS_SHORT[self.status]

    @property
    def printed_blocks(self):
        """Report blocks the project section prints: all of them for a project in progress or
        completed; for one not reported this round, its earlier blocks that say more than "not started"."""
        if self.status in ("in_progress", "completed"):
            return self.blocks
        if self.status == NOT_REPORTED:
            return [b for b in self.blocks if b.report.status != "not_started"]
        return []

    @property
    def disbursed_total(self):
        return self.disbursed_through(self.round_quarter)

    @property
    def spent_total(self):
        return self.spent_through(self.round_quarter)

    @property
    def cancelled(self):
        return self.project.cancelled

    @cached_property
    def allocated(self):
        return sum(self.allocations.values(), ZERO)

    @property
    def uses_budget(self):
        return self.allocated > 0

    def _once(self, name, quarter, compute):
        key = (name, quarter)
        if key not in self._through:
            self._through[key] = compute(quarter)
        return self._through[key]

    def planned_through(self, quarter):
        return self._once("planned", quarter, self._planned_through)

    def disbursed_through(self, quarter):
        return self._once("disbursed", quarter, self._disbursed_through)

    def spent_through(self, quarter):
        return self._once("spent", quarter, self._spent_through)

    def _planned_through(self, quarter):
        return through(self.planned, quarter)

    def _disbursed_through(self, quarter):
        return through(self.disbursed, quarter)

    def _spent_through(self, quarter):
        """Owner-reported spending through `quarter`; None (unknown, printed ไม่รายงาน) when the owner
        gave no figure for `quarter` itself, unless the project was completed in an earlier quarter
        (nothing more is spent after completion). Earlier quarters without a figure add nothing."""
        completed_in = min((r.quarter for r in self.reports if r.status == "completed"), default=None)
        closing_known = self.spent.get(quarter) is not None or (
            completed_in is not None and completed_in < quarter
        )
        if not closing_known:
            return None
        known = [self.spent[q] for q in range(1, quarter + 1) if self.spent.get(q) is not None]
        return sum(known, ZERO)

    @property
    def latest_report(self):
        return self.reports[-1] if self.reports else None

    @property
    def owner_names(self):
        return ", ".join(o.first_name or o.get_full_name() or o.username for o in self.project.owners.all())
