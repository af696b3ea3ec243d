"""After importing a quarter's results from Excel: review the imported drafts and send them together,
each through the one-report submit service (issue #19, item 7)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plans.form_bounds import posted_int
from plans.interface_digits import digits_for_user, phrase
from projects.models import ImportKind
from projects.reporting import bulk
from projects.workbooks.results_workbook import results_projects
from projects.workbooks.views import _load_upload


def _results_upload(request, pk):
    upload = _load_upload(request, pk)
    if upload.kind != ImportKind.RESULTS:
        raise Http404("ไม่มีรายงานให้ส่งจากไฟล์แผน")
    return upload


def _drafts(request, upload):
    return bulk.drafts_to_send(results_projects(request.user, upload.action_plan), upload.quarter)


@login_required
def submit_drafts(request, pk):
    """The quarter's unsent reports this user reports, ready ones ticked, the others with what is missing."""
    upload = _results_upload(request, pk)
    return render(request, "imports/submit_drafts.html", {
        "upload": upload, "plan": upload.action_plan, "drafts": _drafts(request, upload),
    })


@login_required
@require_POST
def submit_drafts_confirm(request, pk):
    upload = _results_upload(request, pk)
    wanted = {posted_int(v) for v in request.POST.getlist("report")} - {None}
    reports = [report for report, _reasons in _drafts(request, upload) if report.pk in wanted]
    if not reports:
        messages.error(request, "ยังไม่ได้เลือกรายงาน กรุณาทำเครื่องหมายหน้ารายงานที่ต้องการส่ง")
        return redirect("imports:submit_drafts", pk=upload.pk)
    versions = {r.pk: v for r in reports
                if (v := posted_int(request.POST.get(f"version-{r.pk}"), "PositiveIntegerField")) is not None}
    outcome = bulk.submit_many(reports=reports, user=request.user, versions=versions)
    if outcome.done:
        codes = ", ".join(r.project.code for r in outcome.done)
        messages.success(request, phrase(digits_for_user(request.user),
                                         "ส่งรายงานแล้ว {n} ฉบับ รอกลุ่มนโยบายและแผนตรวจ: {codes}",
                                         n=len(outcome.done), codes=codes))
    for _report, reason in outcome.refused:
        messages.error(request, f"ยังส่งไม่ได้ {reason}")
    if outcome.refused:
        return redirect("imports:submit_drafts", pk=upload.pk)
    return redirect(f"{reverse('imports:index')}?year={upload.action_plan.fiscal_year.be_year}")
