"""The development plan pages (/plan/devplans/): everyone in the office reads, the planner edits.

Each view: load through plans.access (404 other office, 403 a member who may only read) → validate
the form → call a service → message → redirect.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plans import devplan_services as services
from plans.access import load_in_office, member_or_404, require_planner
from plans.concurrency import StaleEdit
from plans.development_plan import PlanItemKind
from plans.devplan_forms import (
    AlignmentForm,
    DevelopmentPlanForm,
    IndicatorForm,
    PlanItemForm,
    ResultForm,
    ReviseForm,
    StrategyPartForm,
)
from plans.devplan_history import plan_history
from plans.devplan_revision import development_plan_revise
from plans.devplan_selectors import development_plans_of, plan_outline, targets_vs_results
from plans.indicator_values import typed_value
from plans.interface_digits import Formatted, digits_for_user, phrase
from plans.models import (
    DevelopmentPlan,
    PlanItem,
    Role,
    Strategy,
    StrategyApproach,
    StrategyGoal,
    StrategyIndicator,
    StrategyIndicatorResult,
)
from plans.views import add_errors

PLANS = DevelopmentPlan.objects.select_related("office", "revises")
PARTS = {"goals": StrategyGoal, "approaches": StrategyApproach}


def _plan(request, pk, *, for_write=False):
    return load_in_office(request.user, PLANS, pk, office_path="office", for_write=for_write)


def _stale(form, stale):
    form.add_error(None, str(stale))
    form.data = form.data.copy()
    form.data["version"] = stale.current.version


def _form_page(request, form, title, back_url, help_text=""):
    return render(request, "plans/devplan/form.html", {"form": form, "title": title, "back_url": back_url,
                                                       "help": help_text})


@login_required
def devplan_list(request):
    membership = member_or_404(request.user)
    return render(request, "plans/devplan/list.html", {
        "plans": development_plans_of(membership.office), "is_planner": membership.has_role(Role.PLANNER),
    })


@login_required
def devplan_create(request):
    membership = require_planner(request.user)
    form = DevelopmentPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.PLAN_FIELDS}
        try:
            plan = services.development_plan_create(office=membership.office, by=request.user, **fields)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "สร้างแผนพัฒนาการศึกษาแล้ว เพิ่มพันธกิจ เป้าหมาย และกลยุทธ์ได้ที่หน้านี้")
            return redirect("plans:devplan_detail", plan.pk)
    return _form_page(request, form, "สร้างแผนพัฒนาการศึกษา", reverse("plans:devplan_list"))


@login_required
def devplan_detail(request, pk):
    plan = _plan(request, pk)
    membership = member_or_404(request.user)
    return render(request, "plans/devplan/detail.html", {
        "outline": plan_outline(plan), "plan": plan, "is_planner": membership.has_role(Role.PLANNER),
        "kinds": list(PlanItemKind),
    })


@login_required
def devplan_edit(request, pk):
    plan = _plan(request, pk, for_write=True)
    form = DevelopmentPlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.PLAN_FIELDS}
        try:
            services.development_plan_update(plan=plan, expected_version=form.cleaned_data["version"],
                                             by=request.user, **fields)
        except StaleEdit as stale:
            _stale(form, stale)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "บันทึกข้อมูลแผนพัฒนาการศึกษาแล้ว")
            return redirect("plans:devplan_detail", plan.pk)
    return _form_page(request, form, f"แก้ไข {plan}", reverse("plans:devplan_detail", args=[plan.pk]))


# --- Ordered lists of the plan ----------------------------------------------------------------------


@login_required
def devplan_item_edit(request, pk=None, kind=None, item_pk=None):
    if item_pk is not None:
        item = load_in_office(request.user, PlanItem.objects.select_related("development_plan"), item_pk,
                              office_path="development_plan__office", for_write=True)
        plan, kind = item.development_plan, item.kind
    else:
        plan, item = _plan(request, pk, for_write=True), None
        if kind not in PlanItemKind.values:
            raise Http404("ไม่พบหัวข้อนี้")
    label = PlanItemKind(kind).label
    initial = {"number": plan.items.filter(kind=kind).count() + 1}
    if item:
        initial = {"number": item.number, "term": item.term, "text": item.text, "strategies": item.strategies.all()}
    form = PlanItemForm(request.POST or None, initial=initial, plan=plan, kind=kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_item_save(plan=plan, kind=kind, item=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"บันทึก{label}แล้ว")
            return redirect(reverse("plans:devplan_detail", args=[plan.pk]) + f"#{kind}")
    title = f"แก้ไข{label} ข้อ {item.number}" if item else f"เพิ่ม{label}"
    return _form_page(request, form, title, reverse("plans:devplan_detail", args=[plan.pk]))


@require_POST
@login_required
def devplan_item_delete(request, item_pk):
    item = load_in_office(request.user, PlanItem.objects, item_pk, office_path="development_plan__office",
                          for_write=True)
    services.row_delete(row=item, by=request.user)
    messages.success(request, phrase(digits_for_user(request.user), "ลบ{kind} ข้อ {n} แล้ว",
                                     kind=item.get_kind_display(), n=item.number))
    return redirect("plans:devplan_detail", item.development_plan_id)


# --- Strategy goals, approaches and alignment ----------------------------------------------------------


def _strategy(request, pk, *, for_write=False):
    return load_in_office(request.user, Strategy.objects.select_related("development_plan"), pk,
                          office_path="development_plan__office", for_write=for_write)


def _strategy_url(strategy):
    return reverse("plans:devplan_detail", args=[strategy.development_plan_id]) + f"#strategy-{strategy.number}"


@login_required
def strategy_part_edit(request, part, pk=None, part_pk=None):
    model = PARTS.get(part)
    if model is None:
        raise Http404("ไม่พบหัวข้อนี้")
    if part_pk is not None:
        row = load_in_office(request.user, model.objects.select_related("strategy__development_plan"), part_pk,
                             office_path="strategy__development_plan__office", for_write=True)
        strategy = row.strategy
    else:
        strategy, row = _strategy(request, pk, for_write=True), None
    initial = {"number": row.number, "text": row.text} if row else {
        "number": model.objects.filter(strategy=strategy).count() + 1}
    form = StrategyPartForm(request.POST or None, initial=initial)
    label = model._meta.verbose_name
    if request.method == "POST" and form.is_valid():
        try:
            services.strategy_part_save(model=model, strategy=strategy, part=row, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"บันทึก{label}แล้ว")
            return redirect(_strategy_url(strategy))
    return _form_page(request, form, f"{label} · กลยุทธ์ที่ {strategy.number}", _strategy_url(strategy))


@require_POST
@login_required
def strategy_part_delete(request, part, part_pk):
    model = PARTS.get(part)
    if model is None:
        raise Http404("ไม่พบหัวข้อนี้")
    row = load_in_office(request.user, model.objects.select_related("strategy"), part_pk,
                         office_path="strategy__development_plan__office", for_write=True)
    services.row_delete(row=row, by=request.user)
    messages.success(request, phrase(digits_for_user(request.user), "ลบ{kind} ข้อ {n} แล้ว",
                                     kind=model._meta.verbose_name, n=row.number))
    return redirect(_strategy_url(row.strategy))


@login_required
def strategy_alignment(request, pk):
    strategy = _strategy(request, pk, for_write=True)
    form = AlignmentForm(request.POST or None, initial={"items": strategy.alignment.all()})
    if request.method == "POST" and form.is_valid():
        services.strategy_alignment_set(strategy=strategy, items=form.cleaned_data["items"], by=request.user)
        messages.success(request, phrase(digits_for_user(request.user), "บันทึกความสอดคล้องของกลยุทธ์ที่ {n} แล้ว",
                                         n=strategy.number))
        return redirect(_strategy_url(strategy))
    return _form_page(request, form, f"ความสอดคล้องของกลยุทธ์ที่ {strategy.number}", _strategy_url(strategy))


# --- Indicators and results ---------------------------------------------------------------------


@login_required
def indicator_edit(request, pk=None, indicator_pk=None):
    if indicator_pk is not None:
        indicator = load_in_office(
            request.user, StrategyIndicator.objects.select_related("strategy__development_plan__office"),
            indicator_pk, office_path="strategy__development_plan__office", for_write=True)
        strategy = indicator.strategy
    else:
        strategy, indicator = _strategy(request, pk, for_write=True), None
    form = IndicatorForm(request.POST or None, instance=indicator, strategy=strategy)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_save(
                strategy=strategy, indicator=indicator, expected_version=form.cleaned_data["version"],
                typed_targets=form.typed_targets(), by=request.user, **form.indicator_fields())
        except StaleEdit as stale:
            _stale(form, stale)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, phrase(digits_for_user(request.user), "บันทึกตัวชี้วัด {code} แล้ว",
                                             code=Formatted(indicator.code)))
            return redirect(_strategy_url(strategy))
    title = f"แก้ไขตัวชี้วัด {indicator.code}" if indicator else f"เพิ่มตัวชี้วัด · กลยุทธ์ที่ {strategy.number}"
    return _form_page(request, form, title, _strategy_url(strategy))


@require_POST
@login_required
def indicator_delete(request, indicator_pk):
    indicator = load_in_office(request.user, StrategyIndicator.objects.select_related("strategy"), indicator_pk,
                               office_path="strategy__development_plan__office", for_write=True)
    services.row_delete(row=indicator, by=request.user)
    messages.success(request, phrase(digits_for_user(request.user), "ลบตัวชี้วัด {code} แล้ว",
                                     code=Formatted(indicator.code)))
    return redirect(_strategy_url(indicator.strategy))


@login_required
def devplan_results(request, pk, year):
    plan = _plan(request, pk)
    if not plan.covers(year):
        raise Http404("ปีนี้ไม่อยู่ในช่วงของแผน")
    membership = member_or_404(request.user)
    return render(request, "plans/devplan/results.html", {
        "plan": plan, "report": targets_vs_results(plan, year), "year": year,
        "is_planner": membership.has_role(Role.PLANNER),
    })


@login_required
def result_edit(request, indicator_pk, year):
    indicator = load_in_office(
        request.user, StrategyIndicator.objects.select_related("strategy__development_plan"), indicator_pk,
        office_path="strategy__development_plan__office", for_write=True)
    plan = indicator.strategy.development_plan
    if not plan.covers(year):
        raise Http404("ปีนี้ไม่อยู่ในช่วงของแผน")
    result = StrategyIndicatorResult.objects.filter(indicator=indicator, be_year=year).first()
    initial = {"version": result.version, "result": typed_value(indicator.kind, result.value, result.text),
               "source": result.source, "note": result.note} if result else {}
    form = ResultForm(request.POST or None, initial=initial)
    back = reverse("plans:devplan_results", args=[plan.pk, year])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.result_save(indicator=indicator, be_year=year, typed=data["result"], source=data["source"],
                                 note=data["note"], expected_version=data["version"], by=request.user)
        except StaleEdit as stale:
            _stale(form, stale)
        except ValidationError as error:
            form.add_error("result", error)
        else:
            messages.success(request, phrase(digits_for_user(request.user), "บันทึกผลตัวชี้วัด {code} ปี {year} แล้ว",
                                             code=Formatted(indicator.code), year=year))
            return redirect(back)
    help_text = f"{indicator.code} {indicator.text} ({indicator.get_kind_display()})"
    if indicator.levels:
        help_text += " · ลำดับขั้น: " + " < ".join(indicator.levels)
    return _form_page(request, form, f"ผลตัวชี้วัด {indicator.code} ปีงบประมาณ {year}", back, help_text)


# --- Revised edition and history ------------------------------------------------------------------


@login_required
def devplan_revise(request, pk):
    plan = _plan(request, pk, for_write=True)
    form = ReviseForm(request.POST or None, initial={"title": plan.title, "edition": "ฉบับปรับปรุง"})
    if request.method == "POST" and form.is_valid():
        new = development_plan_revise(plan=plan, by=request.user, **form.cleaned_data)
        messages.success(request, f"คัดลอกเป็น{new.edition}แล้ว แก้ไขฉบับใหม่ได้ที่หน้านี้ ฉบับเดิมยังอยู่ครบ")
        return redirect("plans:devplan_detail", new.pk)
    return _form_page(request, form, f"คัดลอกเป็นฉบับปรับปรุง: {plan}",
                      reverse("plans:devplan_detail", args=[plan.pk]),
                      "คัดลอกเนื้อหา กลยุทธ์ ตัวชี้วัด และค่าเป้าหมายทั้งหมดเป็นแผนฉบับใหม่ ผลการดำเนินงานที่บันทึกแล้วยังอยู่กับฉบับเดิม")


@login_required
def devplan_history(request, pk):
    plan = _plan(request, pk)
    return render(request, "plans/devplan/history.html", {"plan": plan, "entries": plan_history(plan)})
