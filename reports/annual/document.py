"""Pure functions: an annual report → HTML → PDF bytes, in the booklet's house style.

Same stylesheet, fonts and text layer as the booklet (static/css/booklet.css, reports/pdf_worker.py),
plus devplan.css (the plan's numbered lists) and annual.css (the project blocks and registers).
"""

from django.conf import settings
from django.template.loader import render_to_string

from reports import pdf_worker
from reports.annual import photos
from reports.annual.context import annual_context
from reports.pdf import STYLESHEET

STYLESHEETS = [STYLESHEET, settings.BASE_DIR / "static" / "css" / "devplan.css",
               settings.BASE_DIR / "static" / "css" / "annual.css"]


def render_annual_html(report, *, screen=False, extra=None, context=None, request=None):
    context = dict(context or annual_context(report))
    context.update(screen=screen, **(extra or {}))
    (photos.link if screen else photos.embed)(context["fig"])
    return render_to_string("reports/annual/annual.html", context, request=request)


def pdf_from_html(html) -> bytes:
    return pdf_worker.document_pdf(html, base_url=str(settings.BASE_DIR), stylesheets=STYLESHEETS)


def render_annual_pdf(report, *, context=None) -> bytes:
    return pdf_from_html(render_annual_html(report, context=context))
