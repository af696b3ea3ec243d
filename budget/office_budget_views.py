"""Finance's page for the office's budget by expenditure category (issue #17): the table as computed
(budget.office_budget) and, for finance and the planner, the form for the six categories. Every member
of the office reads it; another office never sees it (each office sees only its own)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from budget.forms import OfficeBudgetForm
from budget.office_budget import (
    OFFICE_MONEY_LABEL,
    PROJECT_MONEY_LABEL,
    SEPARATION_NOTE,
    office_budget_record,
    office_budget_table,
)
from budget.office_budget_services import as_of_default, lines_of, office_budget_set
from budget.views import WRITERS, _apply
from plans.access import has_role, plan_or_404, require_role
from plans.concurrency import StaleEdit, show_stale


def _initial(record, be_year):
    if record is None:
        return {"version": 0, "as_of": as_of_default(be_year)}
    return {"version": record.version, "as_of": record.as_of}


@login_required
def office_budget(request):
    plan = plan_or_404(request)
    office, fiscal_year = plan.office, plan.fiscal_year
    may_write = has_role(request.user, *WRITERS)
    record = office_budget_record(office=office, fiscal_year=fiscal_year)
    form = None
    if request.method == "POST":
        require_role(request.user, *WRITERS)
        form = OfficeBudgetForm(request.POST, lines=lines_of(record))
        if form.is_valid():
            try:
                office_budget_set(office=office, fiscal_year=fiscal_year, as_of=form.cleaned_data["as_of"],
                                  lines=form.lines(), user=request.user,
                                  expected_version=form.cleaned_data["version"],
                                  reason=form.cleaned_data["reason"])
            except ValidationError as error:
                _apply(form, error)
            except StaleEdit as stale:
                show_stale(form, stale)
            else:
                messages.success(request, "บันทึกงบประมาณของสำนักงานตามงบรายจ่ายแล้ว")
                return redirect(f"{reverse('budget:office_budget')}?year={fiscal_year.be_year}")
        messages.error(request, "ยังบันทึกไม่ได้ กรุณาแก้ไขช่องที่มีข้อความสีแดง")
    elif may_write:
        form = OfficeBudgetForm(lines=lines_of(record), initial=_initial(record, fiscal_year.be_year))
    return render(request, "budget/office_budget.html", {
        "plan": plan, "record": record, "form": form, "may_write": may_write,
        "table": office_budget_table(office=office, fiscal_year=fiscal_year),
        "office_label": OFFICE_MONEY_LABEL, "project_label": PROJECT_MONEY_LABEL, "separation_note": SEPARATION_NOTE,
    }, status=200)
