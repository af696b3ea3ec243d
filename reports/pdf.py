"""The booklet as HTML and as PDF: pure functions over the context built from figures.py.

The browser preview and the PDF use the same templates and the same stylesheet; CSS does the
pagination (repeated table headers, page counters, rows kept whole), Python does not.
"""

from django.conf import settings
from django.template.loader import render_to_string

from reports.context import booklet_context

STYLESHEET = settings.BASE_DIR / "static" / "css" / "booklet.css"


def render_booklet_html(booklet_or_params, *, screen=False, extra=None, context=None, request=None):
    context = dict(context or booklet_context(booklet_or_params))
    context.update(screen=screen, **(extra or {}))
    return render_to_string("reports/booklet/booklet.html", context, request=request)


def render_booklet_pdf(booklet_or_params, *, context=None) -> bytes:
    """The PDF of a booklet (a Booklet or BookletParams), as bytes."""
    # Imported here: WeasyPrint loads Pango and fonts, which pages that never print do not need.
    from weasyprint import CSS, HTML

    html = render_booklet_html(booklet_or_params, context=context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))]
    )
