"""Role home pages and the planner's set-up pages for the office's plan (the pages under /plan/ that
read projects, the board, my projects and copying a year, are in `projects/plan_views.py`).

Every view reads: load through plans.access (404 other office, 403 member who may not write) →
validate the form → call a service → message → redirect.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plans import services
from plans.access import load_in_office, member_or_404, plan_or_404, require_planner
from plans.forms import ActionPlanForm, GroupForm, StrategyForm, WindowOpenForm
from plans.interface_digits import digits_for_user, phrase, shown_message
from plans.models import DevelopmentPlan, Group, QuarterDeadline, ReportingWindow, Role, Strategy
from plans.selectors import action_plans_of_office, membership_of, next_quarter_to_open
from plans.year_picker import running_action_plan


def add_errors(form, error: ValidationError):
    """Put a service's ValidationError on the form: on its fields when it names them, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- Home pages ---------------------------------------------------------------------------------


@login_required
def home(request):
    """Each member lands on the page of their main role; a national administrator (no office) on the
    page that creates offices."""
    if membership_of(request.user) is None and request.user.has_perm("plans.add_office"):
        return redirect("office:office_new")
    membership = member_or_404(request.user)
    if membership.role == Role.PLANNER:
        return redirect("plans:board")
    if membership.role == Role.DIRECTOR:
        return redirect("reports:dashboard")
    if membership.role == Role.FINANCE:
        return redirect("budget:disbursements")
    return redirect("plans:my_projects")


# --- Action plans -------------------------------------------------------------------------------


@login_required
def setup(request):
    """The planner's starting point: the office's plans and links to every set-up page."""
    membership = member_or_404(request.user)
    return render(
        request,
        "plans/setup.html",
        {
            "plans": action_plans_of_office(membership.office).order_by("-fiscal_year__be_year"),
            "development_plans": DevelopmentPlan.objects.filter(office=membership.office),
            "is_planner": membership.has_role(Role.PLANNER),
        },
    )


@login_required
def action_plan_create(request):
    membership = require_planner(request.user)
    form = ActionPlanForm(request.POST or None, office=membership.office)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.action_plan_create(office=membership.office, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, phrase(digits_for_user(request.user), "สร้างแผนปฏิบัติการปีงบประมาณ พ.ศ. {y} แล้ว",
                                             y=plan.fiscal_year.be_year))
            return redirect("plans:setup")
    return render(request, "plans/form.html", {"form": form, "title": "สร้างแผนปฏิบัติการประจำปี"})


# --- Groups -------------------------------------------------------------------------------------


@login_required
def group_list(request):
    membership = member_or_404(request.user)
    return render(
        request,
        "plans/group_list.html",
        {
            "groups": Group.objects.filter(office=membership.office).select_related("head"),
            "is_planner": membership.has_role(Role.PLANNER),
        },
    )


@login_required
def group_edit(request, pk=None):
    # Another office's group is 404 whatever the role: load it before asking for the planner's role.
    group = (
        load_in_office(request.user, Group.objects, pk, office_path="office", for_write=True) if pk else None
    )
    membership = require_planner(request.user)
    form = GroupForm(request.POST or None, instance=group, office=membership.office)
    if request.method == "POST" and form.is_valid():
        try:
            if group is None:
                group = services.group_create(office=membership.office, by=request.user, **form.cleaned_data)
            else:
                services.group_update(group=group, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"บันทึกกลุ่ม “{group.name}” แล้ว")
            return redirect("plans:groups")
    title = f"แก้ไขกลุ่ม {group.name}" if group else "เพิ่มกลุ่ม"
    return render(request, "plans/form.html", {"form": form, "title": title, "back": "plans:groups"})


@require_POST
@login_required
def group_delete(request, pk):
    group = load_in_office(request.user, Group.objects, pk, office_path="office", for_write=True)
    try:
        services.group_delete(group=group, by=request.user)
    except ValidationError as error:
        messages.error(request, shown_message(digits_for_user(request.user), " ".join(error.messages)))
    else:
        messages.success(request, f"ลบกลุ่ม “{group.name}” แล้ว")
    return redirect("plans:groups")


