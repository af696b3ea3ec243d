"""What a PDF process keeps between layouts (reports/pdf_worker.py): the stylesheets parsed once per
content with one font configuration, and no garbage of a join left for a full collection."""

import gc
import threading
import weakref

import pytest
from django.conf import settings

from reports import pdf, pdf_worker
from reports.context import BookletParams
from reports.pdf import STYLESHEET, booklet_pdf_from_html, render_booklet_html

TWO_PAGES = '<html lang="th"><body><p>ทดสอบ ๑๒๓</p><p style="break-before: page">หน้าที่สอง</p></body></html>'


def page_widths(css_path):
    document = pdf_worker.layout(TWO_PAGES, base_url=None, stylesheets=[css_path])
    return [page.width for page in document.pages]


def test_a_stylesheet_changed_under_the_same_name_is_parsed_again(tmp_path):
    sheet = tmp_path / "booklet.css"
    sheet.write_text("@page { size: 300px 400px; margin: 10px }")
    assert page_widths(sheet) == [300, 300]
    sheet.write_text("@page { size: 500px 400px; margin: 10px }")  # same name, same length
    assert page_widths(sheet) == [500, 500]


def test_the_booklet_stylesheet_is_parsed_once_and_gives_the_same_pdf_as_parsed_for_one_document():
    fetcher = pdf_worker.url_fetcher(None)
    config, sheets = pdf_worker.parsed_stylesheets([STYLESHEET], fetcher)
    again_config, again = pdf_worker.parsed_stylesheets([STYLESHEET], fetcher)
    assert again_config is config and again[0] is sheets[0]
    html = render_like_a_piece()
    kept = pdf_worker.write_pdf(pdf_worker.layout(html, base_url=str(settings.BASE_DIR), stylesheets=[STYLESHEET]))
    from weasyprint import CSS, HTML

    alone = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher).render(
        stylesheets=[CSS(filename=str(STYLESHEET), url_fetcher=fetcher)])
    assert kept == pdf_worker.write_pdf(alone)


def render_like_a_piece():
    rows = "".join(f"<tr><td>โครงการที่ {n}</td><td>{n * 1250:,}</td></tr>" for n in range(60))
    return ('<html lang="th"><body><div class="booklet"><section class="part"><h1>ทะเบียนโครงการ</h1>'
            f'<table class="data">{rows}</table></section></div></body></html>')


def test_each_thread_and_each_document_with_font_faces_gets_its_own_font_configuration():
    fetcher = pdf_worker.url_fetcher(None)
    config, _sheets = pdf_worker.parsed_stylesheets([STYLESHEET], fetcher)
    other = []
    thread = threading.Thread(target=lambda: other.append(pdf_worker.parsed_stylesheets([STYLESHEET], fetcher)[0]))
    thread.start()
    thread.join()
    assert other[0] is not config
    assert pdf_worker.parsed_stylesheets([STYLESHEET], fetcher, fresh=True)[0] is not config


class Node:
    pass


def test_the_garbage_of_a_block_is_freed_when_it_ends_by_a_young_collection_only():
    passes, old = [], gc.get_threshold()

    def record(phase, info):
        if phase == "start":
            passes.append(info["generation"])

    gc.set_threshold(10**6, 10**6, 10**6)  # nothing collected on its own meanwhile
    gc.callbacks.append(record)
    try:
        with pdf_worker.collected_when_done():
            assert not gc.isenabled()
            node = Node()
            node.itself = node  # a cycle: only a collection frees it
            alive = weakref.ref(node)
            del node
        assert gc.isenabled()
        assert alive() is None
        assert passes == [0]
    finally:
        gc.callbacks.remove(record)
        gc.set_threshold(*old)


@pytest.mark.django_db
def test_a_joined_booklet_leaves_no_pdf_objects_behind(small, monkeypatch, settings, tmp_path):
    from pypdf import PdfReader, PdfWriter

    monkeypatch.setattr(pdf, "PARALLEL_FROM_CHARS", 0)
    settings.BOOKLET_PDF_CACHE_DIR = str(tmp_path / "cache")
    html = render_booklet_html(BookletParams(action_plan=small.plan, months=6))
    booklet_pdf_from_html(html, workers=2)
    gc.collect()
    old = gc.get_threshold()
    gc.set_threshold(10**6, 10**6, 10**6)  # as in a long-lived process between collections
    try:
        joined = booklet_pdf_from_html(html, workers=2)  # a re-join from the cache
        assert joined.startswith(b"%PDF")
        assert not [o for o in gc.get_objects() if isinstance(o, (PdfWriter, PdfReader))]
    finally:
        gc.set_threshold(*old)


def test_a_worker_process_freezes_what_it_loaded_at_start():
    # In a process of its own, as a worker: freezing the test process's objects would change the suite.
    import subprocess
    import sys

    script = ("import gc, os; from reports import pdf_worker; before = gc.get_freeze_count(); "
              "pdf_worker.start_worker(os.getpid()); print(before, gc.get_freeze_count() > 10000)")
    out = subprocess.run([sys.executable, "-c", script], cwd=settings.BASE_DIR, capture_output=True, text=True,
                         timeout=120, check=True).stdout.split("\n")[-2]
    assert out == "0 True"


def test_a_document_laid_out_in_this_process_leaves_no_box_for_a_later_job():
    from weasyprint.formatting_structure.boxes import Box

    html = '<html lang="th"><body>' + "".join(
        f"<section><h2>ส่วนที่ {n}</h2><p>แถว {n} ผลการดำเนินงาน {n * 1000}</p></section>" for n in range(300)
    ) + "</body></html>"
    assert len(html) >= pdf_worker.RELEASE_FROM_CHARS  # an annual report, a short booklet: long enough
    pdf_worker.document_pdf(html, base_url=None, stylesheets=[STYLESHEET])  # warm: imports, fonts
    gc.collect()
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], 10**6)  # as in a Celery worker process between full passes
    try:
        assert pdf_worker.document_pdf(html, base_url=None, stylesheets=[STYLESHEET]).startswith(b"%PDF")
        assert not [o for o in gc.get_objects() if isinstance(o, Box)]
    finally:
        gc.set_threshold(*old)
