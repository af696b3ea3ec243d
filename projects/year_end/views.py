"""The year-end report: fill in and send (owners), review and reopen (planners), the planner's queue.

One page per project: owners (and the planner) get the form while they may write; readers, and
everyone once it is sent or accepted, the report; a planner opening a sent report reviews it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plans.access import is_planner, load_in_office, require_role
from plans.concurrency import StaleEdit, describe
from plans.form_bounds import posted_int
from plans.interface_digits import digits_for_user, shown, shown_message
from plans.models import ActionPlan, Role
from plans.thai_formats import percent_of
from projects.access import can_edit_project, load_project
from projects.models import ReportState, YearEndReport
from projects.reporting.forms import ReopenForm, ReviewForm
from projects.year_end import selectors, services
from projects.year_end.access import load_year_end
from projects.year_end.forms import YearEndForms, shown_verdict
from projects.year_end.selectors import IndicatorLine


def _url(project_id):
    return reverse("year_end:report", kwargs={"pk": project_id})


def _forms(project, report, data=None):
    prefill = None if report is not None else selectors.prefill(project)
    return YearEndForms(project, report, prefill=prefill, data=data,
                        other_projects=services.other_projects(project).order_by("display_order", "code"))


@login_required
def report(request, pk):
    """GET: the form, the report, or the review. POST: save as draft or send."""
    writing = request.method == "POST"
    project = load_project(request.user, pk, for_write=writing, queryset=selectors.projects_for_year_end_page())
    current = selectors.year_end_of(project)
    editor = can_edit_project(request.user, project)
    digits = digits_for_user(request.user)
    refusal = services.refusal_to_write(request.user, project, current) if editor else None
    if refusal:
        refusal = shown_message(digits, refusal)
    planner = is_planner(request.user, project.action_plan.office)
    forms = None
    if writing:
        if refusal:
            messages.error(request, refusal)
            return redirect(request.path)
        forms = _forms(project, current, data=request.POST)
        if forms.is_valid():
            forms, done = _save(request, project, forms, digits)
            if done:
                return redirect(request.path)
            current = selectors.year_end_of(project)
        else:
            messages.error(request, _("ข้อมูลบางช่องไม่ถูกต้อง จึงยังไม่ได้บันทึก (สิ่งที่กรอกยังอยู่ในหน้านี้) "
                                      "กรุณาแก้ไข %(n)s รายการด้านล่าง") % {
                                      "n": shown(digits, len(forms.error_links()) or 1)})
    may_edit = editor and refusal is None
    reviewing = planner and current is not None and current.state == ReportState.SUBMITTED \
        and request.GET.get("edit") != "1" and forms is None
    if may_edit and forms is None and not reviewing and not (current and current.state == ReportState.SUBMITTED
                                                             and not planner and request.GET.get("edit") != "1"):
        forms = _forms(project, current)
    money = selectors.remaining_money(project)
    lines = selectors.indicator_lines(project, current)
    statuses = selectors.activity_statuses(project)
    editing = forms if may_edit else None
    return render(request, "year_end/report.html", {
        "project": project, "report": current, "forms": editing,
        "reviewing": reviewing, "refusal": refusal, "planner": planner, "may_edit": may_edit,
        "money": money, "used_percent": percent_of(money.disbursed_total, money.allocated),
        "lines": lines,
        "indicator_rows": [(i, f, IndicatorLine(i, None, shown_verdict(i, f))) for i, f in editing.indicators]
        if editing else [],
        "step_rows": [(f, statuses.get(posted_int(f["activity_id"].value()))) for f in editing.steps]
        if editing else [],
        "source": selectors.latest_report(project) if current is None else None,
        "review_form": ReviewForm(initial={"version": current.version}) if planner and current else None,
        "reopen_form": ReopenForm(initial={"version": current.version}) if planner and current else None,
        "waiting_count": selectors.waiting_year_end(project.action_plan).count() if planner else 0,
    })


def _save(request, project, forms, digits):
    """(forms to show again, done): save or send what the owner typed; Thai messages either way."""
    submit = request.POST.get("action") == "submit"
    save = services.year_end_submit if submit else services.year_end_save_draft
    try:
        save(project=project, user=request.user, data=forms.to_input(), expected_version=forms.expected_version)
    except ValidationError as error:
        forms.add_service_errors(error)
        kept = ""
        if submit:
            kept = _keep_as_draft(request, project, forms)
        messages.error(request, _("ยังส่งรายงานไม่ได้%(kept)s กรุณาแก้ไข %(n)s รายการด้านล่าง") % {
            "kept": kept, "n": shown(digits, len(forms.error_links()) or 1)})
        return forms, False
    except StaleEdit as stale:
        latest = selectors.year_end_of(project)
        data = request.POST.copy()
        data["version"] = latest.version if latest else 0
        forms = _forms(project, latest, data=data)
        forms.is_valid()
        changed = describe(YearEndReport, stale.changes)
        messages.error(request, _("มีผู้อื่นบันทึกรายงานนี้หลังจากที่คุณเปิดหน้านี้ ข้อมูลของคุณยังไม่ถูกบันทึก "
                                  "(ยังอยู่ในแบบฟอร์ม) %(c)s ตรวจสอบแล้วกดบันทึกอีกครั้ง") % {"c": changed})
        return forms, False
    except services.YearEndRefused as refused:
        messages.error(request, shown_message(digits, str(refused)))
        return forms, True
    messages.success(request, _("ส่งรายงานแล้ว รอกลุ่มนโยบายและแผนตรวจ") if submit else _("บันทึกฉบับร่างแล้ว"))
    return forms, True


def _keep_as_draft(request, project, forms):
    """A refused submission keeps what was typed as a draft when it can (the new version goes to the form)."""
    try:
        saved = services.year_end_save_draft(project=project, user=request.user, data=forms.to_input(),
                                             expected_version=forms.expected_version)
    except (ValidationError, StaleEdit, services.YearEndRefused):
        return _(" และยังไม่ได้บันทึก")
    forms.main.data = forms.main.data.copy()
    forms.main.data["version"] = saved.version
    return _(" บันทึกทุกอย่างที่กรอกไว้เป็นฉบับร่างแล้ว")


def _run_review(request, report, action, form):
    try:
        action(report=report, user=request.user, expected_version=form.cleaned_data["version"],
               **{k: v for k, v in form.cleaned_data.items() if k != "version"})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    except StaleEdit as stale:
        messages.error(request, _("%(msg)s (รายงานนี้เพิ่งถูกแก้ไข กรุณาอ่านอีกครั้งก่อนตรวจ)") % {"msg": stale})
        return False
    except services.YearEndRefused as refused:
        messages.error(request, str(refused))
        return False
    return True


def _accept(*, report, user, expected_version, comment=""):
    return services.year_end_accept(report=report, user=user, expected_version=expected_version)


@login_required
@require_POST
def review(request, pk):
    """The planner accepts the year-end report or returns it with a comment, then goes to the next one."""
    report = load_year_end(request.user, pk)
    require_role(request.user, Role.PLANNER)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("แบบฟอร์มไม่ครบ กรุณาเปิดหน้ารายงานแล้วลองอีกครั้ง"))
        return redirect(_url(report.project_id))
    accept = request.POST.get("action") == "accept"
    if not _run_review(request, report, _accept if accept else services.year_end_return, form):
        return redirect(_url(report.project_id))
    messages.success(request, (_("ตรวจรับรายงานสิ้นสุดโครงการแล้ว (%(c)s) รายงานนี้ถูกล็อก") if accept
                               else _("ส่งรายงานกลับให้ผู้รับผิดชอบแก้ไขแล้ว (%(c)s)")) % {"c": report.project.code})
    following = selectors.waiting_year_end(report.project.action_plan).exclude(pk=report.pk).first()
    if following is not None:
        return redirect(_url(following.project_id))
    return redirect(reverse("year_end:waiting", kwargs={"plan_pk": report.project.action_plan_id}))


@login_required
@require_POST
def reopen(request, pk):
    report = load_year_end(request.user, pk)
    require_role(request.user, Role.PLANNER)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("กรุณาระบุเหตุผลที่เปิดรายงานอีกครั้ง"))
    elif _run_review(request, report, services.year_end_reopen, form):
        messages.success(request, _("เปิดรายงานให้แก้ไขได้อีกครั้งแล้ว"))
    return redirect(_url(report.project_id))


@login_required
def waiting(request, plan_pk):
    """The planner's queue: the plan's year-end reports sent and waiting, and where every project stands."""
    plan = load_in_office(request.user, ActionPlan.objects.select_related("fiscal_year", "office"), plan_pk,
                          office_path="office", for_write=True)
    return render(request, "year_end/waiting.html", {
        "plan": plan, "reports": list(selectors.waiting_year_end(plan)), "board": selectors.plan_board(plan),
    })
