"""A PDF worker lives for many pieces: once it has returned a piece, nothing of that piece's layout stays
in its memory (the box tree is cyclic garbage that a rare full collection would otherwise keep)."""

import gc

from django.conf import settings

from reports import pdf_worker
from reports.pdf import STYLESHEET


def layout_objects():
    from weasyprint.formatting_structure.boxes import Box

    return sum(isinstance(o, Box) for o in gc.get_objects())


def test_a_worker_keeps_no_box_of_a_piece_it_returned():
    html = '<html lang="th"><body><div class="booklet">' + "".join(
        f"<section><h2>ส่วนที่ {n}</h2><table class='data'><tr><td>แถว {n}</td><td>{n * 1000}</td></tr></table></section>"
        for n in range(250)) + "</div></body></html>"
    assert len(html) >= pdf_worker.RELEASE_FROM_CHARS  # a run of parts, as the workers lay out
    pdf_worker.render_piece(html, str(settings.BASE_DIR), [STYLESHEET], "")  # warm: imports, fonts
    gc.collect()
    before = layout_objects()
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], 10**6)  # as in a worker between pieces: no full pass on its own
    try:
        result = pdf_worker.render_piece(html, str(settings.BASE_DIR), [STYLESHEET], "")
        assert result["pdf"].startswith(b"%PDF")
        assert layout_objects() <= before
    finally:
        gc.set_threshold(*old)
