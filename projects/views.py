"""Project pages: the list, one project, and the planner's (and owner's) set-up forms.

Every view reads: load through plans.access (404 other office, 403 member who may not write) →
validate the form → call a service → message → redirect.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from budget.forms import ProjectMoneyForm
from budget.plan_services import project_money_set
from budget.selectors import project_money
from plans.access import NOT_YOURS, is_planner, plan_or_404, require_planner
from plans.concurrency import StaleEdit, show_stale
from plans.interface_digits import digits_for_user, shown_message
from plans.models import Strategy
from plans.views import add_errors
from projects import services
from projects.access import can_edit_project, load_project
from projects.filters import page_of, read_filters
from projects.forms import ActivityForm, IndicatorForm, ProjectForm, ProjectStatusForm
from projects.models import Activity, Indicator, ProgressStatus, Project
from projects.selectors import project_detail as select_project_detail
from projects.selectors import project_list as select_project_list
from projects.stale_changes import stale_changes as _stale_changes


@login_required
def project_list(request):
    plan = plan_or_404(request)
    strategies = list(Strategy.objects.filter(development_plan=plan.development_plan))
    statuses = [*ProgressStatus.choices, ("not_reported", "ไม่รายงาน")]
    filters = read_filters(request, plan, states=statuses, state_name="status", strategies=strategies)
    projects, quarter = select_project_list(
        request.user,
        plan,
        group=filters.group,
        strategy=filters.extra.get("strategy"),
        status=filters.state,
        search=filters.q,
        owner=filters.owner,
        quarter=filters.quarter,
    )
    return render(
        request,
        "projects/project_list.html",
        {
            "plan": plan,
            "projects": projects,
            "page_obj": page_of(request, projects, filters),
            "quarter": quarter,
            "filters": filters,
            "strategies": strategies,
            "is_planner": is_planner(request.user, plan.office),
        },
    )


@login_required
def project_detail(request, pk):
    project = select_project_detail(request.user, pk)
    if project is None:
        raise Http404("ไม่พบโครงการ")
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "money": project_money(project),
            "reports": list(project.reports.all()),
            "can_edit": can_edit_project(request.user, project),
            "is_planner": is_planner(request.user, project.action_plan.office),
        },
    )


# --- Create and edit ----------------------------------------------------------------------------


def _editable_values(form):
    return {name: form.cleaned_data[name] for name in services.PROJECT_FIELDS if name in form.fields}


@login_required
def project_create(request):
    require_planner(request.user)
    plan = plan_or_404(request)
    form = ProjectForm(request.POST or None, action_plan=plan, planner=True)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(
                action_plan=plan,
                values=_editable_values(form),
                owners=form.cleaned_data["owners"],
                alignment=form.cleaned_data["alignment"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"เพิ่มโครงการ {project.code} แล้ว")
            return redirect("projects:detail", project.pk)
    return render(request, "projects/project_form.html", {"form": form, "plan": plan, "project": None})


@login_required
def project_edit(request, pk):
    project = load_project(
        request.user, pk, for_write=True, queryset=Project.objects.prefetch_related("alignment")
    )
    planner = is_planner(request.user, project.action_plan.office)
    form = ProjectForm(
        request.POST or None, instance=project, action_plan=project.action_plan, planner=planner
    )
    changes = None
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(
                project=project,
                expected_version=form.cleaned_data["version"] or 0,
                values=_editable_values(form),
                owners=form.cleaned_data["owners"] if planner else None,
                alignment=form.cleaned_data["alignment"] if planner else None,
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        except StaleEdit as stale:
            changes = _stale_changes(stale)
            form.add_error(None, str(stale))
            # The user has now seen the other person's changes: saving again keeps what they typed.
            form.data = form.data.copy()
            form.data["version"] = stale.current.version
        else:
            messages.success(request, f"บันทึกโครงการ {project.code} แล้ว")
            return redirect("projects:detail", project.pk)
    return render(
        request,
        "projects/project_form.html",
        {
            "form": form,
            "plan": project.action_plan,
            "project": project,
            "changes": changes,
            "planner": planner,
        },
    )


@login_required
def project_status(request, pk):
    """Mark a project added mid-year (ระหว่างปี) or cancelled (ยกเลิก), with a reason."""
    project = load_project(request.user, pk, for_write=True)
    if not is_planner(request.user, project.action_plan.office):
        raise PermissionDenied(NOT_YOURS)
    form = ProjectStatusForm(
        request.POST or None,
        initial={
            "version": project.version,
            "added_mid_year": project.added_mid_year,
            "added_mid_year_reason": project.added_mid_year_reason,
            "cancelled": project.cancelled,
            "cancelled_reason": project.cancelled_reason,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.project_set_status(
                project=project,
                expected_version=data["version"],
                added_mid_year=data["added_mid_year"],
                added_mid_year_reason=data["added_mid_year_reason"],
                cancelled=data["cancelled"],
                cancelled_reason=data["cancelled_reason"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        except StaleEdit as stale:
            form.add_error(None, str(stale))
            form.data = form.data.copy()
            form.data["version"] = stale.current.version
        else:
            messages.success(request, f"บันทึกสถานะโครงการ {project.code} แล้ว")
            return redirect("projects:detail", project.pk)
    return render(request, "projects/project_status.html", {"form": form, "project": project})


# --- Activities ---------------------------------------------------------------------------------


@login_required
def activities(request, pk):
    """The project's activities in order, with a form to add one."""
    project = load_project(request.user, pk, for_write=True)
    form = ActivityForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            activity = services.activity_save(project=project, values=values, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"เพิ่มกิจกรรม “{activity.title}” แล้ว")
            return redirect("projects:activities", project.pk)
    return render(
        request,
        "projects/activities.html",
        {
            "project": project,
            "form": form,
            "activities": list(project.activities.all()),
        },
    )


