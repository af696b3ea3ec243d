"""Every figure of the booklet, the Excel export and the dashboard: computed here, once.

One fixed set of queries loads an action plan's projects with everything a round needs
(`load_round`); the rest is plain Python over those rows, so the number of queries does not
grow with the number of projects. Pages, the PDF, Excel and the dashboard import from here and
never add or divide money themselves.

Rules (booklet.md, domain.md):
- A round of 3/6/9/12 months covers the fiscal year's quarters 1..q (`thai_calendar`).
- A project's status in a round is the status of its *submitted* report (submitted, returned or
  accepted) for the round's closing quarter; without one the project is ไม่รายงาน (not reported)
  even if it reported an earlier quarter: the owner has not reported for this round. Its earlier
  report blocks are still printed. Drafts are the owner's work in progress and do not count.
- Disbursed (เบิกจ่าย) = finance-recorded Disbursement rows, quarter by date. Owner-reported
  spending (ใช้จ่าย) = QuarterlyReport.spent_amount; a quarter without it is unknown (None),
  never zero, and sums say how many projects they leave out.
- Cancelled projects (ยกเลิกโครงการ) are listed in the register with their reason but counted
  in no table, total or percent: they are no longer part of the plan's work.
- Percent = part ÷ whole × 100, half-up to 2 decimals (`thai_formats.percent_of`); every
  percent's base is named in its column heading.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from plans import thai_calendar
from plans.thai_formats import percent_of

ZERO = Decimal("0")

NOT_REPORTED = "not_reported"
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
# Reports an owner has handed in; a draft is still the owner's.
COUNTED_REPORT_STATES = ("submitted", "returned", "accepted")

GROUPINGS = ("status", "group", "strategy")


def pct(part, whole):
    return percent_of(part, whole)


NOTHING_SAID = {"", "-", "–", "ไม่มี", "ไม่มี -"}


def said(text):
    """A free-text answer, or "" when the owner wrote only a dash or "none" (ไม่มี)."""
    text = (text or "").strip()
    return "" if text in NOTHING_SAID else text


# --- the round ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    """รอบ ๓/๖/๙/๑๒ เดือน of fiscal year `be_year`."""

    be_year: int
    months: int
    as_of: datetime.date | None = None

    @property
    def quarter(self):
        return thai_calendar.quarter_of_round(self.months)

    @property
    def quarters(self):
        return list(range(1, self.quarter + 1))

    @property
    def start(self):
        return thai_calendar.round_bounds(self.be_year, self.months)[0]

    @property
    def end(self):
        return thai_calendar.round_bounds(self.be_year, self.months)[1]

    @property
    def as_of_date(self):
        return self.as_of or self.end

    @property
    def quarter_start(self):
        return thai_calendar.quarter_bounds(self.be_year, self.quarter)[0]


# --- loading -----------------------------------------------------------------------------


def load_round(action_plan, rnd: Round):
    """Everything the round's figures need, in a fixed number of queries."""
    from budget.models import BudgetSource
    from budget.selectors import cabinet_targets
    from plans.models import Group, Strategy
    from projects.models import ActivityProgress, IndicatorResult, Project, QuarterlyReport

    reports = (
        QuarterlyReport.objects.filter(quarter__lte=rnd.quarter, state__in=COUNTED_REPORT_STATES)
        .order_by("quarter")
        .prefetch_related(
            Prefetch("activity_progress", queryset=ActivityProgress.objects.select_related("activity")),
            Prefetch("indicator_results", queryset=IndicatorResult.objects.all()),
        )
    )
    projects = list(
        Project.objects.filter(action_plan=action_plan)
        .select_related("group", "strategy")
        .prefetch_related(
            "owners",
            "allocations",
            "spending_plan",
            "disbursements",
            "activities",
            "indicators",
            "alignment",
            Prefetch("reports", queryset=reports, to_attr="round_reports"),
        )
        .order_by("display_order", "code", "pk")
    )
    groups = list(Group.objects.filter(office_id=action_plan.office_id).order_by("display_order", "name"))
    strategies = list(
        Strategy.objects.filter(development_plan_id=action_plan.development_plan_id).order_by("number")
    )
    sources = list(BudgetSource.objects.order_by("display_order", "code"))
    targets = cabinet_targets(action_plan.office_id, action_plan.fiscal_year_id)
    return projects, groups, strategies, sources, targets


