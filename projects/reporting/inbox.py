"""What needs a member now (issue #19): the planner's, the owners' and finance's part of the inbox.

Read for the plan whose reporting is running, in a fixed number of queries however many projects the
office has (tests/projects/test_inbox.py counts them): the plan's windows, its reports as plain rows,
the owners' links, the spending plan and disbursements. Whether a report is missed is asked of
projects.round_status (the one rule); whether a quarter lacks a disbursement of budget.selectors.
reports/inbox.py adds the booklets and the director's reading and puts the sections together.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from budget.selectors import without_disbursement
from plans.thai_formats import format_date_short, format_number
from projects.models import Project, QuarterlyReport, ReportState
from projects.reporting.queue import REVIEW_ORDER
from projects.round_status import is_missed, needs_report

# "Closing soon": a window whose deadline is this many days away or less.
CLOSING_DAYS = 7


@dataclass
class Item:
    """One line of the inbox: what, how many, where to go."""

    text: str
    count: int
    url: str
    links: list = field(default_factory=list)  # more (label, url) after the main one
    note: str = ""  # e.g. the reviewer's comment
    urgent: bool = False


@dataclass
class Section:
    key: str  # planner / owner / finance / director
    title: str
    items: list = field(default_factory=list)

    @property
    def count(self):
        return sum(item.count for item in self.items)


class PlanRows:
    """The running plan's rows the inbox reads, each loaded once, on first use."""

    def __init__(self, plan, today, digits="thai", windows=None):
        self.plan = plan
        self.today = today
        self.digits = digits  # the office's interface digits (plans/interface_digits.py)
        self.windows = list(plan.reporting_windows.order_by("quarter")) if windows is None else windows
        self._reports = None
        self._projects = None
        self._owners = None
        self._waiting = None

    def n(self, value):
        return format_number(value, digits=self.digits)

    def date(self, value):
        return format_date_short(value, digits=self.digits)

    @property
    def projects(self):
        if self._projects is None:
            self._projects = {row.id: row for row in Project.objects.filter(action_plan=self.plan).values_list(
                "id", "code", "title", "cancelled", named=True)}
        return self._projects

    @property
    def reports(self):
        """{project id: [report rows]} (quarter, state, status), every report of the plan."""
        if self._reports is None:
            self._reports = defaultdict(list)
            for row in QuarterlyReport.objects.filter(project__action_plan=self.plan).values_list(
                    "project_id", "quarter", "state", "status", named=True):
                self._reports[row.project_id].append(row)
        return self._reports

    @property
    def waiting(self):
        """{quarter: [project ids]} of the reports waiting for review, in the order the planner reviews."""
        if self._waiting is None:
            self._waiting = defaultdict(list)
            for report in (QuarterlyReport.objects.filter(project__action_plan=self.plan, state=ReportState.SUBMITTED)
                           .order_by(*REVIEW_ORDER).values_list("project_id", "quarter", named=True)):
                self._waiting[report.quarter].append(report.project_id)
        return self._waiting

    def missed(self, window, project_ids=None):
        """Ids of the projects whose report for `window` is missed today (projects.round_status)."""
        ids = self.projects if project_ids is None else project_ids
        return [pid for pid in ids
                if is_missed(window, self.projects[pid], self.reports.get(pid, []), self.today)]

    def owners_of(self, project_ids):
        """{project id: [user ids]} for the given projects (the plan's owner links, loaded once)."""
        if self._owners is None:
            self._owners = defaultdict(list)
            links = Project.owners.through.objects.filter(project__action_plan=self.plan)
            for project_id, user_id in links.values_list("project_id", "user_id"):
                self._owners[project_id].append(user_id)
        return {pid: self._owners.get(pid, []) for pid in project_ids}


def board_url(plan, quarter, **filters):
    query = "&".join(f"{k}={v}" for k, v in {"year": plan.fiscal_year.be_year, "quarter": quarter, **filters}.items())
    return f"{reverse('plans:board')}?{query}"


