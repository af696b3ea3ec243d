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
4. pypdf joins the pieces (reports/pdf_join.py), draws each page's number over it (the stamp page as a form XObject:
   the piece's page content is copied, never parsed), links each contents entry to its page,
   rebuilds the outline, keeps the document's language and makes the pieces share one copy of each
   font (reports/pdf_fonts.py).

With a cache (reports/pdf_cache.py), each piece's pages are kept once laid out (a worker finds the
page each piece starts on by an attribute on its first element), and the next render of the booklet
lays out only the pieces whose HTML changed: re-publishing after one project's report changed lays
out that project. Page numbers, the contents' numbers and links, and the outline come from the
pages' descriptions at every join, so a piece that grew or shrank moves everything after it. A
page's number stamp is kept by its number and @page name, so pages that moved find theirs; the
merged font programs are kept by the glyphs they hold.

tests/reports/test_pdf_parallel.py checks this against the one-process render page by page.
"""

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
from reports import pdf_cache, pdf_join, pdf_worker

logger = logging.getLogger(__name__)

CHUNK_MARK = re.compile(r"<!--chunk( toc)?-->")
BOOKLET_OPEN = '<div class="booklet">'
TOC_PAGE_CELL = re.compile(r'<a class="pg" href="#([^"]+)"></a>')
NO_PAGE_NUMBERS = "@page { @bottom-center { content: none !important; } }"
TOC_NUMBERS_IN_TEXT = ".booklet .toc a.pg::after { content: none !important; }"
# More runs than workers: a worker that finishes early takes the next run; and a worker holds one run's
# box tree at a time, so shorter runs lower the peak memory (40 projects, 2 workers: 4 runs a worker
# peaked about 37 MB lower than 2, benchmarks/booklet.py).
RUNS_PER_WORKER = 4
# Pages per page-number stamp document when laid-out pages are cached.
STAMP_PAGES = 64
CannotSplit = pdf_join.CannotSplit


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


def render(html, *, base_url, stylesheets, digits, workers, timings=None, evidence_folder=None, cache=None):
    """The booklet's PDF bytes, laid out in `workers` processes. Raises CannotSplit.

    With `cache` (a reports.pdf_cache.PieceCache), pieces laid out before with the same HTML, CSS
    and code are taken from it and only the others are laid out. `timings`, a dict, receives the
    seconds spent joining the pieces (and CPU seconds: joining, the workers' layouts) and how many
    pieces were laid out or found (benchmarks/booklet.py, tests)."""
    head, pieces, tail = split_booklet(html)
    at = next(i for i, piece in enumerate(pieces) if piece.is_contents)
    keys = pdf_cache.BookletEntries(cache, head, tail, stylesheets, NO_PAGE_NUMBERS + TOC_NUMBERS_IN_TEXT)

    # 1. Every piece but the contents: from the cache, or laid out by the workers in contiguous runs.
    executor = _executor(workers)
    found = {i: keys.get("piece", piece.html) for i, piece in enumerate(pieces) if i != at}
    missing = [i for i, entry in found.items() if entry is None]
    runs = [run for side in ([i for i in missing if i < at], [i for i in missing if i > at]) if side
            for run in _runs(pieces, side, workers * RUNS_PER_WORKER if side[0] > at else 1)]
    futures = [
        executor.submit(pdf_worker.render_piece, _marked_document(head, pieces, run, tail), base_url,
                        stylesheets, NO_PAGE_NUMBERS, evidence_folder)
        for run in runs
    ]
    contents = pieces[at].html
    layout = dict(base_url=base_url, stylesheets=stylesheets, evidence_folder=evidence_folder)
    contents_pages = keys.get("draft", contents)
    if contents_pages is None:
        draft = pdf_worker.layout(
            head + fill_contents_numbers(contents, None, digits) + tail,
            extra_css=NO_PAGE_NUMBERS + TOC_NUMBERS_IN_TEXT, **layout,
        )
        contents_pages = keys.put("draft", contents, pages=pdf_worker.describe_pages(draft))
    segments = {}  # piece index -> its pages: {"pdf" (bytes) or "run" (a cached file), "first", "count", "pages"}
    worker_results = _results(futures)
    for run, result in zip(runs, worker_results, strict=True):
        segments[run[0]] = {"pdf": result["pdf"], "first": 0, "count": len(result["pages"]), "pages": result["pages"]}
        keys.put_run(result, [(i, pieces[i].html) for i in run])
    for i, entry in found.items():
        if entry is not None:
            segments[i] = entry
    order = [segments[i] for i in sorted(segments) if i < at], [segments[i] for i in sorted(segments) if i > at]

    # Page numbers: the booklet's pages in order, with the contents' draft in its place.
    page_lists = [s["pages"] for s in order[0]] + [contents_pages["pages"]] + [s["pages"] for s in order[1]]
    page_of_anchor, first_page = {}, 1
    for pages in page_lists:
        for index, page in enumerate(pages):
            for anchor in page["anchors"]:
                page_of_anchor.setdefault(anchor, first_page + index)
        first_page += len(pages)

    # The page numbers: stamp documents of empty pages, laid out by the workers meanwhile. A page's
    # stamp depends only on its number and its @page name, so with a cache each is kept by those two:
    # pages that moved after a piece grew find theirs, and only numbers never stamped with that name
    # before are laid out (in runs of consecutive numbers).
    pages = [page for part_pages in page_lists for page in part_pages]
    stamped = keys.stamps()  # (number, name) -> (run file, page index), kept before
    wanted = [(number, page["name"]) for number, page in enumerate(pages, 1)]
    unstamped = _from_odd([number for number, name in wanted if (number, name) not in stamped])
    share = STAMP_PAGES if cache is not None else -(-len(pages) // workers)
    stamp_runs = _consecutive(unstamped, share + share % 2)
    stamp_futures = [
        executor.submit(
            pdf_worker.render_piece,
            _stamp_document(head, [pages[number - 1] for number in run], tail),
            base_url,
            stylesheets,
            f"@page :first {{ counter-set: page {run[0]}; }}",
        )
        for run in stamp_runs
    ]

    filled = fill_contents_numbers(contents, page_of_anchor, digits)
    final = keys.get("final", filled)
    contents_laid_out = final is None
    if final is None:
        document = pdf_worker.layout(head + filled + tail, extra_css=NO_PAGE_NUMBERS + TOC_NUMBERS_IN_TEXT, **layout)
        links = [
            (index, target, rect)
            for index, page in enumerate(document.pages)
            for kind, target, rect, _box in page.links
            if kind == "internal" and target in page_of_anchor
        ]
        for page in document.pages:
            page.links = []  # their anchors are in other pieces; pypdf draws them below
        result = {"pdf": pdf_worker.write_pdf(document), "pages": pdf_worker.describe_pages(document)}
        final = {**result, "first": 0, "count": len(result["pages"]), "links": links}
        keys.put_run(result, [], final=(filled, links))
    if len(final["pages"]) != len(contents_pages["pages"]):
        raise CannotSplit("the contents changed length once its page numbers were filled in")
    contents_first_page = sum(s["count"] for s in order[0])
    links = [(contents_first_page + index, page_of_anchor[target], rect) for index, target, rect in final["links"]]
    segments = order[0] + [final] + order[1]
    stamp_sources = {}  # page number -> (the stamp document: bytes or a cached file, its page index)
    stamp_results = _results(stamp_futures)
    worker_results += stamp_results
    for run, result in zip(stamp_runs, stamp_results, strict=True):
        if len(result["pages"]) != len(run):
            raise CannotSplit(f"{len(run)} page numbers laid out on {len(result['pages'])} pages")
        keys.put_stamps(result["pdf"], {wanted[number - 1]: index for index, number in enumerate(run)})
        for index, number in enumerate(run):
            stamp_sources[number] = (result["pdf"], index)
    for number, name in wanted:
        if number not in stamp_sources:
            stamp_sources[number] = stamped[number, name]
    stamps = [stamp_sources[number] for number in range(1, len(pages) + 1)]
    started, cpu = time.perf_counter(), time.process_time()
    with pdf_worker.collected_when_done():  # pypdf's objects, garbage once the file is written
        joined = pdf_join.join(segments, stamps, [page for segment in segments for page in segment["pages"]], links,
                               pdf_cache.FontMerges(cache) if cache is not None else None)
    if timings is not None:
        timings["join_s"] = time.perf_counter() - started
        timings["join_cpu_s"] = time.process_time() - cpu  # its garbage freed included
        timings["workers_cpu_s"] = sum(result.get("cpu_s", 0.0) for result in worker_results)
        timings["pieces_laid_out"] = len(missing)
        timings["pieces_from_cache"] = len(found) - len(missing)
        timings["stamps_laid_out"] = len(unstamped)
        timings["contents_laid_out"] = contents_laid_out
    return joined


def _from_odd(numbers):
    """`numbers` with the page before each even one that starts a run: a stamp document's first page is
    a right-hand page, so every run starts on an odd number and its pages are left and right as in the
    booklet (for @page :left and :right rules)."""
    wanted = set(numbers)
    return sorted(wanted | {number - 1 for number in wanted if number % 2 == 0 and number - 1 not in wanted})


def _consecutive(numbers, longest):
    """`numbers` (ascending) cut into runs of consecutive numbers, none longer than `longest`."""
    runs = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1 and len(runs[-1]) < longest:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def _runs(pieces, indices, count):
    """Contiguous runs of the pieces at `indices`: about `count` of them over all, dealt by length."""
    blocks = [[indices[0]]]
    for i in indices[1:]:
        if i == blocks[-1][-1] + 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    total = sum(len(pieces[i].html) for i in indices)
    runs = []
    for block in blocks:
        share = sum(len(pieces[i].html) for i in block) / total
        by_piece = {id(pieces[i]): i for i in block}
        for run in deal([pieces[i] for i in block], max(1, round(count * share))):
            runs.append([by_piece[id(piece)] for piece in run])
    return runs


PIECE_MARK = re.compile(r"^(\s*<[a-zA-Z][a-zA-Z0-9]*)")


def _marked_document(head, pieces, run, tail):
    """The run's pieces as one document, the first element of each marked with its index, so the
    worker can tell on which page each piece starts (an attribute no style selects: same pages)."""
    marked = (PIECE_MARK.sub(rf'\1 {pdf_worker.PIECE_ATTRIBUTE}="{i}"', pieces[i].html, count=1) for i in run)
    return head + "".join(marked) + tail


def _stamp_document(head, pages, tail):
    """Empty pages with the same @page names as the booklet's: each carries only its number."""
    boxes = "".join(
        f'<div style="page: {page["name"] or "auto"}; break-before: page"></div>' for page in pages
    )
    return head + boxes + tail


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