# --- per project -------------------------------------------------------------------------


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
    allocation_lines: list = field(default_factory=list)  # (source, amount) in source order
    number: int = 0
    blocks: list = field(default_factory=list)

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

    @property
    def allocated(self):
        return sum(self.allocations.values(), ZERO)

    @property
    def uses_budget(self):
        return self.allocated > 0

    def planned_through(self, quarter):
        return sum((self.planned.get(q, ZERO) for q in range(1, quarter + 1)), ZERO)

    def disbursed_through(self, quarter):
        return sum((self.disbursed.get(q, ZERO) for q in range(1, quarter + 1)), ZERO)

    def spent_through(self, quarter):
        """Owner-reported spending through `quarter`; None when no quarter of it was reported."""
        known = [self.spent[q] for q in range(1, quarter + 1) if self.spent.get(q) is not None]
        return sum(known, ZERO) if known else None

    @property
    def latest_report(self):
        return self.reports[-1] if self.reports else None

    @property
    def owner_names(self):
        return ", ".join(o.first_name or o.get_full_name() or o.username for o in self.project.owners.all())


def _alignment_of(project):
    by_kind = defaultdict(list)
    for item in project.alignment.all():
        by_kind[item.kind].append(item)
    return by_kind


def project_figures(project, rnd: Round, sources=()):
    allocations = defaultdict(lambda: ZERO)
    for allocation in project.allocations.all():
        allocations[allocation.source_id] += allocation.amount
    planned = {line.quarter: line.amount for line in project.spending_plan.all()}
    disbursed = defaultdict(lambda: ZERO)
    for d in project.disbursements.all():
        # Disbursements after the as-of cut-off are not yet known to the booklet.
        if thai_calendar.fiscal_year_of(d.date) == rnd.be_year and d.date <= rnd.as_of_date:
            disbursed[thai_calendar.quarter_of(d.date)] += d.amount
    reports = sorted(getattr(project, "round_reports", []), key=lambda r: r.quarter)
    spent = {r.quarter: r.spent_amount for r in reports}
    closing = [r for r in reports if r.quarter == rnd.quarter]
    status = closing[0].status if closing else NOT_REPORTED
    figures = ProjectFigures(
        project=project,
        allocations=dict(allocations),
        planned=planned,
        disbursed=dict(disbursed),
        spent=spent,
        reports=reports,
        status=status,
        round_quarter=rnd.quarter,
        allocation_lines=[(src, allocations[src.pk]) for src in sources if src.pk in allocations],
    )
    alignment = _alignment_of(project)
    activities = list(project.activities.all())
    mains = [a for a in activities if a.parent_id is None]
    children = defaultdict(list)
    for a in activities:
        if a.parent_id is not None:
            children[a.parent_id].append(a)
    indicators = list(project.indicators.all())
    for report in reports:
        progress = {p.activity_id: p for p in report.activity_progress.all()}
        results = {r.indicator_id: r for r in report.indicator_results.all()}
        figures.blocks.append(
            ReportBlock(
                report=report,
                quarter=report.quarter,
                planned=planned.get(report.quarter, ZERO),
                disbursed=figures.disbursed.get(report.quarter, ZERO),
                indicators=[(i, results.get(i.pk)) for i in indicators],
                activities=[
                    (m, progress.get(m.pk), [(c, progress.get(c.pk)) for c in children[m.pk]]) for m in mains
                ],
                alignment=alignment,
            )
        )
    return figures


# --- tables ------------------------------------------------------------------------------


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
    """Planned vs disbursed over some span (a quarter, or cumulative)."""

    planned: Decimal
    disbursed: Decimal

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


