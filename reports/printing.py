"""One project, or one quarterly report, printed on A4 in the booklet's style (issue #19, item 8).

Built from the same figures (reports.figures.project_figures) and the same templates as the booklet's
project section, so a printed page reads as that project's page of the booklet would.
"""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse

from budget.models import BudgetSource
from projects.models import ActivityProgress, IndicatorResult, Project, QuarterlyReport
from reports.figures.compute import project_figures
from reports.figures.types import COUNTED_REPORT_STATES, Round

WHOLE_YEAR = 12


def _project_with_reports(project_pk, reports):
    return (
        Project.objects.filter(pk=project_pk)
        .select_related("group", "strategy", "action_plan__fiscal_year", "action_plan__office")
        .prefetch_related(
            "owners", "allocations", "spending_plan", "disbursements", "activities", "indicators", "alignment",
            Prefetch("reports", queryset=reports.order_by("quarter").prefetch_related(
                Prefetch("activity_progress", queryset=ActivityProgress.objects.select_related("activity")),
                Prefetch("indicator_results", queryset=IndicatorResult.objects.all()),
            ), to_attr="round_reports"),
        )
        .get()
    )


def _round(project, quarter):
    return Round(be_year=project.action_plan.fiscal_year.be_year, months=quarter * 3)


def project_print_context(project):
    """The project with every report handed in so far (sent, returned or accepted), as the booklet
    prints it at the latest quarter reported."""
    reports = QuarterlyReport.objects.filter(project_id=project.pk, state__in=COUNTED_REPORT_STATES)
    loaded = _project_with_reports(project.pk, reports)
    latest = max((r.quarter for r in loaded.round_reports), default=4)
    rnd = _round(loaded, latest)
    figures = project_figures(loaded, rnd, sources=BudgetSource.objects.order_by("display_order", "code"))
    return {"r": figures, "rnd": rnd, "n": 1, "d": "thai", "project": loaded, "report": None}


def report_print_context(project, quarter):
    """One quarter's report of the project, whatever its state (a draft prints with its state said)."""
    reports = QuarterlyReport.objects.filter(project_id=project.pk, quarter=quarter)
    loaded = _project_with_reports(project.pk, reports)
    rnd = _round(loaded, quarter)
    figures = project_figures(loaded, rnd, sources=BudgetSource.objects.order_by("display_order", "code"))
    block = figures.blocks[0] if figures.blocks else None
    return {"r": figures, "rnd": rnd, "n": 1, "d": "thai", "project": loaded, "report_block": block,
            "report": block.report if block else None, "quarter": quarter}


def print_page(project, quarter=None, *, screen, request=None):
    """The print page of the project (quarter None) or of one quarter's report, as HTML: on screen with
    its toolbar (reports/print_views.py), or bare for the PDF (laid out by a document job)."""
    if quarter is None:
        template, context = "reports/print/project.html", project_print_context(project)
        back_url = reverse("projects:detail", kwargs={"pk": project.pk})
    else:
        template, context = "reports/print/report.html", report_print_context(project, quarter)
        back_url = reverse("reporting:report", kwargs={"pk": project.pk, "quarter": quarter})
    context = {**context, "back_url": back_url, "screen": screen,
               "toolbar": [{"url": "?format=pdf", "label": "ดาวน์โหลด PDF"}, {"url": back_url, "label": "กลับ"}]}
    return render_to_string(template, context, request=request), context["d"]


def print_file_name(project, quarter=None):
    """The PDF's (Thai) file name."""
    return f"โครงการ-{project.code}.pdf" if quarter is None else f"รายงาน-{project.code}-ไตรมาส{quarter}.pdf"
