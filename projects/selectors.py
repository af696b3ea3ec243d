"""Reads about projects, already limited to what the asking user may see."""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, Q, Sum

from plans.selectors import membership_of
from projects.models import Project, QuarterlyReport, ReportState
from projects.round_status import is_missed, status_in_round


def projects_visible_to(user, action_plan):
    """Projects of `action_plan` the user may read: every member of the plan's office reads them all."""
    membership = membership_of(user)
    if membership is None or membership.office_id != action_plan.office_id:
        return Project.objects.none()
    return Project.objects.filter(action_plan=action_plan)


def current_quarter(action_plan, projects=()):
    """The quarter the office is reporting on: its latest reporting window's, else the latest reported one."""
    window = action_plan.reporting_windows.order_by("-quarter").values_list("quarter", flat=True).first()
    if window:
        return window
    reported = [r.quarter for p in projects for r in p.reports_in_order]
    return max(reported, default=1)


def project_list(user, action_plan, *, group=None, strategy=None, status=None, search="", owner=None, quarter=None):
    """The project list page's rows in a fixed number of queries, each with `current_report` (its report for the
    quarter being reported on, or `quarter` when asked; None when it has not reported) and `latest_report` (its
    latest of any quarter). `search` looks in the code and the title.
    """
    projects = (
        projects_visible_to(user, action_plan)
        .select_related("group", "strategy")
        .prefetch_related(
            Prefetch("owners", to_attr="owner_list"),
            # The list shows a report's quarter and status only: not its texts (a large office has thousands).
            Prefetch("reports", queryset=QuarterlyReport.objects.only("id", "project_id", "quarter", "state", "status")
                     .order_by("quarter"), to_attr="reports_in_order"),
        )
        .annotate(allocated=Sum("allocations__amount"))
        .order_by("group__display_order", "display_order", "code")
    )
    if group:
        projects = projects.filter(group_id=group)
    if strategy:
        projects = projects.filter(strategy_id=strategy)
    if search:
        projects = projects.filter(Q(title__icontains=search.strip()) | Q(code__icontains=search.strip()))
    if owner:
        projects = projects.filter(pk__in=Project.owners.through.objects.filter(user_id=owner).values("project_id"))
    rows = list(projects)
    quarter = quarter or current_quarter(action_plan, rows)
    for project in rows:
        project.latest_report = project.reports_in_order[-1] if project.reports_in_order else None
        # The status in the round, as the booklet and dashboard count it (projects.round_status).
        project.round_status = status_in_round(project.reports_in_order, quarter)
        project.current_report = project.round_status.report
    if status:
        rows = [p for p in rows if p.round_status.status == status]
    return rows, quarter


def project_detail(user, pk):
    """One project the user may read, with everything its page shows, or None."""
    membership = membership_of(user)
    if membership is None:
        return None
    return (
        Project.objects.filter(pk=pk, action_plan__office=membership.office)
        .select_related("action_plan__fiscal_year", "action_plan__office", "group", "strategy")
        .prefetch_related(
            "owners",
            "alignment",
            "allocations__source",
            "spending_plan",
            "disbursements",
            "activities",
            "indicators",
            Prefetch("reports", queryset=QuarterlyReport.objects.order_by("quarter")),
        )
        .first()
    )


# --- Reporting (issue #3): the planner's board and an owner's "my projects". -------------------

BOARD_STATES = [("none", "ยังไม่มีรายงาน"), *ReportState.choices, ("completed_before", "เสร็จสิ้นแล้วในไตรมาสก่อน")]


@dataclass
class BoardRow:
    project: Project
    report: QuarterlyReport | None
    overdue: bool
    completed_in: int | None = None  # finished in this earlier quarter: nothing more to report

    @property
    def state(self):
        if self.report:
            return self.report.state
        return "completed_before" if self.completed_in else "none"

    @property
    def state_label(self):
        if self.report:
            return self.report.get_state_display()
        if self.completed_in:
            return f"เสร็จสิ้นแล้วตั้งแต่ไตรมาสที่ {self.completed_in}"
        return "ยังไม่มีรายงาน"


@dataclass
class BoardGroup:
    group: object
    rows: list = field(default_factory=list)

    @property
    def counts(self):
        counted = Counter(row.state for row in self.rows)
        return [(key, label, counted.get(key, 0)) for key, label in BOARD_STATES]

    @property
    def overdue(self):
        return sum(row.overdue for row in self.rows)


def reporting_board(user, window, *, today):
    """Per group, each (not cancelled) project's report for the window's quarter.

    A fixed number of queries however many projects there are."""
    projects = (
        projects_visible_to(user, window.action_plan)
        .filter(cancelled=False)
        .select_related("group")
        .prefetch_related(
            Prefetch("owners", to_attr="owner_list"),
            # The board shows each report's state and when it was sent, and earlier quarters' statuses
            # (a project completed earlier is not chased): not their texts.
            Prefetch("reports", queryset=QuarterlyReport.objects.filter(quarter__lte=window.quarter)
                     .only("id", "project_id", "quarter", "state", "status", "submitted_at"),
                     to_attr="round_reports"),
        )
        .order_by("group__display_order", "group__name", "display_order", "code")
    )
    groups = {}
    for project in projects:
        reports = project.round_reports
        report = next((r for r in reports if r.quarter == window.quarter), None)
        carried = status_in_round(reports, window.quarter)
        board_group = groups.setdefault(project.group_id, BoardGroup(project.group))
        board_group.rows.append(BoardRow(project, report, is_missed(window, project, reports, today),
                                         carried.carried_from))
    total = BoardGroup(None, [row for g in groups.values() for row in g.rows])
    return list(groups.values()), total


@dataclass
class DueItem:
    window: object
    report: QuarterlyReport | None
    overdue: bool

    @property
    def state_label(self):
        return self.report.get_state_display() if self.report else "ยังไม่มีรายงาน"

    @property
    def state(self):
        return self.report.state if self.report else "none"


def year_end_of(project):
    """The project's year-end report (read with it: select_related("year_end")), or None."""
    try:
        return project.year_end
    except ObjectDoesNotExist:
        return None


def my_projects(user, action_plan, *, today, windows=None, with_year_end=False):
    """The user's own projects in `action_plan`, each with what is due: the open reporting windows, and
    closed ones whose report the project missed (an owner sees a missed report as missed). `windows`:
    the plan's reporting windows in quarter order, when the page has read them already; `with_year_end`:
    each project's year-end report read in the same query (`year_end_of`)."""
    if action_plan is None:
        return []
    if windows is None:
        windows = list(action_plan.reporting_windows.order_by("quarter"))
    projects = list(
        projects_visible_to(user, action_plan)
        .filter(owners=user)
        .select_related("group", "strategy", *(["year_end"] if with_year_end else []))
        .prefetch_related(Prefetch("reports", queryset=QuarterlyReport.objects.order_by("quarter")))
        .order_by("display_order", "code")
    )
    for project in projects:
        reports = list(project.reports.all())
        by_quarter = {report.quarter: report for report in reports}
        project.due = [] if project.cancelled else [
            DueItem(window, by_quarter.get(window.quarter), missed)
            for window in windows
            for missed in [is_missed(window, project, reports, today)]
            if window.is_open or missed
        ]
    return projects
