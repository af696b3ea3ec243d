"""Reads for the year-end report pages: the report with its rows, what prefills a new one from the
quarterly reports, the money left (budget.selectors, never retyped) and the planner's queue."""

from dataclasses import dataclass

from django.db.models import Prefetch

from budget.selectors import project_money
from plans.thai_calendar import THAI_MONTHS_SHORT, be_year, quarter_bounds
from projects.models import Activity, Project, QuarterlyReport, ReportState, YearEndReport
from projects.year_end.verdicts import indicator_verdict

PAGE_PREFETCH = [
    "indicators", "allocations__source", "spending_plan", "disbursements",
    Prefetch("activities", queryset=Activity.objects.order_by("display_order", "pk")),
    Prefetch("reports", queryset=QuarterlyReport.objects.order_by("quarter")),
    "reports__indicator_results", "reports__activity_progress",
]


def projects_for_year_end_page():
    return Project.objects.select_related("strategy", "group").prefetch_related(*PAGE_PREFETCH)


def year_end_of(project):
    """The project's year-end report with its rows, or None."""
    return (YearEndReport.objects.filter(project=project)
            .select_related("submitted_by", "reviewed_by", "moved_to")
            .prefetch_related("objectives", "steps", "indicator_results").first())


def remaining_money(project):
    """budget.selectors.ProjectMoney: allocated, disbursed_total and remaining (allocated − disbursed)."""
    return project_money(project)


def _month(d):
    return f"{THAI_MONTHS_SHORT[d.month - 1]} {be_year(d)}"


def planned_period(activity, fiscal_be_year):
    """"ไตรมาส 1–2 (ต.ค. 2566 – มี.ค. 2567)" from the activity's planned quarters; "" when none."""
    quarters = activity.planned_quarters
    if not quarters:
        return ""
    first, last = quarters[0], quarters[-1]
    start, end = quarter_bounds(fiscal_be_year, first)[0], quarter_bounds(fiscal_be_year, last)[1]
    label = f"ไตรมาส {first}" if first == last else f"ไตรมาส {first}–{last}"
    return f"{label} ({_month(start)} – {_month(end)})"


def latest_report(project):
    """The latest quarterly report sent (submitted, returned or accepted), else the latest draft."""
    reports = sorted(project.reports.all(), key=lambda r: r.quarter, reverse=True)
    sent = [r for r in reports if r.state != ReportState.DRAFT]
    return (sent or reports or [None])[0]


def _goal_lines(project):
    lines = []
    for text in (project.output_goal, project.outcome_goal):
        lines.extend(line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t"))
    return lines


@dataclass
class Prefill:
    values: dict
    objectives: list
    steps: list
    indicators: dict
    source: object  # the quarterly report it came from, or None


def prefill(project):
    """A new year-end report's starting point from what the portal knows: the latest quarterly
    report's results, problems and suggestions, its indicator results (Q4's when sent), the
    activities as steps with their planned period, and the project's goals as objectives."""
    latest = latest_report(project)
    values = {}
    if latest is not None:
        values = {
            "quantitative_results": latest.output_progress or latest.results,
            "qualitative_results": latest.outcome_progress,
            "problems": latest.problems,
            "suggestions": latest.suggestions,
        }
    money = remaining_money(project)
    if money.allocated and money.remaining == 0:
        values["disposition"] = "none"
    fiscal = project.action_plan.fiscal_year.be_year
    steps = [{"activity_id": a.pk, "title": a.title, "planned_period": planned_period(a, fiscal),
              "started_on": None, "finished_on": None} for a in project.activities.all()]
    indicators = {}
    if latest is not None:
        for row in latest.indicator_results.all():
            indicators[row.indicator_id] = {"value": row.value, "text": row.text, "miss_reason": ""}
    objectives = [{"text": line, "met": None, "note": ""} for line in _goal_lines(project)]
    return Prefill(values=values, objectives=objectives, steps=steps, indicators=indicators, source=latest)


def activity_statuses(project):
    """{activity id: its status in the latest quarterly report that has it} (shown beside each step)."""
    statuses = {}
    for report in sorted(project.reports.all(), key=lambda r: r.quarter):
        for row in report.activity_progress.all():
            statuses[row.activity_id] = row.get_status_display()
    return statuses


@dataclass
class IndicatorLine:
    indicator: object
    result: object  # YearEndIndicatorResult or None
    verdict: object


def indicator_lines(project, report):
    results = {r.indicator_id: r for r in report.indicator_results.all()} if report is not None else {}
    return [IndicatorLine(i, results.get(i.pk), indicator_verdict(i, results.get(i.pk)))
            for i in project.indicators.all()]


def waiting_year_end(action_plan):
    """The plan's year-end reports sent and not yet reviewed, in the plan's order of projects."""
    return (YearEndReport.objects.filter(project__action_plan=action_plan, state=ReportState.SUBMITTED)
            .select_related("project__group", "submitted_by")
            .order_by("project__display_order", "project__code", "project_id"))


def year_end_states(action_plan):
    """{project id: YearEndReport} of the plan (for lists and the owner's home)."""
    return {r.project_id: r for r in YearEndReport.objects.filter(project__action_plan=action_plan)}


def plan_board(action_plan):
    """[(project, YearEndReport or None)] of the plan's projects not cancelled, in the plan's order."""
    reports = year_end_states(action_plan)
    projects = (Project.objects.filter(action_plan=action_plan, cancelled=False).select_related("group")
                .order_by("display_order", "code", "pk"))
    return [(p, reports.get(p.pk)) for p in projects]
