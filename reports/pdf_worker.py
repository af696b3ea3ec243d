"""WeasyPrint's side of the booklet PDF: lay out and draw one HTML document.

Used in-process for small booklets and in worker processes by `reports.pdf_parallel` for large
ones, so it imports nothing from Django: a worker only needs WeasyPrint and the HTML it is sent.
"""

import contextlib
import functools
import gc
import hashlib
import io
import os
import re
import threading
import time
from pathlib import Path

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


@contextlib.contextmanager
def collected_when_done():
    """No collection during the block, then one of the young objects only: for work whose objects
    live until it ends (pypdf's writer and readers joining a booklet). Collected as it went, they
    were walked again by every young collection and then moved to the oldest generation, where only
    a full pass over the whole process found them, a later re-publish's (0.1-0.6 s, the worst
    outliers); now they are walked once and freed at once, at a cost that does not grow with the
    process."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.collect(0)


def layout(html, *, base_url, stylesheets, extra_css="", evidence_folder=None):
    """The laid-out weasyprint Document of `html` with the stylesheet files `stylesheets`; images
    named by EVIDENCE_URL are read from `evidence_folder` (see url_fetcher)."""
    from weasyprint import CSS, HTML  # loads Pango and fonts: only where a PDF is made

    pdf_text_layer.install()

    fetcher = url_fetcher(evidence_folder)
    fresh = "@font-face" in html or "@font-face" in extra_css
    font_config, sheets = parsed_stylesheets(stylesheets, fetcher, fresh=fresh)
    if extra_css:
        sheets.append(CSS(string=extra_css, url_fetcher=fetcher, font_config=font_config))
    with fewer_full_collections():
        return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(stylesheets=sheets,
                                                                              font_config=font_config)


_parsed = threading.local()  # per thread: a Pango font map is not to be shared between threads
_PARSED_KEPT = 8  # sets of stylesheets kept per thread (the booklet, the annual report, the development plan)


def parsed_stylesheets(stylesheets, fetcher, fresh=False):
    """(font configuration, a new list of the CSS objects of the stylesheet files `stylesheets`).

    Every piece, page-number stamp document and contents of a booklet is laid out with the same
    booklet.css: it is parsed once per thread and content, with one font configuration kept with it
    (a new one per layout also meant a cold font map). The key is the files' bytes, not their names,
    so a changed stylesheet is parsed again (tests/reports/test_pdf_worker_reuse.py). Stylesheets
    or a document with @font-face (`fresh`) get a font configuration of their own, as before: their
    faces would otherwise be added to the one later documents share."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import path2url

    contents = [Path(path).read_bytes() for path in stylesheets]

    def parse(font_config):
        return [CSS(file_obj=io.BytesIO(content), base_url=path2url(str(path)), url_fetcher=fetcher,
                    font_config=font_config)
                for path, content in zip(stylesheets, contents, strict=True)]

    if fresh or any(b"@font-face" in content for content in contents):
        font_config = FontConfiguration()
        return font_config, parse(font_config)
    if getattr(_parsed, "font_config", None) is None:
        _parsed.font_config, _parsed.sheets = FontConfiguration(), {}
    key = (id(fetcher), *((str(path), hashlib.sha256(content).digest())
                          for path, content in zip(stylesheets, contents, strict=True)))
    if key not in _parsed.sheets:
        if len(_parsed.sheets) >= _PARSED_KEPT:
            _parsed.sheets.clear()
        _parsed.sheets[key] = parse(_parsed.font_config)
    return _parsed.font_config, list(_parsed.sheets[key])


# A photo of a report, by its name in the evidence folder: `tidtam-evidence:ab/ab12….jpg`.
EVIDENCE_URL = "tidtam-evidence:"
_EVIDENCE_NAME = re.compile(r"[0-9a-f]{2}/[0-9a-f]{64}[a-z0-9.-]{0,24}")
_fetchers = {}


def url_fetcher(evidence_folder):
    """What the booklet's PDF may read: photos from the evidence folder (by a name of the form the
    evidence storage gives, read from disk by the PDF process itself, so a booklet's photos are never
    copied into its HTML) and data URIs (the office's logo). Nothing from the network, no other file:
    the PDF process reads nothing a planner could not see in the booklet."""
    found = _fetchers.get(evidence_folder)
    if found is None:
        found = _fetchers[evidence_folder] = _fetcher_class()(evidence_folder)
    return found


