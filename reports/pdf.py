"""The booklet as HTML and as PDF: pure functions over the context built from reports/figures/.

The browser preview and the PDF use the same templates and the same stylesheet; CSS does the
pagination (repeated table headers, page counters, rows kept whole), Python does not. A large
booklet is laid out in several processes at once (reports/pdf_parallel.py), with the same pages.
"""

import logging

from django.conf import settings
from django.template.loader import render_to_string

from reports import pdf_parallel, pdf_worker
from reports.context import booklet_context

logger = logging.getLogger(__name__)

STYLESHEET = settings.BASE_DIR / "static" / "css" / "booklet.css"
# Below about 90 pages (the demo office's 81-page booklet stays in one process), sharing saves too little.
PARALLEL_FROM_CHARS = 200_000


def render_booklet_html(booklet_or_params, *, screen=False, extra=None, context=None, request=None):
    context = dict(context or booklet_context(booklet_or_params))
    context.update(screen=screen, **(extra or {}))
    return render_to_string("reports/booklet/booklet.html", context, request=request)


def render_booklet_pdf(booklet_or_params, *, context=None) -> bytes:
    """The PDF of a booklet (a Booklet or BookletParams), as bytes."""
    context = context or booklet_context(booklet_or_params)
    html = render_booklet_html(booklet_or_params, context=context)
    return booklet_pdf_from_html(html, digits=context["d"])


def booklet_pdf_from_html(html, *, digits="thai", workers=None, timings=None) -> bytes:
    workers = settings.BOOKLET_PDF_WORKERS if workers is None else workers
    base_url = str(settings.BASE_DIR)
    if workers > 1 and len(html) >= PARALLEL_FROM_CHARS:
        try:
            return pdf_parallel.render(
                html, base_url=base_url, stylesheets=[STYLESHEET], digits=digits, workers=workers, timings=timings
            )
        except (pdf_parallel.CannotSplit, pdf_parallel.BrokenProcessPool, OSError) as error:
            logger.warning("Booklet PDF laid out in one process instead: %s", error)
    document = pdf_worker.layout(html, base_url=base_url, stylesheets=[STYLESHEET])
    return pdf_worker.write_pdf(document)
