"""The computation: a project's figures, the money summary, the booklet's sections, the dashboard's
overdue reports and current round."""

from __future__ import annotations

from collections import defaultdict

from plans import thai_calendar
from plans.models import ReportingWindow
from projects.round_status import is_missed, status_in_round
from reports.figures.rows import load_round
from reports.figures.tables import (
    BookletFigures,
    DigestEntry,
    GroupRow,
    MoneyLine,
    MoneySummary,
    QuarterPoint,
    Section,
    status_counts,
)
from reports.figures.types import (
    GROUPINGS,
    STATUS_LABELS,
    STATUS_ORDER,
    ZERO,
    ProjectFigures,
    ReportBlock,
    Round,
    disbursed_by_quarter,
    said,
    through,
)


def _alignment_of(project):
    by_kind = defaultdict(list)
    for item in project.alignment.all():
        by_kind[item.kind].append(item)
    return by_kind


def project_figures(project, rnd: Round, sources=(), *, detail=True):
    """A project's figures; detail=False (the booklet preview's summaries) leaves out the report blocks."""
    money = getattr(project, "round_money", None)  # plain rows (load_round(detail=False)), else the relations
    allocations = defaultdict(lambda: ZERO)
    for allocation in money.allocations if money else project.allocations.all():
        allocations[allocation.source_id] += allocation.amount
    planned = {line.quarter: line.amount for line in (money.spending_plan if money else project.spending_plan.all())}
    disbursed = disbursed_by_quarter(money.disbursements if money else project.disbursements.all(), rnd)
    reports = money.reports if money else sorted(getattr(project, "round_reports", []), key=lambda r: r.quarter)
    spent = {r.quarter: r.spent_amount for r in reports}
    in_round = status_in_round(reports, rnd.quarter)
    figures = ProjectFigures(
        project=project,
        allocations=dict(allocations),
        planned=planned,
        disbursed=disbursed,
        spent=spent,
        reports=reports,
        status=in_round.status,
        round_quarter=rnd.quarter,
        carried_from=in_round.carried_from,
        allocation_lines=[(src, allocations[src.pk]) for src in sources if src.pk in allocations],
    )
    if not detail:
        return figures
    alignment = _alignment_of(project)
    figures.alignment = alignment
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


def money_summary(rows, rnd: Round, targets):
    q = rnd.quarter
    return money_totals(
        sum((r.allocated for r in rows), ZERO),
        {quarter: sum((r.planned.get(quarter, ZERO) for r in rows), ZERO) for quarter in range(1, 5)},
        {quarter: sum((r.disbursed.get(quarter, ZERO) for r in rows), ZERO) for quarter in range(1, q + 1)},
        rnd,
        targets,
        over_plan=(
            sum((max(r.disbursed.get(q, ZERO) - r.planned.get(q, ZERO), ZERO) for r in rows), ZERO),
            sum((max(r.disbursed_through(q) - r.planned_through(q), ZERO) for r in rows), ZERO),
        ),
    )


def money_totals(allocated, planned, disbursed, rnd: Round, targets, over_plan=(None, None)):
    """The money summary from the plan's sums: `planned` {quarter: amount} of the year, `disbursed`
    {quarter: amount} of the round's quarters. over_plan (the quarter's, the cumulative): the sums of
    each project's excess over its own plan, which sums over the projects cannot give; None when not
    worked out (the dashboard, which does not show them)."""
    q = rnd.quarter
    points = [
        QuarterPoint(
            quarter=quarter,
            planned=through(planned, quarter),
            disbursed=through(disbursed, quarter) if quarter <= q else None,
            target_percent=targets.get(quarter),
            allocated=allocated,
        )
        for quarter in range(1, 5)
    ]
    return MoneySummary(
        allocated=allocated,
        quarter=MoneyLine(planned=planned.get(q, ZERO), disbursed=disbursed.get(q, ZERO), over_plan=over_plan[0]),
        cumulative=MoneyLine(planned=points[q - 1].planned, disbursed=points[q - 1].disbursed,
                             over_plan=over_plan[1]),
        annual_planned=points[-1].planned,
        target_percent=targets.get(q),
        points=points[:q],
    )


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


