"""Finance's pages: projects' money per quarter, and recording / correcting disbursements."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from budget import services
from budget.forms import DisbursementCorrectionForm, DisbursementDeleteForm, DisbursementForm
from budget.models import Disbursement
from budget.selectors import disbursements_of, finance_overview, project_money
from plans.access import has_role, member_or_404, plan_or_404, require_role
from plans.concurrency import StaleEdit, show_stale
from plans.interface_digits import digits_for_user, shown_message
from plans.models import Role
from projects.access import load_project
from projects.models import Project

WRITERS = (Role.FINANCE, Role.PLANNER)


def _project(user, pk):
    queryset = Project.objects.prefetch_related(
        "allocations__source", "spending_plan", "disbursements", "reports",
    )
    return load_project(user, pk, queryset=queryset)


def _disbursement(user, pk):
    """A disbursement of the user's office (404 otherwise), for finance or the planner to change (403)."""
    membership = member_or_404(user)
    disbursement = (
        Disbursement.objects.select_related("project__action_plan__fiscal_year", "source")
        .prefetch_related("project__allocations")
        .filter(pk=pk, project__action_plan__office_id=membership.office_id).first()
    )
    if disbursement is None:
        raise Http404("ไม่พบรายการเบิกจ่าย")
    require_role(user, *WRITERS)
    return disbursement


def _apply(form, error):
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


@login_required
def disbursements(request):
    """Finance's home: every project's allocation, plan and disbursements per quarter."""
    plan = plan_or_404(request)
    rows, totals = finance_overview(request.user, plan)
    return render(request, "budget/disbursements.html", {
        "plan": plan, "rows": rows, "totals": totals, "may_write": has_role(request.user, *WRITERS),
    })


def _project_page(request, project, form=None, status=200):
    may_write = has_role(request.user, *WRITERS)
    if may_write and form is None:
        form = DisbursementForm(project=project)
    return render(request, "budget/project_money.html", {
        "project": project,
        "money": project_money(project),
        "disbursements": disbursements_of(project),
        "form": form if may_write else None,
    }, status=status)


@login_required
def project_disbursements(request, pk):
    """One project's money: plan and disbursements per quarter, every entry, and the form to add one."""
    return _project_page(request, _project(request.user, pk))


@login_required
@require_POST
def disbursement_add(request, pk):
    project = _project(request.user, pk)
    require_role(request.user, *WRITERS)
    form = DisbursementForm(request.POST, project=project)
    if form.is_valid():
        try:
            recorded = services.disbursement_record(project=project, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply(form, error)
        else:
            if recorded.already_recorded:
                messages.warning(request, _("รายการนี้ถูกส่งซ้ำ ระบบบันทึกไว้แล้วครั้งเดียว ไม่ได้บันทึกซ้ำ"))
            else:
                messages.success(request, _("บันทึกการเบิกจ่ายแล้ว"))
            return redirect("budget:project", pk=project.pk)
    messages.error(request, _("ยังบันทึกไม่ได้ กรุณาแก้ไขช่องที่มีข้อความสีแดง"))
    return _project_page(request, project, form=form)


@login_required
def disbursement_edit(request, pk):
    """Correct a wrong entry, with a reason kept in the history."""
    disbursement = _disbursement(request.user, pk)
    project = disbursement.project
    if request.method == "POST":
        form = DisbursementCorrectionForm(request.POST, project=project)
        if form.is_valid():
            values = dict(form.cleaned_data)
            reason = values.pop("reason")
            try:
                services.disbursement_correct(disbursement=disbursement, user=request.user,
                                              reason=reason, expected_version=values.pop("version"), **values)
            except ValidationError as error:
                _apply(form, error)
            except StaleEdit as stale:
                show_stale(form, stale, model=Disbursement)
            else:
                messages.success(request, _("แก้ไขรายการเบิกจ่ายแล้ว"))
                return redirect("budget:project", pk=project.pk)
        messages.error(request, _("ยังบันทึกไม่ได้ กรุณาแก้ไขช่องที่มีข้อความสีแดง"))
    else:
        form = DisbursementCorrectionForm(project=project, initial={
            "version": disbursement.version, **{name: getattr(disbursement, name) for name in services.FIELDS},
        })
    return render(request, "budget/disbursement_edit.html", {
        "disbursement": disbursement, "project": project, "form": form,
        "delete_form": DisbursementDeleteForm(),
    })


@login_required
@require_POST
def disbursement_delete(request, pk):
    disbursement = _disbursement(request.user, pk)
    project_pk = disbursement.project_id
    form = DisbursementDeleteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("กรุณาระบุเหตุผลที่ลบรายการนี้"))
        return redirect("budget:disbursement_edit", pk=disbursement.pk)
    try:
        services.disbursement_delete(disbursement=disbursement, user=request.user,
                                     reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, shown_message(digits_for_user(request.user), " ".join(error.messages)))
        return redirect("budget:project", pk=project_pk)
    messages.success(request, _("ลบรายการเบิกจ่ายแล้ว (ยังดูได้ในประวัติการแก้ไข)"))
    return redirect("budget:project", pk=project_pk)
