"""A joined booklet carries each thing once: page-number stamps without an object or a copy of the
resources per page, and no two identical objects (reports/pdf_join.py; the booklet's size, issue #10)."""

import io
import shutil

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from reports import pdf, pdf_parallel
from reports.context import BookletParams
from reports.pdf import render_booklet_html

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")


@pytest.fixture
def joined(small, monkeypatch):
    monkeypatch.setattr(pdf, "PARALLEL_FROM_CHARS", 0)
    monkeypatch.setattr(pdf_parallel, "RUNS_PER_WORKER", 50)  # a piece per run: every seam
    html = render_booklet_html(BookletParams(action_plan=small.plan, months=6))
    return PdfReader(io.BytesIO(pdf_parallel.render(
        html, base_url=str(pdf.settings.BASE_DIR), stylesheets=[pdf.STYLESHEET], digits="thai", workers=2)))


def objects(reader):
    """Each indirect object of the file, as it is written (a stream by its dictionary and its bytes)."""
    for idnum in sorted(reader.xref_objStm) + sorted(n for numbers in reader.xref.values() for n in numbers):
        obj = reader.get_object(IndirectObject(idnum, 0, reader))
        if obj is None:
            continue
        written = io.BytesIO()
        if isinstance(obj, StreamObject):
            written.write(repr(sorted((k, repr(v)) for k, v in obj.items() if k != "/Length")).encode())
            written.write(obj._data)
        else:
            obj.write_to_stream(written)
        yield idnum, obj, written.getvalue()


def test_the_pages_of_a_piece_share_their_resources_and_each_stamp_is_a_few_operators(joined):
    pages = joined.pages
    resources = {getattr(page.raw_get("/Resources"), "idnum", id(page.raw_get("/Resources"))) for page in pages}
    # One resources object per piece at most, not one per page (the stamp's beside the piece's own).
    assert len(resources) < len(pages) // 2
    stamps = {}  # what a page's stamp draws -> the objects that draw it
    for page in pages:
        assert "/TidtamPageNumber" not in (page["/Resources"].get("/XObject") or {})  # no form XObject per page
        reference = page["/Contents"][-1]
        stamps.setdefault(reference.get_object().get_data(), set()).add(reference.idnum)
    numbered = [drawing for drawing in stamps if b"TJ" in drawing]
    assert len(numbered) >= len(pages) - 3  # all but the cover and the like have a number, each its own
    assert all(len(drawing) < 400 for drawing in stamps)  # a few operators, not a page's resources
    # One object per stamp: the pages without a number share theirs.
    assert all(len(idnums) == 1 for idnums in stamps.values())


def test_no_two_objects_of_the_joined_booklet_are_the_same(joined):
    seen = {}
    for idnum, _obj, written in objects(joined):
        assert written not in seen, f"objects {seen.get(written)} and {idnum} are the same"
        seen[written] = idnum
