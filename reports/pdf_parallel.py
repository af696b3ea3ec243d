"""A large booklet's PDF laid out in several processes at once, then joined into one file.

WeasyPrint lays a document out in one thread. A booklet, though, is a run of parts that each
start a new page (cover, foreword, contents, summary, tables, register, each project, not-started
list, digest, back cover), and the templates mark the boundaries between them with
``<!--chunk-->``. Laying runs of parts out separately therefore gives the same pages as laying out
the whole. Here:

1. the booklet's HTML is cut at the marks and contiguous runs of parts go to worker processes,
   which lay them out without page numbers and return the PDF bytes and where each anchor and
   bookmark landed;
2. meanwhile this process lays out the table of contents once, for its page count;
3. the contents is laid out again with its page numbers filled in from the anchors, and a stamp
   document of empty pages with the booklet's own ``@page`` rules carries the page numbers, so
   they look exactly as in a one-process render;
4. pypdf joins the pieces, stamps the numbers, links each contents entry to its page, rebuilds
   the outline, keeps the document's language and makes the pieces share one copy of each font
   (reports/pdf_fonts.py).

tests/reports/test_pdf_parallel.py checks this against the one-process render page by page.
"""

import io
import logging
import multiprocessing
import os
import re
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from plans.thai_formats import to_arabic_digits, to_thai_digits
from reports import pdf_fonts, pdf_worker

logger = logging.getLogger(__name__)

CHUNK_MARK = re.compile(r"<!--chunk( toc)?-->")
BOOKLET_OPEN = '<div class="booklet">'
TOC_PAGE_CELL = re.compile(r'<a class="pg" href="#([^"]+)"></a>')
NO_PAGE_NUMBERS = "@page { @bottom-center { content: none !important; } }"
TOC_NUMBERS_IN_TEXT = ".booklet .toc a.pg::after { content: none !important; }"
# More runs than workers: a worker that finishes early takes the next run.
RUNS_PER_WORKER = 2
PX_TO_PT = 0.75  # WeasyPrint measures in CSS pixels (1/96 in), PDF in points (1/72 in)


class CannotSplit(Exception):
    """The HTML is not a booklet with chunk marks, or the pieces do not fit back together."""


@dataclass
class Piece:
    html: str
    is_contents: bool = False


def split_booklet(html):
    """(head, pieces, tail): head + "".join(piece.html) + tail is a complete document."""
    try:
        start = html.index(BOOKLET_OPEN) + len(BOOKLET_OPEN)
        end = html.rindex("</div>", start, html.rindex("</body>"))
    except ValueError as error:
        raise CannotSplit("no booklet element in the HTML") from error
    body = html[start:end]
    pieces, position, is_contents = [], 0, False
    for mark in CHUNK_MARK.finditer(body):
        pieces.append(Piece(body[position : mark.start()], is_contents))
        position, is_contents = mark.end(), bool(mark.group(1))
    pieces.append(Piece(body[position:], is_contents))
    pieces = [piece for piece in pieces if piece.html.strip()]
    if sum(piece.is_contents for piece in pieces) != 1:
        raise CannotSplit("the booklet must hold exactly one table of contents")
    return html[:start], pieces, html[end:]


def deal(pieces, runs):
    """Cut `pieces` into at most `runs` contiguous runs of about equal HTML length."""
    total = sum(len(piece.html) for piece in pieces)
    dealt, current, length = [], [], 0
    for piece in pieces:
        current.append(piece)
        length += len(piece.html)
        if len(dealt) < runs - 1 and length >= total * (len(dealt) + 1) / runs:
            dealt.append(current)
            current = []
    if current:
        dealt.append(current)
    return dealt


def fill_contents_numbers(contents_html, page_of_anchor, digits):
    """The contents with each entry's page number as text (the browser preview hides them)."""
    convert = to_thai_digits if digits == "thai" else to_arabic_digits

    def number(match):
        anchor = match.group(1)
        page = page_of_anchor.get(anchor, 0) if page_of_anchor is not None else 8888
        return f'<a class="pg" href="#{anchor}">{convert(str(page)) if page else ""}</a>'

    return TOC_PAGE_CELL.sub(number, contents_html)


