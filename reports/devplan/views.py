"""The plan document and the yearly results report: every member of the office reads them. Their PDFs
are made by a job (reports/jobs/): these pages start it and show its progress."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from plans.access import load_in_office
from plans.models import DevelopmentPlan
from reports.devplan.document import render_plan_html, render_results_html
from reports.jobs.models import JobKind
from reports.jobs.views import start_and_show


def _plan(request, pk):
    return load_in_office(request.user, DevelopmentPlan.objects.select_related("office"), pk, office_path="office")


def _year_of(plan, year):
    if not plan.covers(year):
        raise Http404("ปีนี้ไม่อยู่ในช่วงของแผน")
    return year


@login_required
def plan_document(request, pk):
    return HttpResponse(render_plan_html(_plan(request, pk), screen=True))


@login_required
def plan_pdf(request, pk):
    return start_and_show(request, JobKind.PLAN, development_plan=_plan(request, pk))


@login_required
def results_document(request, pk, year):
    plan = _plan(request, pk)
    return HttpResponse(render_results_html(plan, _year_of(plan, year), screen=True))


@login_required
def results_pdf(request, pk, year):
    plan = _plan(request, pk)
    return start_and_show(request, JobKind.RESULTS, development_plan=plan, be_year=_year_of(plan, year))
