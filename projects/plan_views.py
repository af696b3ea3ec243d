"""The pages under /plan/ that read projects: an owner's "my projects", the planner's reporting board, and
copying a year's plan. They keep their `plans:` URL names (config/urls.py puts them in that namespace)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from plans.access import member_or_404, picked_plan, plan_or_404, require_planner
from plans.forms import ActionPlanCopyForm
from plans.interface_digits import digits_for_user, phrase
from plans.models import Role
from plans.selectors import current_action_plan, reporting_windows_of
from plans.views import add_errors
from projects import year_copy
from projects.filters import page_of, read_filters
from projects.reporting.inbox import share_owned
from projects.selectors import BOARD_STATES, BoardGroup, reporting_board, year_end_of
from projects.selectors import my_projects as select_my_projects


@login_required
def my_projects(request):
    """โครงการของฉัน: the projects the user owns, with the open reporting windows and their reports."""
    member_or_404(request.user)
    plan = picked_plan(request).plan
    today = timezone.localdate()
    # The windows are read once for the page and the navigation's inbox (reports/inbox.py).
    windows = reporting_windows_of(plan) if plan is not None else []
    projects = select_my_projects(request.user, plan, today=today, windows=windows, with_year_end=True)
    if plan is not None:
        share_owned(request, plan, projects)  # the navigation's inbox counts from them
        # The year-end report (#17): shown once the last quarter has been opened, or once there is one
        # (read with the projects: my_projects(with_year_end=True)).
        last_quarter_opened = any(window.quarter == 4 for window in windows)
        for project in projects:
            project.year_end_report = year_end_of(project)
            project.year_end_due = not project.cancelled and (
                last_quarter_opened or project.year_end_report is not None)
    return render(
        request,
        "plans/my_projects.html",
        {
            "plan": plan,
            "projects": projects,
            "today": today,
        },
    )


BOARD_FILTER_STATES = [*BOARD_STATES, ("overdue", "เลยกำหนดส่ง")]


def _kept(row, filters):
    """Whether a board row passes the filter (group, owner, text, state; "overdue" is the missed rule's)."""
    project, text = row.project, filters.q.casefold()
    return ((not filters.group or project.group_id == filters.group)
            and (not filters.owner or any(owner.pk == filters.owner for owner in project.owner_list))
            and (not text or text in project.code.casefold() or text in project.title.casefold())
            and (not filters.state or (row.overdue if filters.state == "overdue" else row.state == filters.state)))


def _regrouped(rows):
    groups = {}
    for row in rows:
        groups.setdefault(row.project.group_id, BoardGroup(row.project.group)).rows.append(row)
    return list(groups.values())


@login_required
def board(request):
    """กระดานติดตาม: per group, each project's report for the chosen quarter, filtered and paged."""
    membership = member_or_404(request.user)
    if membership.has_role(Role.PLANNER) and current_action_plan(membership.office) is None:
        # A new office: the planner's first job is to set up the plan.
        messages.info(request, "ยังไม่มีแผนปฏิบัติการ เริ่มจากสร้างแผนปีงบประมาณแรกของหน่วยงาน")
        return redirect("plans:setup")
    plan = plan_or_404(request)
    filters = read_filters(request, plan, states=BOARD_FILTER_STATES)
    windows = reporting_windows_of(plan)  # read with the plan by the year picker
    quarter = filters.quarter
    if quarter is None and request.picked.months:
        quarter = request.picked.months // 3
    window = next((w for w in windows if w.quarter == quarter), None)
    if window is None and windows:
        # The latest open quarter, else the latest quarter there is.
        window = next((w for w in reversed(windows) if w.is_open), windows[-1])
    groups, total = (
        reporting_board(request.user, window, today=timezone.localdate()) if window else ([], None)
    )
    filters.quarter, filters.kept = (window.quarter if window else None), ("year", "quarter")
    rows = [row for group in groups for row in group.rows if _kept(row, filters)]
    page = page_of(request, rows, filters)
    overdue_owners = {owner.pk for row in (total.rows if total else []) if row.overdue
                      for owner in row.project.owner_list}
    return render(
        request,
        "plans/board.html",
        {
            "plan": plan,
            "windows": windows,
            "window": window,
            "groups": groups,
            "total": total,
            "shown": _regrouped(page.object_list),
            "found": len(rows),
            "page_obj": page,
            "filters": filters,
            "overdue_owners": len(overdue_owners),
            "states": BOARD_STATES,
            "is_planner": membership.has_role(Role.PLANNER),
        },
    )


@login_required
def action_plan_copy(request):
    membership = require_planner(request.user)
    form = ActionPlanCopyForm(request.POST or None, office=membership.office)
    if request.method == "POST" and form.is_valid():
        try:
            plan = year_copy.action_plan_copy(
                source=form.cleaned_data["source"], fiscal_year=form.cleaned_data["be_year"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                phrase(digits_for_user(request.user), "คัดลอกแผนไปยังปีงบประมาณ พ.ศ. {y} แล้ว ({n} โครงการ) "
                       "กรุณากรอกงบประมาณที่ได้รับจัดสรรของปีใหม่", y=plan.fiscal_year.be_year, n=plan.projects.count()),
            )
            return redirect("plans:setup")
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "title": "คัดลอกแผนปีก่อนเป็นแผนปีใหม่",
            "help": "คัดลอกโครงการ (รหัสเดิม) ผู้รับผิดชอบ กลยุทธ์ ความสอดคล้อง กิจกรรม และตัวชี้วัด "
            "ไม่คัดลอกงบประมาณ แผนการใช้จ่าย การเบิกจ่าย รายงาน และโครงการที่ยกเลิกแล้ว",
        },
    )
