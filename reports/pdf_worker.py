"""WeasyPrint's side of the booklet PDF: lay out and draw one HTML document.

Used in-process for small booklets and in worker processes by `reports.pdf_parallel` for large
ones, so it imports nothing from Django: a worker only needs WeasyPrint and the HTML it is sent.
"""

import contextlib
import gc
import os
import threading
import time

from reports import pdf_text_layer

# Laying out a booklet allocates millions of short-lived objects while keeping a large box tree
# alive; CPython's default thresholds then run full collections over that tree again and again
# (about a tenth of the PDF time, measured on the 40-project benchmark).
_OLDEST_GENERATION_THRESHOLD = 1000


@contextlib.contextmanager
def fewer_full_collections():
    """Young objects are still collected as usual; full passes over the box tree become rare."""
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], max(old[2], _OLDEST_GENERATION_THRESHOLD))
    try:
        yield
    finally:
        gc.set_threshold(*old)


def layout(html, *, base_url, stylesheets, extra_css=""):
    """The laid-out weasyprint Document of `html` with the stylesheet files `stylesheets`."""
    from weasyprint import CSS, HTML  # loads Pango and fonts: only where a PDF is made

    pdf_text_layer.install()

    sheets = [CSS(filename=str(path)) for path in stylesheets]
    if extra_css:
        sheets.append(CSS(string=extra_css))
    with fewer_full_collections():
        return HTML(string=html, base_url=base_url).render(stylesheets=sheets)


def write_pdf(document) -> bytes:
    pdf_text_layer.install()
    with fewer_full_collections():
        return document.write_pdf()


def describe_pages(document):
    """What the parent needs to stitch this document's pages into a booklet, page by page."""
    return [
        {
            "width": page.width,
            "height": page.height,
            # The @page name (cover, wide or ""): the page-number stamp repeats it.
            "name": page._page_box.page_type.name,
            "anchors": sorted(page.anchors),
            "bookmarks": [(level, label, x, y) for level, label, (x, y), _state in page.bookmarks],
        }
        for page in document.pages
    ]


def render_piece(html, base_url, stylesheets, extra_css):
    """One piece of a booklet, in a worker: its PDF bytes and the description of its pages."""
    document = layout(html, base_url=base_url, stylesheets=stylesheets, extra_css=extra_css)
    return {"pdf": write_pdf(document), "pages": describe_pages(document)}


def warm_up():
    """Load Pango, fontconfig and the Thai font before real work."""
    layout('<p style="font-family: Laksaman">ทดสอบ ๑๒๓</p>', base_url=None, stylesheets=[]).write_pdf()


def start_worker(owner_pid):
    """Run once in each new worker process: warm up, and leave when the process that started the
    workers is gone (a web server killed without shutting down would otherwise leave them behind)."""
    threading.Thread(target=_exit_without, args=(owner_pid,), daemon=True).start()
    warm_up()


def _exit_without(owner_pid, every_s=2.0):
    while True:
        time.sleep(every_s)
        try:
            os.kill(owner_pid, 0)
        except ProcessLookupError:
            os._exit(0)