@functools.cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class BookletFetcher(URLFetcher):
        def __init__(self, evidence_folder):
            super().__init__(allowed_protocols=["data"])
            self.evidence_folder = evidence_folder

        def fetch(self, url, headers=None):
            if not url.startswith(EVIDENCE_URL):
                return super().fetch(url, headers)  # data: only
            name = url[len(EVIDENCE_URL):]
            if self.evidence_folder is None or not _EVIDENCE_NAME.fullmatch(name):
                raise ValueError(f"not an evidence file: {url}")
            path = os.path.join(self.evidence_folder, name)
            return URLFetcherResponse(url, open(path, "rb"), {"Content-Type": "image/jpeg"})  # noqa: SIM115

    return BookletFetcher


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


def render_piece(html, base_url, stylesheets, extra_css, evidence_folder=None):
    """One piece of a booklet, in a worker: its PDF bytes, the description of its pages, and the CPU
    seconds the worker spent on it (benchmarks/booklet.py)."""
    started = time.process_time()
    with fewer_full_collections():  # describing the pages too: no full pass over a box tree still alive
        document = layout(html, base_url=base_url, stylesheets=stylesheets, extra_css=extra_css,
                          evidence_folder=evidence_folder)
        result = {"pdf": write_pdf(document), "pages": describe_pages(document), "starts": piece_starts(document)}
        del document
    if len(html) >= RELEASE_FROM_CHARS:
        release_memory()
    result["cpu_s"] = time.process_time() - started
    return result


def document_pdf(html, **layout_args):
    """The PDF bytes of a whole document laid out in this process (a booklet too short to share, the
    annual report, the development plan), its layout's memory given back before it returns, as a
    worker gives back a run's: its box tree, promoted to the oldest generation while it was laid out,
    would otherwise wait for a full collection in whatever job came next (0.9 s of a re-publish
    after a 182-page layout, benchmarks/booklet.py)."""
    document = layout(html, **layout_args)
    pdf = write_pdf(document)
    del document
    if len(html) >= RELEASE_FROM_CHARS:
        release_memory()
    return pdf


# A full collection costs a worker tens of milliseconds: worth it after a run of parts, not after one project's
# section or a page-number stamp document (re-publishing lays out only those), whose garbage is small.
RELEASE_FROM_CHARS = 20_000


def release_memory():
    """Hand the memory of a document just laid out back to the system.

    A worker lives for many pieces. Its box tree is cyclic garbage that fewer_full_collections
    leaves to a rare full pass, and the C allocator keeps freed pages (Pango's, cairo's and Python's
    large blocks) for reuse: without this, each worker kept 30-45 MB more after every booklet until
    the next piece happened to need it, all counted in the server's memory (benchmarks/booklet.py).
    tests/reports/test_pdf_worker_memory.py checks that nothing of a returned piece stays."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (musl, macOS). ctypes is loaded here, in
    the PDF processes that give memory back, not in every web process that imports this module (3 MB)."""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


PIECE_ATTRIBUTE = "data-tidtam-piece"
_PIECE_DEPTH = 6  # page, html, body, the booklet element, a piece's first element (with room to spare)


def piece_starts(document):
    """{piece: the index of the page it starts on} for the elements marked with PIECE_ATTRIBUTE
    (reports/pdf_parallel.py marks the first element of each piece it sends)."""
    starts = {}
    for number, page in enumerate(document.pages):
        stack = [(page._page_box, 0)]
        while stack:
            box, depth = stack.pop()
            element = getattr(box, "element", None)
            piece = element.get(PIECE_ATTRIBUTE) if element is not None else None
            if piece is not None:
                starts.setdefault(int(piece), number)
            elif depth < _PIECE_DEPTH:
                stack.extend((child, depth + 1) for child in getattr(box, "children", ()))
    return starts


def warm_up():
    """Load Pango, fontconfig and the Thai font before real work."""
    layout('<p style="font-family: Laksaman">ทดสอบ ๑๒๓</p>', base_url=None, stylesheets=[]).write_pdf()


def start_worker(owner_pid):
    """Run once in each new worker process: warm up, and leave when the process that started the
    workers is gone (a web server killed without shutting down would otherwise leave them behind)."""
    threading.Thread(target=_exit_without, args=(owner_pid,), daemon=True).start()
    warm_up()
    freeze_start_up()


def freeze_start_up():
    """Leave what the worker loaded at start (WeasyPrint, Pango's bindings, fontTools, the fonts) out
    of every later collection: each full pass walked all of it again, tens of milliseconds of a
    re-publish. Collected first, so no garbage is frozen with it; the pieces' own objects, made
    later, are collected as before (release_memory). The same as config/gc_tuning.py's, which this
    module does not import: a worker loads no Django (nor the Celery app config/ brings)."""
    gc.collect()
    gc.freeze()


def _exit_without(owner_pid, every_s=2.0):
    while True:
        time.sleep(every_s)
        try:
            os.kill(owner_pid, 0)
        except ProcessLookupError:
            os._exit(0)
