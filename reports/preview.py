"""The booklet preview in the browser (issue #12): the summaries at once, each project's section and the
digest on demand. The whole booklet took 2.5 s at 1,000 projects; the summaries need only the figures the
dashboard reads (reports.figures with detail=False) plus owners and allocation notes for the register,
and one project's section loads that project's blocks alone. Every part comes from the same figures and
the same templates as the PDF (tests/reports/test_booklet_preview.py compares them)."""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.urls import reverse

from projects.models import QuarterlyReport
from reports import evidence
from reports.context import booklet_context, params_of
from reports.figures import figures_from_rows, load_round, project_figures
from reports.figures.compute import digest_of
from reports.figures.types import Round


def _round(params):
    return Round(params.action_plan.fiscal_year.be_year, params.months, params.as_of)


def summary_figures(params, *, register=True):
    """The round's figures without report blocks; register=True also loads what the register prints
    (owners and allocation notes), through the same relations the PDF reads."""
    plan, rnd = params.action_plan, _round(params)
    projects, groups, strategies, sources, targets = load_round(plan, rnd, detail=False)
    if register:
        prefetch_related_objects(projects, "owners__memberships", "allocations")
    return figures_from_rows(plan, rnd, projects, groups, strategies, sources, targets,
                             grouping=params.grouping, detail=False)


def summary_context(booklet):
    """The preview page: cover to register, the sections as lists of projects, each opened on demand."""
    params = params_of(booklet)
    context = booklet_context(params, fig=summary_figures(params))
    context["lazy"] = True
    return context


def _position(fig, project_pk):
    """(section, number in its section, summary row) of a project printed in full, as the PDF numbers it."""
    for section in fig.sections:
        for n, row in enumerate(section.full_rows, start=1):
            if row.project.pk == project_pk:
                return section, n, row
    raise Http404("โครงการนี้ไม่มีรายละเอียดในเล่มรายงานฉบับนี้")


class _OneProject:
    """What reports.evidence reads from a booklet's figures, for one project's row."""

    def __init__(self, row):
        self.all_rows = [row]


def project_context(booklet, project_pk):
    params = params_of(booklet)
    section, n, summary_row = _position(summary_figures(params, register=False), project_pk)
    rnd = _round(params)
    projects, _groups, _strategies, sources, _targets = load_round(
        params.action_plan, rnd, detail=True, project_ids=[project_pk])
    row = project_figures(projects[0], rnd, sources, detail=True)
    row.number = summary_row.number
    fig = _OneProject(row)
    evidence.choose_for_blocks(fig, params)
    context = {"p": params, "d": params.digits, "rnd": rnd, "office": params.action_plan.office, "r": row, "n": n,
               "fig": fig, "section": section, "title": f"{n}. {row.project.title}"}
    evidence.link_photos(context)
    return context


def digest_context(booklet):
    """The digest of problems and suggestions: the summary rows and one query for their latest reports'
    texts."""
    params = params_of(booklet)
    fig = summary_figures(params, register=False)
    latest = [r.latest_report.id for r in fig.rows if r.latest_report is not None]
    texts = {pk: (problems, suggestions) for pk, problems, suggestions in QuarterlyReport.objects.filter(
        pk__in=latest).order_by().values_list("pk", "problems", "suggestions")}
    fig.digest = digest_of(fig.groups, texts)
    return {"p": params, "d": params.digits, "rnd": _round(params), "office": params.action_plan.office,
            "fig": fig, "title": "สรุปปัญหาอุปสรรคและข้อเสนอแนะ"}


def part_toolbar(booklet, anchor):
    return [{"url": reverse("reports:booklet_preview", args=[booklet.pk]) + f"#{anchor}",
             "label": "← กลับไปที่ตัวอย่างเล่มรายงาน"}]