def render(html, *, base_url, stylesheets, digits, workers, timings=None):
    """The booklet's PDF bytes, laid out in `workers` processes. Raises CannotSplit.

    `timings`, a dict, receives the seconds spent joining the pieces (benchmarks/booklet.py)."""
    head, pieces, tail = split_booklet(html)
    at = next(i for i, piece in enumerate(pieces) if piece.is_contents)

    def document(run):
        return head + "".join(piece.html for piece in run) + tail

    executor = _executor(workers)
    runs = ([pieces[:at]] if at else []) + deal(pieces[at + 1 :], workers * RUNS_PER_WORKER)
    futures = [
        executor.submit(pdf_worker.render_piece, document(run), base_url, stylesheets, NO_PAGE_NUMBERS)
        for run in runs
    ]
    contents = pieces[at].html
    layout = dict(base_url=base_url, stylesheets=stylesheets)
    draft = pdf_worker.layout(
        document([Piece(fill_contents_numbers(contents, None, digits))]),
        extra_css=NO_PAGE_NUMBERS + TOC_NUMBERS_IN_TEXT,
        **layout,
    )
    laid_out = _results(futures)
    before, after = (laid_out[:1], laid_out[1:]) if at else ([], laid_out)

    # Page numbers: the booklet's pages in order, with the contents' draft in its place.
    page_lists = [part["pages"] for part in before] + [pdf_worker.describe_pages(draft)]
    page_lists += [part["pages"] for part in after]
    page_of_anchor, first_page = {}, 1
    for pages in page_lists:
        for index, page in enumerate(pages):
            for anchor in page["anchors"]:
                page_of_anchor.setdefault(anchor, first_page + index)
        first_page += len(pages)

    # The page numbers: stamp documents of empty pages, laid out by the workers meanwhile.
    pages = [page for part_pages in page_lists for page in part_pages]
    share = -(-len(pages) // workers)
    stamp_futures = [
        executor.submit(
            pdf_worker.render_piece,
            _stamp_document(head, pages[first : first + share], tail),
            base_url,
            stylesheets,
            f"@page :first {{ counter-set: page {first + 1}; }}",
        )
        for first in range(0, len(pages), share)
    ]

    final = pdf_worker.layout(
        document([Piece(fill_contents_numbers(contents, page_of_anchor, digits))]),
        extra_css=NO_PAGE_NUMBERS + TOC_NUMBERS_IN_TEXT,
        **layout,
    )
    if len(final.pages) != len(draft.pages):
        raise CannotSplit("the contents changed length once its page numbers were filled in")
    contents_first_page = sum(len(part["pages"]) for part in before)
    links = [
        (contents_first_page + index, page_of_anchor[target], rect)
        for index, page in enumerate(final.pages)
        for kind, target, rect, _box in page.links
        if kind == "internal" and target in page_of_anchor
    ]
    for page in final.pages:
        page.links = []  # their anchors are in other pieces; pypdf draws them below
    contents_part = {"pdf": pdf_worker.write_pdf(final), "pages": pdf_worker.describe_pages(final)}
    parts = before + [contents_part] + after
    stamps = [part["pdf"] for part in _results(stamp_futures)]
    started = time.perf_counter()
    joined = _join(parts, stamps, [page for part in parts for page in part["pages"]], links)
    if timings is not None:
        timings["join_s"] = time.perf_counter() - started
    return joined


def _stamp_document(head, pages, tail):
    """Empty pages with the same @page names as the booklet's: each carries only its number."""
    boxes = "".join(
        f'<div style="page: {page["name"] or "auto"}; break-before: page"></div>' for page in pages
    )
    return head + boxes + tail


def _join(parts, stamp_pdfs, pages, links):
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import Fit, NameObject

    writer = PdfWriter()
    readers = [PdfReader(io.BytesIO(part["pdf"])) for part in parts]
    for reader in readers:
        writer.append(reader, import_outline=False)
    stamps = [stamp for pdf in stamp_pdfs for stamp in PdfReader(io.BytesIO(pdf)).pages]
    if len(stamps) != len(writer.pages) or len(writer.pages) != len(pages):
        raise CannotSplit(f"{len(writer.pages)} pages but {len(stamps)} page numbers")
    for page, stamp in zip(writer.pages, stamps, strict=True):
        page.merge_page(stamp)
        page.compress_content_streams()

    def top(page_index, y):
        return (pages[page_index]["height"] - y) * PX_TO_PT

    for page_index, target_page, (x1, y1, x2, y2) in links:
        rect = (x1 * PX_TO_PT, top(page_index, y2), x2 * PX_TO_PT, top(page_index, y1))
        writer.add_annotation(
            page_index,
            Link(rect=rect, border=[0, 0, 0], target_page_index=target_page - 1, fit=Fit.xyz(top=None)),
        )

    open_items = []  # (level, outline item) of the headings still open
    for page_index, page in enumerate(pages):
        for level, label, x, y in page["bookmarks"]:
            while open_items and open_items[-1][0] >= level:
                open_items.pop()
            parent = open_items[-1][1] if open_items else None
            item = writer.add_outline_item(
                title=label,
                page_number=page_index,
                parent=parent,
                fit=Fit.xyz(left=x * PX_TO_PT, top=top(page_index, y)),
            )
            open_items.append((level, item))

    if readers[0].metadata:
        writer.add_metadata(dict(readers[0].metadata))
    root = readers[0].trailer["/Root"]
    if "/Lang" in root:
        writer._root_object[NameObject("/Lang")] = root["/Lang"]
    pdf_fonts.share_fonts(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_executor_lock = threading.Lock()
_executor_instance = None


def _executor(workers):
    """Worker processes, started once and kept: each has loaded WeasyPrint and the fonts."""
    global _executor_instance
    with _executor_lock:
        if _executor_instance is None or _executor_instance._max_workers != workers:
            if _executor_instance is not None:
                _executor_instance.shutdown(wait=False)
            # forkserver, not fork: the web server's threads and database connections stay behind.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["reports.pdf_worker"])
            _executor_instance = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=pdf_worker.start_worker,
                initargs=(os.getpid(),),
            )
        return _executor_instance


def _results(futures):
    """The futures' results in order; a dead worker makes the next booklet start new ones."""
    try:
        return [future.result() for future in futures]
    except BrokenProcessPool:
        _forget_executor()
        raise


def _forget_executor():
    global _executor_instance
    with _executor_lock:
        _executor_instance = None


def worker_pids():
    """The worker processes' ids (benchmarks/booklet.py reads their peak memory)."""
    return list(_executor_instance._processes) if _executor_instance is not None else []


def warm_up(workers):
    """Start the workers now rather than on the first booklet (benchmarks; a server at start-up)."""
    executor = _executor(workers)
    for future in [executor.submit(pdf_worker.warm_up) for _ in range(workers)]:
        future.result()