@login_required
def activity_edit(request, pk, activity_pk):
    project = load_project(request.user, pk, for_write=True)
    activity = get_object_or_404(project.activities, pk=activity_pk)
    form = ActivityForm(request.POST or None, instance=activity, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            values = dict(form.cleaned_data)
            services.activity_save(
                project=project, activity=activity, expected_version=values.pop("version"), values=values,
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        except StaleEdit as stale:
            show_stale(form, stale, model=Activity)
        else:
            messages.success(request, "บันทึกกิจกรรมแล้ว")
            return redirect("projects:activities", project.pk)
    return render(
        request,
        "projects/item_form.html",
        {
            "project": project,
            "form": form,
            "title": "แก้ไขกิจกรรม",
            "back": "projects:activities",
        },
    )


@require_POST
@login_required
def activity_move(request, pk, activity_pk):
    project = load_project(request.user, pk, for_write=True)
    activity = get_object_or_404(project.activities, pk=activity_pk)
    services.activity_move(
        activity=activity, direction=-1 if request.POST.get("direction") == "up" else 1, by=request.user
    )
    return redirect("projects:activities", project.pk)


@require_POST
@login_required
def activity_delete(request, pk, activity_pk):
    project = load_project(request.user, pk, for_write=True)
    activity = get_object_or_404(project.activities, pk=activity_pk)
    try:
        services.activity_delete(activity=activity, by=request.user)
    except ValidationError as error:
        messages.error(request, shown_message(digits_for_user(request.user), " ".join(error.messages)))
    else:
        messages.success(request, f"ลบกิจกรรม “{activity.title}” แล้ว")
    return redirect("projects:activities", project.pk)


# --- Indicators ---------------------------------------------------------------------------------


@login_required
def indicators(request, pk):
    project = load_project(request.user, pk, for_write=True)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            services.indicator_save(project=project, by=request.user, **values)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "เพิ่มตัวชี้วัดแล้ว")
            return redirect("projects:indicators", project.pk)
    return render(
        request,
        "projects/indicators.html",
        {
            "project": project,
            "form": form,
            "indicators": list(project.indicators.all()),
        },
    )


@login_required
def indicator_edit(request, pk, indicator_pk):
    project = load_project(request.user, pk, for_write=True)
    indicator = get_object_or_404(project.indicators, pk=indicator_pk)
    form = IndicatorForm(
        request.POST or None,
        initial={
            "text": indicator.text,
            "target_value": indicator.target_value,
            "target_unit": indicator.target_unit,
            "target_text": indicator.target_text,
            "comparator": indicator.comparator,
            "not_assessed": indicator.kind == "na",
            "version": indicator.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            values = dict(form.cleaned_data)
            services.indicator_save(
                project=project, indicator=indicator, expected_version=values.pop("version"), by=request.user,
                **values,
            )
        except ValidationError as error:
            add_errors(form, error)
        except StaleEdit as stale:
            show_stale(form, stale, model=Indicator)
        else:
            messages.success(request, "บันทึกตัวชี้วัดแล้ว")
            return redirect("projects:indicators", project.pk)
    return render(
        request,
        "projects/item_form.html",
        {
            "project": project,
            "form": form,
            "title": "แก้ไขตัวชี้วัด",
            "back": "projects:indicators",
        },
    )


@require_POST
@login_required
def indicator_delete(request, pk, indicator_pk):
    project = load_project(request.user, pk, for_write=True)
    indicator = get_object_or_404(project.indicators, pk=indicator_pk)
    try:
        services.indicator_delete(indicator=indicator, by=request.user)
    except ValidationError as error:
        messages.error(request, shown_message(digits_for_user(request.user), " ".join(error.messages)))
    else:
        messages.success(request, "ลบตัวชี้วัดแล้ว")
    return redirect("projects:indicators", project.pk)


# --- Money --------------------------------------------------------------------------------------


@login_required
def money(request, pk):
    """Allocations by budget source and the quarterly spending plan, on one page (planner only)."""
    project = load_project(
        request.user,
        pk,
        for_write=True,
        queryset=Project.objects.prefetch_related("allocations", "spending_plan"),
    )
    if not is_planner(request.user, project.action_plan.office):
        raise PermissionDenied(NOT_YOURS)
    form = ProjectMoneyForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            project_money_set(
                project=project, allocations=form.allocations(), spending=form.spending(),
                expected_version=form.cleaned_data["version"], by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        except StaleEdit as stale:
            details = "; ".join(f"{name} {amount} บาท" for name, (amount, _) in stale.changes.items())
            form.add_error(None, f"{stale} ที่บันทึกไว้ตอนนี้: {details or 'ไม่มีงบประมาณ'}")
            form.data = form.data.copy()
            form.data["version"] = stale.current.version
        else:
            messages.success(request, f"บันทึกงบประมาณของโครงการ {project.code} แล้ว")
            return redirect("projects:detail", project.pk)
    return render(request, "projects/money.html", {"project": project, "form": form})