def planner_items(rows: PlanRows):
    """Reports waiting for review per quarter; overdue owners per quarter; windows closing soon."""
    plan, items = rows.plan, []
    for quarter, project_ids in sorted(rows.waiting.items()):
        first = reverse("reporting:report", kwargs={"pk": project_ids[0], "quarter": quarter})
        queue = reverse("reporting:waiting", kwargs={"plan_pk": plan.pk, "quarter": quarter})
        what = {"q": rows.n(quarter), "n": rows.n(len(project_ids))}
        items.append(Item(_("รายงานไตรมาสที่ %(q)s รอตรวจ %(n)s ฉบับ") % what,
                          len(project_ids), first, links=[(_("ตรวจรับหลายฉบับ"), queue)]))
    for window in rows.windows:
        missed = rows.missed(window)
        if not missed:
            continue
        owners = {user for ids in rows.owners_of(missed).values() for user in ids}
        items.append(Item(
            _("ไตรมาสที่ %(q)s เลยกำหนดส่ง: ผู้รับผิดชอบ %(o)s คน ยังไม่ส่ง %(p)s โครงการ")
            % {"q": rows.n(window.quarter), "o": rows.n(len(owners)), "p": rows.n(len(missed))},
            len(owners), board_url(plan, window.quarter, state="overdue"), urgent=True))
    for window in rows.windows:
        days = (window.deadline - rows.today).days
        if window.is_open and 0 <= days <= CLOSING_DAYS:
            items.append(Item(
                _("ไตรมาสที่ %(q)s ใกล้ถึงกำหนดส่ง %(d)s (อีก %(n)s วัน)")
                % {"q": rows.n(window.quarter), "d": rows.date(window.deadline), "n": rows.n(days)},
                1, board_url(plan, window.quarter)))
    return items


def share_owned(request, plan, projects):
    """An owner's home has read the user's projects of `plan` with every report (projects.selectors.
    my_projects): the navigation's inbox takes its owner items from them instead of reading them again."""
    request._tidtam_owned = (plan.pk, projects)


def owned_of(request, plan):
    """The projects `share_owned` kept for `plan` on this request, or None."""
    shared = getattr(request, "_tidtam_owned", None)
    return shared[1] if shared is not None and shared[0] == plan.pk else None


def owner_items(rows: PlanRows, user, owned=None):
    """The user's own projects' reports due now (open windows), returned (with the reviewer's comment),
    or missed (closed windows too). `owned`: the user's projects of the plan with their reports
    prefetched, when the page has read them (`share_owned`)."""
    if not rows.windows:
        return []
    reports = defaultdict(list)
    if owned is not None:
        projects = sorted((p for p in owned if not p.cancelled), key=lambda p: p.code)
        for project in projects:
            reports[project.id] = list(project.reports.all())
    else:
        projects = sorted(Project.objects.filter(action_plan=rows.plan, owners=user, cancelled=False).values_list(
            "id", "code", "title", "cancelled", named=True), key=lambda p: p.code)
        if projects:
            for report in QuarterlyReport.objects.filter(project_id__in=[p.id for p in projects]).values_list(
                    "project_id", "quarter", "state", "status", "review_comment", named=True):
                reports[report.project_id].append(report)
    items = []
    for window in rows.windows:
        for project in projects:
            own = reports[project.id]
            missed = is_missed(window, project, own, rows.today)
            if not (window.is_open or missed) or not needs_report(project, own, window.quarter):
                continue
            report = next((r for r in own if r.quarter == window.quarter), None)
            url = reverse("reporting:report", kwargs={"pk": project.id, "quarter": window.quarter})
            what = {"q": rows.n(window.quarter), "code": project.code, "title": project.title,
                    "d": rows.date(window.deadline)}
            if report is not None and report.state == ReportState.RETURNED:
                items.append(Item(_("ไตรมาสที่ %(q)s · ถูกส่งกลับให้แก้ไข · %(code)s %(title)s") % what, 1, url,
                                  note=report.review_comment, urgent=True))
            elif missed:
                items.append(Item(_("ไตรมาสที่ %(q)s · เลยกำหนดส่ง %(d)s · %(code)s %(title)s") % what, 1, url,
                                  urgent=True))
            else:
                items.append(Item(_("ไตรมาสที่ %(q)s · ส่งภายใน %(d)s · %(code)s %(title)s") % what, 1, url))
    return items


def finance_items(rows: PlanRows):
    """Per quarter the office reports on, the projects that planned to spend in it and have no
    disbursement recorded (budget.selectors.without_disbursement)."""
    quarters = [w.quarter for w in rows.windows]
    if not quarters:
        return []
    missing = without_disbursement(rows.plan, quarters)
    url = reverse("budget:disbursements")
    year = rows.plan.fiscal_year.be_year
    return [
        Item(_("ไตรมาสที่ %(q)s: %(n)s โครงการยังไม่มีการบันทึกการเบิกจ่าย") % {"q": rows.n(q), "n": rows.n(len(ids))},
             len(ids), f"{url}?year={year}&quarter={q}&state=missing")
        for q, ids in sorted(missing.items()) if ids
    ]


def overdue_projects(rows: PlanRows):
    """For the director: how many projects have a missed report, over the plan's windows."""
    return len({pid for window in rows.windows for pid in rows.missed(window)})
