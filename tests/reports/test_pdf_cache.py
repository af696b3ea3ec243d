"""Re-publishing after one project changed lays out that project's pages only, and the booklet is the
same PDF, page for page, as a fresh render (issue #13 point 6)."""

import os
import shutil

import pytest

from reports import pdf, pdf_fonts, pdf_parallel
from reports.context import BookletParams
from reports.pdf import booklet_pdf_from_html, render_booklet_html
from reports.pdf_cache import PieceCache
from tests.reports.test_pdf_parallel import page_images, page_texts

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")

LONG = " ".join(["จัดอบรมเชิงปฏิบัติการให้ครูผู้สอนทุกกลุ่มสาระ ติดตามผลที่โรงเรียนอีกครั้งหนึ่ง"] * 60)


def test_republishing_lays_out_only_the_changed_project_and_gives_the_fresh_pdf(small, tmp_path, monkeypatch, settings):
    monkeypatch.setattr(pdf, "PARALLEL_FROM_CHARS", 0)
    settings.BOOKLET_PDF_CACHE_DIR = str(tmp_path / "cache")
    params = BookletParams(action_plan=small.plan, months=6)
    first = {}
    before = booklet_pdf_from_html(render_booklet_html(params), workers=2, timings=first)
    assert first["pieces_from_cache"] == 0 and first["pieces_laid_out"] > 3

    # Project A's report gets two more pages: every page after it, and the contents' numbers, move.
    report = small.a.reports.get(quarter=2)
    report.results = LONG
    report.save()
    html = render_booklet_html(params)
    again = {}
    republished = booklet_pdf_from_html(html, workers=2, timings=again)
    assert again["pieces_laid_out"] == 1
    assert again["pieces_from_cache"] == first["pieces_laid_out"] - 1

    settings.BOOKLET_PDF_CACHE_BYTES = 0  # a fresh render: no cache at all
    fresh = booklet_pdf_from_html(html, workers=2)
    one_process = booklet_pdf_from_html(html, workers=1)
    texts = page_texts(republished, tmp_path, "republished")
    assert len(texts) > len(page_texts(before, tmp_path, "before"))
    assert texts == page_texts(fresh, tmp_path, "fresh") == page_texts(one_process, tmp_path, "one")
    images = page_images(republished, tmp_path, "republished")
    assert images == page_images(fresh, tmp_path, "fresh") == page_images(one_process, tmp_path, "one")
    # Pages that moved found their page numbers in the cache: only numbers never drawn with their
    # @page name before were laid out (the two new last pages, and a few where the names shift).
    assert 2 <= again["stamps_laid_out"] < len(texts) // 2


def test_a_changed_stylesheet_or_text_layer_never_reuses_old_pages(tmp_path):
    cache = PieceCache(tmp_path, 10**6)
    key = cache.key("piece", "<p>ก</p>")
    assert key == cache.key("piece", "<p>ก</p>")
    assert key != cache.key("piece", "<p>ข</p>") != cache.key("piece", "<p>ก</p>", "p { color: red }")
    assert pdf_parallel.__file__.endswith(".py")  # the code's own source is part of every key
    cache.put(b"%PDF-run", [(key, {"first": 0, "count": 1, "pages": []})])
    assert cache.get(key)["count"] == 1
    assert open(cache.get(key)["run"], "rb").read() == b"%PDF-run"


def test_the_pieces_used_longest_ago_go_first_when_the_folder_is_full(tmp_path):
    cache = PieceCache(tmp_path, 25_000)
    keys = []
    for n in range(5):
        keys.append(cache.key("piece", str(n)))
        cache.put(bytes([n]) * 8_000, [(keys[-1], {"first": 0, "count": 1, "pages": []})])
        # Each write is later than the one before (and all long ago, before the next write's own).
        run = cache.get(keys[-1])["run"]
        for path in (run, tmp_path / "entries" / f"{keys[-1]}.json"):
            os.utime(path, (n * 10, n * 10))
    assert cache.get(keys[0]) is None and cache.get(keys[1]) is None
    assert cache.get(keys[4]) is not None
    assert sum(p.stat().st_size for p in (tmp_path / "runs").iterdir()) <= 25_000


def test_a_rejoin_merges_fonts_again_only_for_a_glyph_it_never_used(small, tmp_path, monkeypatch, settings):
    monkeypatch.setattr(pdf, "PARALLEL_FROM_CHARS", 0)
    settings.BOOKLET_PDF_CACHE_DIR = str(tmp_path / "cache")
    merges = []
    merge = pdf_fonts.merge_font_programs
    monkeypatch.setattr(pdf_fonts, "merge_font_programs", lambda programs: merges.append(1) or merge(programs))
    params = BookletParams(action_plan=small.plan, months=6)
    booklet_pdf_from_html(render_booklet_html(params), workers=2)
    assert len(merges) == 2  # Laksaman and Laksaman-Bold

    report = small.a.reports.get(quarter=2)
    report.results = "ฃวดน้ำมันเก่าที่ห้องเก็บของ"  # ฃ: a letter the booklet never printed before
    report.save()
    html = render_booklet_html(params)
    booklet_pdf_from_html(html, workers=2)
    assert len(merges) == 3  # the regular face holds one glyph more; bold is as it was
    again = booklet_pdf_from_html(html, workers=2)
    assert len(merges) == 3  # nothing new: both merged programs come from the cache

    one_process = booklet_pdf_from_html(html, workers=1)
    assert page_texts(again, tmp_path, "again") == page_texts(one_process, tmp_path, "one")
    assert page_images(again, tmp_path, "again") == page_images(one_process, tmp_path, "one")


def test_page_number_stamps_are_laid_out_in_runs_that_start_on_a_right_hand_page():
    # Pages 4-6 and 10 moved, 13 is new: each run starts on an odd number (a stamp document's first
    # page is a right-hand page, as the booklet's odd pages are), none longer than asked.
    runs = pdf_parallel._consecutive(pdf_parallel._from_odd([4, 5, 6, 10, 13]), 2)
    assert runs == [[3, 4], [5, 6], [9, 10], [13]]
    assert all(run[0] % 2 == 1 for run in pdf_parallel._consecutive(pdf_parallel._from_odd(list(range(2, 140))), 64))
