from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from budget.selectors import project_money
from plans.models import Group, Strategy
from plans.selectors import current_action_plan, membership_of
from projects.models import ProgressStatus
from projects.selectors import project_detail as select_project_detail
from projects.selectors import project_list as select_project_list


def _plan_of(request):
    membership = membership_of(request.user)
    if membership is None:
        raise Http404("ไม่พบหน่วยงานของผู้ใช้นี้")
    year = request.GET.get("year")
    plan = current_action_plan(membership.office, int(year) if year and year.isdigit() else None)
    if plan is None:
        raise Http404("ยังไม่มีแผนปฏิบัติการของปีนี้")
    return plan


@login_required
def project_list(request):
    plan = _plan_of(request)
    filters = {
        "group": request.GET.get("group", ""),
        "strategy": request.GET.get("strategy", ""),
        "status": request.GET.get("status", ""),
        "search": request.GET.get("q", ""),
    }
    projects = select_project_list(
        request.user, plan,
        group=filters["group"] if filters["group"].isdigit() else None,
        strategy=filters["strategy"] if filters["strategy"].isdigit() else None,
        status=filters["status"],
        search=filters["search"],
    )
    return render(request, "projects/project_list.html", {
        "plan": plan,
        "projects": projects,
        "filters": filters,
        "groups": Group.objects.filter(office=plan.office),
        "strategies": Strategy.objects.filter(development_plan=plan.development_plan),
        "statuses": [*ProgressStatus.choices, ("not_reported", "ไม่รายงาน")],
    })


@login_required
def project_detail(request, pk):
    project = select_project_detail(request.user, pk)
    if project is None:
        raise Http404("ไม่พบโครงการ")
    return render(request, "projects/project_detail.html", {
        "project": project,
        "money": project_money(project),
        "reports": list(project.reports.all()),
    })
