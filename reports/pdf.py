"""The booklet as HTML and as PDF: pure functions over the context built from reports/figures/.

The browser preview and the PDF use the same templates and the same stylesheet; CSS does the
pagination (repeated table headers, page counters, rows kept whole), Python does not. A large
booklet is laid out in several processes at once (reports/pdf_parallel.py), with the same pages.
"""

import logging
import re

from django.conf import settings
from django.template.loader import render_to_string

from reports import evidence, pdf_parallel, pdf_worker
from reports.context import booklet_context
from reports.pdf_cache import PieceCache

logger = logging.getLogger(__name__)

STYLESHEET = settings.BASE_DIR / "static" / "css" / "booklet.css"
# Below about 90 pages (the demo office's 81-page booklet stays in one process), sharing saves too little.
PARALLEL_FROM_CHARS = 200_000


# Embedded photos (reports/evidence.py) make the HTML long without adding pages to lay out.
DATA_URI = re.compile(r"data:image/[a-z]+;base64,[A-Za-z0-9+/=]*")


def _text_length(html):
    return len(html) - sum(len(uri) for uri in DATA_URI.findall(html))


def render_booklet_html(booklet_or_params, *, screen=False, extra=None, context=None, request=None):
    context = dict(context or booklet_context(booklet_or_params))
    context.update(screen=screen, **(extra or {}))
    (evidence.link_photos if screen else evidence.embed_photos)(context)
    return render_to_string("reports/booklet/booklet.html", context, request=request)


def render_booklet_pdf(booklet_or_params, *, context=None) -> bytes:
    """The PDF of a booklet (a Booklet or BookletParams), as bytes."""
    context = context or booklet_context(booklet_or_params)
    html = render_booklet_html(booklet_or_params, context=context)
    pdf = booklet_pdf_from_html(html, digits=context["d"])
    return evidence.append_documents(pdf, context)


def piece_cache():
    """Where a large booklet's laid-out pieces are kept (re-publishing lays out changed ones only)."""
    if not settings.BOOKLET_PDF_CACHE_BYTES:
        return None
    return PieceCache(settings.BOOKLET_PDF_CACHE_DIR, settings.BOOKLET_PDF_CACHE_BYTES)


def booklet_pdf_from_html(html, *, digits="thai", workers=None, timings=None) -> bytes:
    workers = settings.BOOKLET_PDF_WORKERS if workers is None else workers
    base_url = str(settings.BASE_DIR)
    folder = evidence.evidence_folder()  # the photos' files (evidence.embed_photos names them)
    if workers > 1 and _text_length(html) >= PARALLEL_FROM_CHARS:
        try:
            return pdf_parallel.render(
                html, base_url=base_url, stylesheets=[STYLESHEET], digits=digits, workers=workers, timings=timings,
                evidence_folder=folder, cache=piece_cache(),
            )
        except (pdf_parallel.CannotSplit, pdf_parallel.BrokenProcessPool, OSError) as error:
            logger.warning("Booklet PDF laid out in one process instead: %s", error)
    return pdf_worker.document_pdf(html, base_url=base_url, stylesheets=[STYLESHEET], evidence_folder=folder)
