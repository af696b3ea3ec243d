"""The annual report's pages: planners set it up, preview and publish it; every member downloads what
was published and the Excel tables. The draft PDF and the publication are made by a job
(reports/jobs/): these pages start it and show its progress, they never lay out the PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plans.access import member_or_404, require_role
from plans.concurrency import StaleEdit
from plans.downloads import PDF, XLSX, file_response
from plans.models import Role
from reports.annual.document import render_annual_html
from reports.annual.excel import annual_workbook
from reports.annual.forms import AnnualReportForm
from reports.annual.selectors import load_annual_publication, load_annual_report
from reports.annual.services import annual_report_create, annual_report_update
from reports.figures.annual import annual_figures
from reports.jobs.models import JobKind
from reports.jobs.views import start_and_show


def _data(form):
    return {name: value for name, value in form.cleaned_data.items() if name not in ("version", "action_plan")}


@login_required
def annual_new(request):
    require_role(request.user, Role.PLANNER)
    form = AnnualReportForm(request.POST or None, office=member_or_404(request.user).office)
    if request.method == "POST" and form.is_valid():
        report = annual_report_create(user=request.user, data={**_data(form),
                                                               "action_plan": form.cleaned_data["action_plan"]})
        messages.success(request, "สร้างรายงานผลการดำเนินงานแล้ว เขียนปัญหาและข้อเสนอแนะของสำนักงานโดยดูจากสรุปของโครงการด้านข้าง")
        return redirect("reports:annual_edit", pk=report.pk)
    return render(request, "reports/annual_form.html", {"form": form})


@login_required
def annual_edit(request, pk):
    report = load_annual_report(request.user, pk)
    require_role(request.user, Role.PLANNER)
    form = AnnualReportForm(request.POST or None, instance=report, office=report.office)
    changes = None
    if request.method == "POST" and form.is_valid():
        try:
            annual_report_update(report=report, expected_version=form.cleaned_data["version"] or 0, data=_data(form))
        except StaleEdit as stale:
            form.add_error(None, str(stale))
            changes = [(form.fields[name].label, theirs, ours) for name, (theirs, ours) in stale.changes.items()
                       if name in form.fields]
            form.data = form.data.copy()
            form.data["version"] = stale.current.version
        else:
            messages.success(request, "บันทึกการแก้ไขแล้ว")
            return redirect("reports:annual_preview", pk=report.pk)
    digest = annual_figures(report.action_plan, grouping="group").digest
    return render(request, "reports/annual_form.html",
                  {"form": form, "report": report, "changes": changes, "digest": digest})


@login_required
def annual_preview(request, pk):
    report = load_annual_report(request.user, pk)
    require_role(request.user, Role.PLANNER)
    toolbar = [
        {"url": reverse("reports:booklets"), "label": "← เล่มรายงานทั้งหมด"},
        {"url": reverse("reports:annual_edit", args=[pk]), "label": "แก้ไข"},
        {"url": reverse("reports:annual_pdf", args=[pk]), "label": "ดาวน์โหลด PDF (ฉบับร่าง)"},
        {"url": reverse("reports:annual_excel", args=[pk]), "label": "Excel"},
    ]
    return HttpResponse(render_annual_html(report, screen=True, extra={"toolbar": toolbar, "annual": report},
                                           request=request))


@login_required
def annual_pdf(request, pk):
    report = load_annual_report(request.user, pk)
    require_role(request.user, Role.PLANNER)
    return start_and_show(request, JobKind.PREVIEW, annual_report=report)


@login_required
def annual_excel(request, pk):
    report = load_annual_report(request.user, pk)
    return file_response(annual_workbook(report), XLSX, f"รายงานผลการดำเนินงาน-{report.be_year}-ตาราง.xlsx",
                         ascii_name=f"annual-{report.pk}.xlsx")


@login_required
@require_POST
def annual_publish(request, pk):
    report = load_annual_report(request.user, pk)
    require_role(request.user, Role.PLANNER)
    return start_and_show(request, JobKind.PUBLISH, annual_report=report)


@login_required
def annual_publication_pdf(request, pk):
    publication = load_annual_publication(request.user, pk)
    return file_response(publication.pdf, PDF, publication.filename, ascii_name=f"annual-report-{publication.pk}.pdf",
                         inline=True, etag=publication.sha256)
