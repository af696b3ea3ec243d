"""The quarterly report of a project: fill in and send (owners), review and reopen (planners), history."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from budget.selectors import project_money
from plans.access import is_planner, require_role
from plans.concurrency import StaleEdit
from plans.interface_digits import digits_for_user, shown, shown_message
from plans.models import Role
from projects.access import can_edit_project, load_project, load_report
from projects.models import ReportState
from projects.notifications.models import MailState
from projects.reporting import services as services
from projects.reporting.forms import ReopenForm, ReportForms, ReviewForm, merge_after_conflict
from projects.reporting.queue import next_waiting, waiting_reports
from projects.reporting.queue_views import after_review, queue_url
from projects.reporting.selectors import previous_report, project_history, projects_for_report_page, report_of


def _report_url(report):
    return reverse("reporting:report", kwargs={"pk": report.project_id, "quarter": report.quarter})


@login_required
def report(request, pk, quarter):
    """GET: the form (or, for readers and locked reports, the report). POST: save as draft or submit."""
    writing = request.method == "POST"
    project = load_project(request.user, pk, for_write=writing, queryset=projects_for_report_page())
    current = report_of(project, quarter)
    digits = digits_for_user(request.user)
    refusal = services.refusal_to_write(request.user, project, quarter, current) \
        if can_edit_project(request.user, project) else None
    if refusal:
        refusal = shown_message(digits, refusal)
    forms = conflict = taken = None
    if writing:
        if refusal:
            messages.error(request, refusal)
            return redirect(request.path)
        forms = ReportForms(project, current, data=request.POST)
        if forms.is_valid():
            submit = request.POST.get("action") == "submit"
            save = services.report_submit if submit else services.report_save_draft
            try:
                save(project=project, quarter=quarter, user=request.user, data=forms.to_input(),
                     expected_version=forms.expected_version)
            except ValidationError as error:
                kept = _keep_as_draft(request, project, quarter, forms) if submit else None
                if kept is not None:
                    current, forms = kept
                forms.add_service_errors(error)
                forms.focus_first_error()
                count = shown(digits, len(forms.error_links()))
                if kept is not None:
                    messages.error(request, _("ยังส่งรายงานไม่ได้ บันทึกทุกอย่างที่กรอกไว้เป็นฉบับร่างแล้ว "
                                              "กรุณาแก้ไข %(n)s รายการด้านล่าง แล้วกดส่งรายงานอีกครั้ง") % {"n": count})
                else:
                    messages.error(request, _("ยังส่งรายงานไม่ได้ และยังไม่ได้บันทึก กรุณาแก้ไข %(n)s รายการด้านล่าง")
                                   % {"n": count})
            except StaleEdit:
                # Someone saved meanwhile: merge their changes into this user's input and show
                # what both changed; saving again is then a deliberate, informed choice.
                latest = report_of(project, quarter)
                data, conflict, taken = merge_after_conflict(project, latest, request.POST)
                current = latest
                forms = ReportForms(project, current, data=data)
                forms.is_valid()
                messages.error(request, _("มีผู้อื่นบันทึกรายงานนี้หลังจากที่คุณเปิดหน้านี้ ข้อมูลของคุณยังไม่ถูกบันทึก "
                                          "ตรวจสอบแล้วกดบันทึกอีกครั้ง"))
            except services.ReportRefused as refused:
                messages.error(request, shown_message(digits, str(refused)))
                return redirect(request.path)
            else:
                messages.success(request, _("ส่งรายงานแล้ว รอกลุ่มนโยบายและแผนตรวจ") if submit
                                 else _("บันทึกฉบับร่างแล้ว"))
                return redirect(request.path)
        else:
            forms.focus_first_error()
            messages.error(request, _("ข้อมูลบางช่องไม่ถูกต้อง จึงยังไม่ได้บันทึก (สิ่งที่กรอกยังอยู่ในหน้านี้) "
                                      "กรุณาแก้ไข %(n)s รายการด้านล่าง") % {"n": shown(digits, len(forms.error_links()))})
    may_edit = can_edit_project(request.user, project) and refusal is None
    planner = is_planner(request.user, project.action_plan.office)
    # A planner opening a sent report is there to review it: show it read-only unless they ask to edit.
    reviewing = planner and current is not None and current.state == ReportState.SUBMITTED \
        and request.GET.get("edit") != "1" and forms is None
    if may_edit and forms is None and not reviewing:
        forms = ReportForms(project, current, previous=None if current else previous_report(project, quarter))
    review_queue = None
    if planner and current is not None and current.state == ReportState.SUBMITTED:
        review_queue = {
            "url": queue_url(project.action_plan, quarter),
            "count": waiting_reports(project.action_plan, quarter).count(),
            "next": next_waiting(project.action_plan, quarter, after=current),
        }
    return render(request, "reporting/report_form.html", {
        "review_queue": review_queue,
        "project": project,
        "quarter": quarter,
        "report": current,
        "forms": forms if may_edit else None,
        "reviewing": reviewing,
        "refusal": refusal,
        "conflict": conflict,
        "taken": taken,
        "money": project_money(project).quarters[quarter - 1],
        "no_effect_sentence": services.NO_EFFECT_SENTENCE,
        "review_form": ReviewForm(initial={"version": current.version}) if planner and current else None,
        "reopen_form": ReopenForm(initial={"version": current.version}) if planner and current else None,
        "quarters": range(1, 5),
        "mails": list(current.mails.all()[:10]) if planner and current else [],
    })


def _keep_as_draft(request, project, quarter, forms):
    """A refused submission keeps what the owner typed, as a draft: (report, forms over it) or None
    when even the draft cannot be saved (someone saved meanwhile, or the report is locked)."""
    try:
        report = services.report_save_draft(project=project, quarter=quarter, user=request.user,
                                            data=forms.to_input(), expected_version=forms.expected_version)
    except (ValidationError, StaleEdit, services.ReportRefused):
        return None
    data = request.POST.copy()
    data["version"] = report.version
    data["original"] = json.dumps(forms.values(), ensure_ascii=False)
    kept = ReportForms(project, report, data=data)
    kept.is_valid()
    return report_of(project, quarter), kept


def _run_review(request, report, action, form):
    try:
        action(report=report, user=request.user, expected_version=form.cleaned_data["version"],
               **{k: v for k, v in form.cleaned_data.items() if k != "version"})
    except ValidationError as error:
        messages.error(request, shown_message(digits_for_user(request.user), " ".join(error.messages)))
        return False
    except StaleEdit as stale:
        messages.error(request, _("%(msg)s (รายงานนี้เพิ่งถูกแก้ไข กรุณาอ่านอีกครั้งก่อนตรวจ)") % {"msg": stale})
        return False
    except services.ReportRefused as refused:
        messages.error(request, str(refused))
        return False
    return True


@login_required
@require_POST
def review(request, pk):
    """The planner accepts the report or returns it with a comment."""
    report = load_report(request.user, pk)
    require_role(request.user, Role.PLANNER)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("แบบฟอร์มไม่ครบ กรุณาเปิดหน้ารายงานแล้วลองอีกครั้ง"))
        return redirect(_report_url(report))
    if request.POST.get("action") == "accept":
        done = _run_review(request, report, _accept, form)
        if done:
            messages.success(request, _("ตรวจรับรายงานแล้ว (%(code)s) รายงานนี้ถูกล็อก") % {"code": report.project.code})
    else:
        done = _run_review(request, report, services.report_return, form)
        if done:
            messages.success(request, _("ส่งรายงานกลับให้ผู้รับผิดชอบแก้ไขแล้ว (%(code)s)") % {"code": report.project.code})
    if not done:
        return redirect(_report_url(report))
    _say_if_not_sent(request, report)
    # One pass through the quarter: straight on to the next report waiting for review.
    url, none_left = after_review(report)
    if none_left:
        messages.info(request, none_left)
    return redirect(url)


def _say_if_not_sent(request, report):
    """The change is saved whatever the mail server does; the planner learns if the owners were not told."""
    mail = report.mails.order_by("-pk").first()
    if mail is not None and mail.state == MailState.FAILED:
        messages.warning(request, _("แต่ส่งอีเมลแจ้งผู้รับผิดชอบไม่สำเร็จ (%(e)s) กรุณาแจ้งผู้รับผิดชอบทางอื่น "
                                    "หรือส่งอีกครั้งจากหน้าอีเมลแจ้งเตือน") % {"e": mail.error})


def _accept(*, report, user, expected_version, comment=""):
    # The review form's comment is for returns; accepting ignores it.
    return services.report_accept(report=report, user=user, expected_version=expected_version)


@login_required
@require_POST
def reopen(request, pk):
    """The planner unlocks an accepted report, saying why."""
    report = load_report(request.user, pk)
    require_role(request.user, Role.PLANNER)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("กรุณาระบุเหตุผลที่เปิดรายงานอีกครั้ง"))
    elif _run_review(request, report, services.report_reopen, form):
        messages.success(request, _("เปิดรายงานให้แก้ไขได้อีกครั้งแล้ว"))
    return redirect(_report_url(report))


@login_required
def history(request, pk):
    """Who changed what and when, for the project and everything that hangs from it. Read-only."""
    project = load_project(request.user, pk)
    return render(request, "reporting/project_history.html", {
        "project": project,
        "entries": project_history(project),
    })