# --- Strategies ---------------------------------------------------------------------------------

STRATEGIES = Strategy.objects.select_related("development_plan")


@login_required
def strategy_list(request):
    membership = member_or_404(request.user)
    return render(
        request,
        "plans/strategy_list.html",
        {
            "strategies": STRATEGIES.filter(development_plan__office=membership.office),
            "is_planner": membership.has_role(Role.PLANNER),
        },
    )


@login_required
def strategy_edit(request, pk=None):
    strategy = (
        load_in_office(request.user, STRATEGIES, pk, office_path="development_plan__office", for_write=True)
        if pk
        else None
    )
    membership = require_planner(request.user)
    initial = StrategyForm.initial_of(strategy) if strategy else {}
    plan = running_action_plan(membership.office)
    if plan and not strategy:
        initial["development_plan"] = plan.development_plan_id
    form = StrategyForm(request.POST or None, initial=initial, office=membership.office)
    if request.method == "POST" and form.is_valid():
        try:
            strategy = services.strategy_save(strategy=strategy, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, phrase(digits_for_user(request.user), "บันทึกกลยุทธ์ที่ {n} แล้ว", n=strategy.number))
            return redirect("plans:strategies")
    title = f"แก้ไขกลยุทธ์ที่ {strategy.number}" if strategy else "เพิ่มกลยุทธ์"
    return render(request, "plans/form.html", {"form": form, "title": title, "back": "plans:strategies"})


@require_POST
@login_required
def strategy_delete(request, pk):
    strategy = load_in_office(
        request.user, STRATEGIES, pk, office_path="development_plan__office", for_write=True
    )
    try:
        services.strategy_delete(strategy=strategy, by=request.user)
    except ValidationError as error:
        messages.error(request, shown_message(digits_for_user(request.user), " ".join(error.messages)))
    else:
        messages.success(request, phrase(digits_for_user(request.user), "ลบกลยุทธ์ที่ {n} แล้ว", n=strategy.number))
    return redirect("plans:strategies")


# --- Reporting windows --------------------------------------------------------------------------


@login_required
def window_open(request):
    """Open a quarter of the current plan for reporting, with a deadline."""
    require_planner(request.user)
    plan = plan_or_404(request)
    form = WindowOpenForm(request.POST or None, initial=_next_window(plan))
    if request.method == "POST" and form.is_valid():
        try:
            window = services.reporting_window_open(action_plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, phrase(digits_for_user(request.user), "เปิดรับรายงานไตรมาสที่ {q} แล้ว",
                                             q=window.quarter))
            return redirect(f"{_board_url()}?quarter={window.quarter}&year={plan.fiscal_year.be_year}")
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "title": f"เปิดรับรายงานรายไตรมาส ปีงบประมาณ พ.ศ. {plan.fiscal_year.be_year}",
            "back": "plans:board",
        },
    )


def _next_window(plan):
    """The next quarter to open, with the office's usual deadline for it (issue #15)."""
    quarter = next_quarter_to_open(plan)
    usual = QuarterDeadline.objects.filter(
        office_id=plan.office_id, fiscal_year_id=plan.fiscal_year_id, quarter=quarter
    ).first()
    return {"quarter": quarter, "deadline": usual.deadline if usual else None}


def _board_url():
    return reverse("plans:board")


@require_POST
@login_required
def window_close(request, pk):
    window = load_in_office(
        request.user,
        ReportingWindow.objects.select_related("action_plan__fiscal_year"),
        pk,
        office_path="action_plan__office",
        for_write=True,
    )
    try:
        services.reporting_window_close(window=window, by=request.user)
    except ValidationError as error:
        messages.error(request, shown_message(digits_for_user(request.user), " ".join(error.messages)))
    else:
        messages.success(request, phrase(digits_for_user(request.user), "ปิดรับรายงานไตรมาสที่ {q} แล้ว", q=window.quarter))
    return redirect(f"{_board_url()}?quarter={window.quarter}&year={window.action_plan.fiscal_year.be_year}")