def money_summary(rows, rnd: Round, targets):
    q = rnd.quarter
    allocated = sum((r.allocated for r in rows), ZERO)
    points = []
    for quarter in range(1, 5):
        points.append(
            QuarterPoint(
                quarter=quarter,
                planned=sum((r.planned_through(quarter) for r in rows), ZERO),
                disbursed=sum((r.disbursed_through(quarter) for r in rows), ZERO) if quarter <= q else None,
                target_percent=targets.get(quarter),
                allocated=allocated,
            )
        )
    return MoneySummary(
        allocated=allocated,
        quarter=MoneyLine(
            planned=sum((r.planned.get(q, ZERO) for r in rows), ZERO),
            disbursed=sum((r.disbursed.get(q, ZERO) for r in rows), ZERO),
        ),
        cumulative=MoneyLine(planned=points[q - 1].planned, disbursed=points[q - 1].disbursed),
        annual_planned=points[-1].planned,
        target_percent=targets.get(q),
        points=points[:q],
    )


@dataclass
class GroupRow:
    """One responsible group's line in every by-group table (also used for the totals row)."""

    group: object  # None for the totals row
    rows: list
    quarter: int
    sources: list
    strategies: list

    @property
    def label(self):
        return self.group.short_name if self.group else "รวม"

    @property
    def count(self):
        return len(self.rows)

    # Table 1: status
    @property
    def status(self):
        return status_counts(self.rows)

    # Table 2: projects and budget by source
    def source_cell(self, source):
        amounts = [
            r.allocations.get(source.pk, ZERO) for r in self.rows if r.allocations.get(source.pk, ZERO) > 0
        ]
        return len(amounts), sum(amounts, ZERO)

    @property
    def by_source(self):
        return [(s, *self.source_cell(s)) for s in self.sources]

    @property
    def no_budget_count(self):
        return sum(1 for r in self.rows if not r.uses_budget)

    # Table 3: allocated / disbursed / remaining
    @property
    def allocated_count(self):
        return sum(1 for r in self.rows if r.uses_budget)

    @property
    def allocated(self):
        return sum((r.allocated for r in self.rows), ZERO)

    @property
    def disbursed_count(self):
        return sum(1 for r in self.rows if r.disbursed_through(self.quarter) > 0)

    @property
    def disbursed(self):
        return sum((r.disbursed_through(self.quarter) for r in self.rows), ZERO)

    @property
    def disbursed_percent(self):
        return pct(self.disbursed, self.allocated)

    @property
    def remaining(self):
        return self.allocated - self.disbursed

    @property
    def remaining_percent(self):
        return pct(self.remaining, self.allocated)

    # Table 4: owner-reported spending against finance-recorded disbursement
    @property
    def spent_count(self):
        return sum(1 for r in self.rows if (r.spent_through(self.quarter) or ZERO) > 0)

    @property
    def spent(self):
        return sum((r.spent_through(self.quarter) or ZERO for r in self.rows), ZERO)

    @property
    def spent_percent(self):
        return pct(self.spent, self.allocated)

    @property
    def spent_unknown_count(self):
        """Projects that use budget and reported no spending figure in the round (unknown)."""
        return sum(1 for r in self.rows if r.uses_budget and r.spent_through(self.quarter) is None)

    @property
    def spent_minus_disbursed(self):
        return self.spent - self.disbursed

    # Table 5: projects by strategy, in-plan and mid-year
    @property
    def in_plan_count(self):
        return sum(1 for r in self.rows if not r.project.added_mid_year)

    @property
    def mid_year_count(self):
        return sum(1 for r in self.rows if r.project.added_mid_year)

    @property
    def by_strategy(self):
        counts = defaultdict(int)
        for r in self.rows:
            counts[r.project.strategy_id] += 1
        return [(s, counts.get(s.pk, 0)) for s in self.strategies]


@dataclass
class Section:
    key: str
    title: str
    rows: list


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

    @property
    def all_rows(self):
        return self.rows + self.cancelled


