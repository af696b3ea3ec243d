"""The planner's settings per fiscal year, with their history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from budget.models import BudgetSourceInUse, CabinetTarget
from budget.selectors import cabinet_targets, sources_in_use
from office.year_forms import QUARTERS, YearSettingsForm
from office.year_services import year_settings_save
from plans.access import require_planner
from plans.interface_digits import digits_for_user, percent, phrase
from plans.models import FiscalYear, QuarterDeadline
from plans.selectors import action_plans_of_office


def _years(office):
    return [plan.fiscal_year.be_year for plan in action_plans_of_office(office).order_by("-fiscal_year__be_year")]


@login_required
def years(request):
    membership = require_planner(request.user)
    rows = []
    for be_year in _years(membership.office):
        year = FiscalYear.objects.get(be_year=be_year)
        targets = cabinet_targets(membership.office.pk, year.pk)
        deadlines = {d.quarter: d.deadline for d in QuarterDeadline.objects.filter(
            office=membership.office, fiscal_year=year)}
        rows.append({
            "be_year": be_year,
            "targets": [targets.get(q) for q in QUARTERS],
            "deadlines": [deadlines.get(q) for q in QUARTERS],
            "sources": sources_in_use(membership.office.pk, year.pk),
        })
    return render(request, "office/years.html", {"rows": rows, "quarters": QUARTERS})


@login_required
def year_edit(request, be_year):
    membership = require_planner(request.user)
    office = membership.office
    if be_year not in _years(office):
        raise Http404("หน่วยงานยังไม่มีแผนปฏิบัติการของปีนี้")
    year = FiscalYear.objects.get(be_year=be_year)
    own = {t.quarter: t.cumulative_percent for t in CabinetTarget.objects.filter(office=office, fiscal_year=year)}
    national = {t.quarter: t.cumulative_percent
                for t in CabinetTarget.objects.filter(office__isnull=True, fiscal_year=year)}
    chosen = BudgetSourceInUse.objects.filter(office=office, fiscal_year=year).values_list("source_id", flat=True)
    deadlines = {d.quarter: d.deadline for d in QuarterDeadline.objects.filter(office=office, fiscal_year=year)}
    initial = {"sources": list(chosen)}
    for q in QUARTERS:
        initial[f"target_{q}"] = own.get(q)
        initial[f"deadline_{q}"] = deadlines.get(q)
    form = YearSettingsForm(request.POST or None, initial=initial, be_year=be_year, national=national)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        year_settings_save(
            office=office, be_year=be_year, by=request.user, sources=list(data["sources"]),
            targets={q: data[f"target_{q}"] for q in QUARTERS},
            deadlines={q: data[f"deadline_{q}"] for q in QUARTERS},
        )
        messages.success(request, phrase(digits_for_user(request.user), "บันทึกการตั้งค่าปีงบประมาณ พ.ศ. {y} แล้ว", y=be_year))
        return redirect("office:years")
    return render(request, "office/year_form.html", {
        "form": form, "be_year": be_year, "national": national, "history": _history(office, year),
    })


def _history(office, year):
    """Who changed which setting of the year, newest first."""
    labels = {"+": "ตั้ง", "~": "แก้", "-": "ลบ"}
    entries = []
    for h in CabinetTarget.history.filter(office=office, fiscal_year=year).select_related("history_user"):
        what = phrase(office, "{did}เป้าหมายการเบิกจ่ายไตรมาสที่ {q}: ร้อยละ {p}", did=labels[h.history_type],
                      q=h.quarter, p=percent(office, h.cumulative_percent))
        entries.append((h, what))
    for h in QuarterDeadline.history.filter(office=office, fiscal_year=year).select_related("history_user"):
        what = phrase(office, "{did}กำหนดส่งรายงานไตรมาสที่ {q}", did=labels[h.history_type], q=h.quarter)
        entries.append((h, what, h.deadline))
    for h in BudgetSourceInUse.history.filter(office=office, fiscal_year=year).select_related(
            "history_user", "source"):
        entries.append((h, f"{'เพิ่ม' if h.history_type == '+' else 'เลิกใช้'}แหล่งงบประมาณ {h.source.name}"))
    entries.sort(key=lambda e: e[0].history_date, reverse=True)
    return [{"when": e[0].history_date, "who": e[0].history_user, "what": e[1], "date": e[2] if len(e) > 2 else None}
            for e in entries[:50]]
