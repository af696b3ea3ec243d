"""A booklet laid out in several processes is the same PDF, page for page, as one laid out in one."""

import io
import logging
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from reports import pdf, pdf_parallel
from reports.context import BookletParams
from reports.pdf import booklet_pdf_from_html, render_booklet_html

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")


def piece_texts(pieces):
    return [(p.html.strip(), p.is_contents) for p in pieces]


def test_it_cuts_the_booklet_at_the_chunk_marks():
    html = (
        '<html><head></head><body><div class="booklet">'
        "<p>cover</p><!--chunk--><p>foreword</p><!--chunk toc--><p>contents</p><!--chunk-->"
        "<p>a</p><!--chunk--> <!--chunk--><p>b</p>"
        "</div>\n</body></html>"
    )
    head, pieces, tail = pdf_parallel.split_booklet(html)
    assert head.endswith('<div class="booklet">')
    assert tail == "</div>\n</body></html>"
    assert piece_texts(pieces) == [
        ("<p>cover</p>", False),
        ("<p>foreword</p>", False),
        ("<p>contents</p>", True),
        ("<p>a</p>", False),
        ("<p>b</p>", False),  # the empty piece between two marks is dropped
    ]
    joined = "".join(p.html for p in pieces)
    assert joined == "<p>cover</p><p>foreword</p><p>contents</p><p>a</p><p>b</p>"


def test_it_refuses_html_that_is_not_a_booklet_with_one_contents():
    with pytest.raises(pdf_parallel.CannotSplit):
        pdf_parallel.split_booklet("<html><body><p>x</p></body></html>")
    with pytest.raises(pdf_parallel.CannotSplit):
        pdf_parallel.split_booklet('<html><body><div class="booklet"><p>x</p></div></body></html>')


def test_it_deals_contiguous_runs_of_about_equal_length():
    pieces = [pdf_parallel.Piece("x" * n) for n in (10, 10, 10, 10, 40, 10, 10)]
    runs = pdf_parallel.deal(pieces, 3)
    assert [p for run in runs for p in run] == pieces  # order kept, nothing lost
    assert [sum(len(p.html) for p in run) for run in runs] == [40, 40, 20]
    assert pdf_parallel.deal(pieces[:2], 4) == [[pieces[0]], [pieces[1]]]


def test_it_fills_the_contents_page_numbers_in_the_booklets_digits():
    html = '<a class="pg" href="#summary"></a><a class="pg" href="#gone"></a>'
    assert pdf_parallel.fill_contents_numbers(html, {"summary": 12}, "thai") == (
        '<a class="pg" href="#summary">๑๒</a><a class="pg" href="#gone"></a>'
    )
    assert '">12</a>' in pdf_parallel.fill_contents_numbers(html, {"summary": 12}, "arabic")


def page_images(pdf_bytes, tmp_path, name):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(path), str(tmp_path / name)], check=True)
    return [p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-*.pgm"))]


def page_texts(pdf_bytes, tmp_path, name):
    path = tmp_path / f"{name}-text.pdf"
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")


def embedded_fonts(reader):
    """The faces of the distinct font programs embedded in the file, sorted."""
    programs = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            programs[descriptor.raw_get("/FontFile2").idnum] = str(descriptor["/FontName"]).split("+")[-1]
    return sorted(programs.values())


def outline(reader):
    items = []

    def walk(nodes, depth):
        for node in nodes:
            if isinstance(node, list):
                walk(node, depth + 1)
            else:
                items.append((depth, node.title, reader.get_destination_page_number(node), round(float(node.top))))

    walk(reader.outline, 0)
    return items


def link_targets(reader):
    """(page, target page) of every link, from either form WeasyPrint or pypdf writes."""
    named = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
    found = set()
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            dest = annotation.get("/Dest")
            if dest is None:
                dest = annotation["/A"]["/D"]
            target = named[dest] if isinstance(dest, str) else reader.get_page_number(dest[0].get_object())
            found.add((index, target))
    return found


@pytest.mark.parametrize("grouping, digits", [("status", "thai"), ("group", "arabic")])
def test_the_parallel_pdf_has_the_same_pages_outline_and_links(small, tmp_path, monkeypatch, grouping, digits):
    monkeypatch.setattr(pdf, "PARALLEL_FROM_CHARS", 0)
    params = BookletParams(action_plan=small.plan, months=6, grouping=grouping, digits=digits)
    html = render_booklet_html(params)
    one = booklet_pdf_from_html(html, digits=digits, workers=1)
    # Two workers and as many runs as there are pieces: every seam between pieces is exercised.
    monkeypatch.setattr(pdf_parallel, "RUNS_PER_WORKER", 50)
    several = pdf_parallel.render(
        html, base_url=str(pdf.settings.BASE_DIR), stylesheets=[pdf.STYLESHEET], digits=digits, workers=2
    )

    assert page_images(several, tmp_path, "several") == page_images(one, tmp_path, "one")
    one_reader, several_reader = PdfReader(io.BytesIO(one)), PdfReader(io.BytesIO(several))
    assert len(one_reader.pages) > 6
    assert outline(several_reader) == outline(one_reader)
    assert link_targets(several_reader) == link_targets(one_reader)
    assert several_reader.metadata.title == one_reader.metadata.title
    # The same text page for page, the document's language, one copy of each font (issue #14).
    assert page_texts(several, tmp_path, "several") == page_texts(one, tmp_path, "one")
    assert several_reader.trailer["/Root"]["/Lang"] == one_reader.trailer["/Root"]["/Lang"] == "th"
    assert embedded_fonts(several_reader) == embedded_fonts(one_reader) == ["Laksaman", "Laksaman-Bold"]


def test_a_large_booklet_goes_to_the_workers_and_a_broken_one_falls_back(small, monkeypatch, caplog):
    monkeypatch.setattr(pdf, "PARALLEL_FROM_CHARS", 0)
    calls = []
    real_render = pdf_parallel.render
    monkeypatch.setattr(pdf_parallel, "render", lambda *a, **kw: calls.append(kw["workers"]) or real_render(*a, **kw))
    html = render_booklet_html(BookletParams(action_plan=small.plan, months=6))
    assert booklet_pdf_from_html(html, workers=2).startswith(b"%PDF")
    assert calls == [2]

    with caplog.at_level(logging.WARNING, logger="reports.pdf"):
        fallback = booklet_pdf_from_html("<html><body><p>ไม่ใช่เล่มรายงาน</p></body></html>", workers=2)
    assert fallback.startswith(b"%PDF")
    assert "laid out in one process instead" in caplog.text
