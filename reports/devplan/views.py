"""The plan document and the yearly results report: every member of the office reads them."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from plans.access import load_in_office
from plans.models import DevelopmentPlan
from reports.devplan.document import render_plan_html, render_plan_pdf, render_results_html, render_results_pdf


def _plan(request, pk):
    return load_in_office(request.user, DevelopmentPlan.objects.select_related("office"), pk, office_path="office")


def _pdf(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _year_of(plan, year):
    if not plan.covers(year):
        raise Http404("ปีนี้ไม่อยู่ในช่วงของแผน")
    return year


@login_required
def plan_document(request, pk):
    return HttpResponse(render_plan_html(_plan(request, pk), screen=True))


@login_required
def plan_pdf(request, pk):
    plan = _plan(request, pk)
    return _pdf(render_plan_pdf(plan), f"development-plan-{plan.first_be_year}-{plan.last_be_year}-{plan.pk}.pdf")


@login_required
def results_document(request, pk, year):
    plan = _plan(request, pk)
    return HttpResponse(render_results_html(plan, _year_of(plan, year), screen=True))


@login_required
def results_pdf(request, pk, year):
    plan = _plan(request, pk)
    return _pdf(render_results_pdf(plan, _year_of(plan, year)), f"indicator-results-{year}-{plan.pk}.pdf")