def booklet_figures(action_plan, rnd: Round, *, grouping="status", detail=True):
    """All figures of one round of one action plan. detail=False (the booklet preview's summaries): the same totals,
    status counts, money and group tables, without the projects' report blocks and the digest."""
    if grouping not in GROUPINGS:
        raise ValueError(f"grouping must be one of {GROUPINGS}, got {grouping!r}")
    projects, groups, strategies, sources, targets = load_round(action_plan, rnd, detail=detail)
    return figures_from_rows(
        action_plan, rnd, projects, groups, strategies, sources, targets, grouping=grouping, detail=detail
    )


def register_order(groups):
    """The register's order as a sort key of a project (or a row with group_id, display_order and code): by
    group as the office lists its groups, then the plan's own order."""
    group_order = {g.pk: i for i, g in enumerate(groups)}
    return lambda project: (group_order.get(project.group_id, len(groups)), project.display_order, project.code)


def figures_from_rows(action_plan, rnd, projects, groups, strategies, sources, targets, *, grouping="status",
                      detail=True):
    all_rows = [project_figures(p, rnd, sources, detail=detail) for p in projects]
    in_order = register_order(groups)
    all_rows.sort(key=lambda r: in_order(r.project))
    rows = [r for r in all_rows if not r.cancelled]
    cancelled = [r for r in all_rows if r.cancelled]
    for number, row in enumerate(rows + cancelled, start=1):
        row.number = number
    by_group = defaultdict(list)
    for r in rows:
        by_group[r.project.group_id].append(r)
    group_rows = [GroupRow(g, by_group[g.pk], rnd.quarter, sources, strategies) for g in groups]
    group_rows = [g for g in group_rows if g.rows]
    totals = GroupRow(None, rows, rnd.quarter, sources, strategies)
    sections = _sections(rows, group_rows, strategies, grouping)
    digest = digest_of(group_rows) if detail else []
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


def digest_of(group_rows, texts=None):
    """(group, [DigestEntry]) of the projects whose latest report in the round names problems or
    suggestions. texts: {report id: (problems, suggestions)} when the rows carry no report texts (the
    preview's digest, loaded on its own)."""
    digest = []
    for g in group_rows:
        entries = []
        for r in g.rows:
            latest = r.latest_report
            if latest is None:
                continue
            problems, suggestions = texts.get(latest.id, ("", "")) if texts is not None else (
                latest.problems, latest.suggestions)
            if said(problems) or said(suggestions):
                entries.append(DigestEntry(r, said(problems), said(suggestions)))
        if entries:
            digest.append((g.group, entries))
    return digest


def overdue_reports(action_plan, rows, today):
    """(window, [ProjectFigures]) for quarters whose deadline has passed with reports missed
    (`projects.round_status.is_missed`: the one definition the board, owners and reminders use too)."""

    overdue = []
    for window in ReportingWindow.objects.filter(action_plan=action_plan, deadline__lt=today).order_by(
        "quarter"
    ):
        missing = [r for r in rows if is_missed(window, r.project, r.reports, today)]
        if missing:
            overdue.append((window, missing))
    return overdue


def current_round(action_plan, today):
    """The round the dashboard shows: up to the latest quarter opened for reporting, else the
    latest quarter that has ended by `today` (at least the 3-month round)."""

    be_year = action_plan.fiscal_year.be_year
    opened = ReportingWindow.objects.filter(action_plan=action_plan).order_by("-quarter").first()
    if opened is not None:
        return Round(be_year, opened.quarter * 3)
    months = 3
    for quarter in thai_calendar.quarters_of(be_year):
        if quarter.end < today:
            months = quarter.round_months
    return Round(be_year, months)