def _sections(rows, groups, strategies, grouping):
    if grouping == "status":
        return [
            Section(s, STATUS_LABELS[s], [r for r in rows if r.status == s])
            for s in STATUS_ORDER
            if any(r.status == s for r in rows)
        ]
    if grouping == "strategy":
        return [
            Section(
                f"s{s.pk}", f"กลยุทธ์ที่ {s.number} {s.title}", [r for r in rows if r.project.strategy_id == s.pk]
            )
            for s in strategies
            if any(r.project.strategy_id == s.pk for r in rows)
        ]
    return [Section(f"g{g.group.pk}", g.group.name, g.rows) for g in groups if g.rows]


def booklet_figures(action_plan, rnd: Round, *, grouping="status"):
    """All figures of one round of one action plan."""
    if grouping not in GROUPINGS:
        raise ValueError(f"grouping must be one of {GROUPINGS}, got {grouping!r}")
    projects, groups, strategies, sources, targets = load_round(action_plan, rnd)
    return figures_from_rows(
        action_plan, rnd, projects, groups, strategies, sources, targets, grouping=grouping
    )


def figures_from_rows(action_plan, rnd, projects, groups, strategies, sources, targets, *, grouping="status"):
    all_rows = [project_figures(p, rnd, sources) for p in projects]
    group_order = {g.pk: i for i, g in enumerate(groups)}
    # Register order: by group as the office lists its groups, then the plan's own order.
    all_rows.sort(
        key=lambda r: (
            group_order.get(r.project.group_id, len(groups)),
            r.project.display_order,
            r.project.code,
        )
    )
    rows = [r for r in all_rows if not r.cancelled]
    cancelled = [r for r in all_rows if r.cancelled]
    for number, row in enumerate(rows + cancelled, start=1):
        row.number = number
    group_rows = [
        GroupRow(g, [r for r in rows if r.project.group_id == g.pk], rnd.quarter, sources, strategies)
        for g in groups
    ]
    group_rows = [g for g in group_rows if g.rows]
    totals = GroupRow(None, rows, rnd.quarter, sources, strategies)
    sections = _sections(rows, group_rows, strategies, grouping)
    digest = []
    for g in group_rows:
        entries = []
        for r in g.rows:
            latest = r.latest_report
            if latest is not None and (said(latest.problems) or said(latest.suggestions)):
                entries.append(DigestEntry(r, said(latest.problems), said(latest.suggestions)))
        if entries:
            digest.append((g.group, entries))
    return BookletFigures(
        action_plan=action_plan,
        office=action_plan.office,
        round=rnd,
        rows=rows,
        cancelled=cancelled,
        groups=group_rows,
        totals=totals,
        status=status_counts(rows),
        money=money_summary(rows, rnd, targets),
        sources=sources,
        strategies=strategies,
        sections=sections,
        digest=digest,
    )


# --- dashboard ---------------------------------------------------------------------------


def overdue_reports(action_plan, rows, today):
    """(window, [ProjectFigures]) for closed-deadline quarters whose reports are missing."""
    from plans.models import ReportingWindow

    overdue = []
    for window in ReportingWindow.objects.filter(action_plan=action_plan, deadline__lt=today).order_by(
        "quarter"
    ):
        missing = [r for r in rows if not any(rep.quarter == window.quarter for rep in r.reports)]
        if missing:
            overdue.append((window, missing))
    return overdue


def current_round(action_plan, today):
    """The round the dashboard shows: up to the latest quarter opened for reporting, else the
    latest quarter that has ended by `today` (at least the 3-month round)."""
    from plans.models import ReportingWindow

    be_year = action_plan.fiscal_year.be_year
    opened = ReportingWindow.objects.filter(action_plan=action_plan).order_by("-quarter").first()
    if opened is not None:
        return Round(be_year, opened.quarter * 3)
    months = 3
    for quarter in thai_calendar.quarters_of(be_year):
        if quarter.end < today:
            months = quarter.round_months
    return Round(be_year, months)
