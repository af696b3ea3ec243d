"""How each document's file is made in a job, and what its progress page links to.

One recipe per document (a job's one foreign key, reports/jobs/models.py KINDS_OF): `make` renders the
file and reports its progress through `progress(phase, step, **counts)`; `publish` keeps a publication
(called in the transaction that marks the job done, so nothing is published half-made); the rest is
what the progress page and the download say. reports/jobs/services.py runs them all the same way.
"""

import io

from django.urls import reverse

from plans.downloads import PDF, XLSX
from reports import pdf
from reports.annual import document as annual_document
from reports.annual.context import annual_context
from reports.annual.services import annual_publication_create
from reports.context import booklet_context
from reports.devplan import document as devplan_document
from reports.excel import booklet_workbook
from reports.jobs.models import JobKind, JobPhase
from reports.printing import print_file_name, print_page
from reports.services import publication_create


def page_count(content):
    from pypdf import PdfReader  # only where a PDF is made: not in every web process

    return len(PdfReader(io.BytesIO(content)).pages)


def _pdf_in_steps(progress, render_html, layout, *, projects=0):
    """HTML, then PDF layout, then counting its pages: steps 1 to 3 of 4 (0 is claiming the job)."""
    html = render_html()
    progress(JobPhase.PDF, 2, projects=projects)
    content = layout(html)
    progress(JobPhase.SAVING, 3, pages=page_count(content))
    return content


class Booklet:
    steps = {JobKind.PREVIEW: 4, JobKind.PUBLISH: 4, JobKind.EXCEL: 2}

    def back(self, job):
        return reverse("reports:booklets"), "← เล่มรายงานทั้งหมด"

    def make(self, job, progress):
        booklet = job.booklet
        if job.kind == JobKind.EXCEL:
            progress(JobPhase.EXCEL, 1)
            return booklet_workbook(booklet)
        context = booklet_context(booklet)
        progress(JobPhase.HTML, 1, projects=len(context["fig"].rows))
        return _pdf_in_steps(progress, lambda: pdf.render_booklet_html(booklet, context=context),
                             lambda html: pdf.booklet_pdf_from_html(html, digits=context["d"]),
                             projects=len(context["fig"].rows))

    def publish(self, job, content):
        job.publication = publication_create(booklet=job.booklet, user=job.requested_by, pdf=content)

    def publication_url(self, job):
        return reverse("reports:publication_pdf", args=[job.publication_id]) if job.publication_id else None

    def filename(self, job):
        extension, name = ("xlsx", "tables") if job.kind == JobKind.EXCEL else ("pdf", "draft")
        return f"booklet-{job.booklet_id}-{name}.{extension}", None


class AnnualReport:
    steps = {JobKind.PREVIEW: 4, JobKind.PUBLISH: 4}

    def back(self, job):
        return reverse("reports:booklets"), "← เล่มรายงานทั้งหมด"

    def make(self, job, progress):
        report = job.annual_report
        context = annual_context(report)
        projects = len(context["fig"].rows)
        progress(JobPhase.HTML, 1, projects=projects)
        return _pdf_in_steps(progress, lambda: annual_document.render_annual_html(report, context=context),
                             annual_document.pdf_from_html, projects=projects)

    def publish(self, job, content):
        job.annual_publication = annual_publication_create(report=job.annual_report, user=job.requested_by,
                                                           pdf=content)

    def publication_url(self, job):
        if not job.annual_publication_id:
            return None
        return reverse("reports:annual_publication_pdf", args=[job.annual_publication_id])

    def filename(self, job):
        report = job.annual_report
        return f"annual-{report.pk}-draft.pdf", f"รายงานผลการดำเนินงาน-{report.be_year}-ฉบับร่าง.pdf"


class Unpublished:
    """A document whose file is handed over, never kept as a publication."""

    def publish(self, job, content):
        raise ValueError(f"{type(self).__name__}: this document is not published by a job")

    def publication_url(self, job):
        return None


class DevelopmentPlan(Unpublished):
    steps = {JobKind.PLAN: 4, JobKind.RESULTS: 4}

    def back(self, job):
        if job.kind == JobKind.RESULTS:
            return reverse("plans:devplan_results", args=[job.development_plan_id, job.be_year]), "← กลับไปหน้าผลตามตัวชี้วัด"
        return reverse("plans:devplan_detail", args=[job.development_plan_id]), "← กลับไปหน้าแผน"

    def make(self, job, progress):
        plan = job.development_plan
        progress(JobPhase.HTML, 1)
        return _pdf_in_steps(progress, lambda: self._html(job, plan), devplan_document.pdf_from_html)

    @staticmethod
    def _html(job, plan):
        if job.kind == JobKind.RESULTS:
            return devplan_document.render_results_html(plan, job.be_year)
        return devplan_document.render_plan_html(plan)

    def filename(self, job):
        plan = job.development_plan
        if job.kind == JobKind.RESULTS:
            return f"indicator-results-{job.be_year}-{plan.pk}.pdf", None
        return f"development-plan-{plan.first_be_year}-{plan.last_be_year}-{plan.pk}.pdf", None


class ProjectPrint(Unpublished):
    """The print view's PDF: one project, or one quarter's report (reports/print_views.py)."""

    steps = {JobKind.PROJECT_PRINT: 4, JobKind.REPORT_PRINT: 4}

    def back(self, job):
        if job.kind == JobKind.REPORT_PRINT:
            return reverse("reports:print_report", args=[job.project_id, job.quarter]), "← กลับไปหน้าพิมพ์รายงาน"
        return reverse("reports:print_project", args=[job.project_id]), "← กลับไปหน้าพิมพ์โครงการ"

    def make(self, job, progress):
        progress(JobPhase.HTML, 1, projects=1)
        html, digits = print_page(job.project, job.quarter, screen=False)
        return _pdf_in_steps(progress, lambda: html,
                             lambda html: pdf.booklet_pdf_from_html(html, digits=digits, workers=1), projects=1)

    def filename(self, job):
        ascii_name = f"project-{job.project_id}" + (f"-q{job.quarter}" if job.quarter else "") + ".pdf"
        return ascii_name, print_file_name(job.project, job.quarter)


RECIPES = {"booklet": Booklet(), "annual_report": AnnualReport(), "development_plan": DevelopmentPlan(),
           "project": ProjectPrint()}


def recipe(job):
    return RECIPES[job.document_name]


def steps(kind, target):
    """How many steps a new job of this kind has, for the document named in `target`."""
    return next(RECIPES[name] for name in RECIPES if name in target).steps[kind]


def content_type(job):
    return XLSX if job.kind == JobKind.EXCEL else PDF
