"""In Chromium's own PDF viewer (PDFium): a heading selected with the mouse and copied is the
booklet's Thai exactly (issue #14), from the one-process and from the parallel PDF.

Where each phrase lies on the page comes from `pdftotext -bbox`; where the page lies on the screen
comes from a screenshot of the viewer (the white page on its grey background).
"""

import io
import re
import shutil
import subprocess
import time

import pytest
from PIL import Image

from reports import pdf, pdf_parallel
from reports.context import BookletParams
from reports.pdf import booklet_pdf_from_html, render_booklet_html

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed"),
]

# Cover lines: bold with ำ and a shifted tone mark; regular with ำ and a stacked mark (ที่).
PHRASES = ["รายงานความก้าวหน้า", "การดำเนินงานตามแผนปฏิบัติการ", "สำนักงานเขตพื้นที่การศึกษาทดสอบ"]


def word_boxes(path):
    """{word: (x0, y0, x1, y1)} in points on the first page."""
    out = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return {word: tuple(map(float, box)) for *box, word in re.findall(pattern, out)}


def page_on_screen(page, page_width_pt):
    """(left, top, pixels per point) of the first page in the viewer, once it is drawn."""
    for _ in range(40):
        shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        width, height = shot.size
        runs = []  # runs of white pixels along a few rows: the widest is the page
        for row in (height // 8, height // 5, height // 3, height // 2):
            start = None
            for x in range(width + 1):
                is_white = x < width and shot.getpixel((x, row)) == (255, 255, 255)
                if is_white and start is None:
                    start = x
                elif not is_white and start is not None:
                    runs.append((x - start, start, x - 1))
                    start = None
        size, left, right = max(runs, default=(0, 0, 0))
        if size > width // 4:
            top = next(y for y in range(height) if shot.getpixel((left + 3, y)) == (255, 255, 255))
            return left, top, (right - left + 1) / page_width_pt
        time.sleep(0.25)
    raise AssertionError("Chromium's PDF viewer did not draw the page")


@pytest.fixture
def booklet_pdfs(world, tmp_path, monkeypatch):
    html = render_booklet_html(BookletParams(action_plan=world.plan, months=6))
    one = tmp_path / "one.pdf"
    one.write_bytes(booklet_pdf_from_html(html, workers=1))
    monkeypatch.setattr(pdf_parallel, "RUNS_PER_WORKER", 50)
    several = tmp_path / "several.pdf"
    several.write_bytes(
        pdf_parallel.render(
            html, base_url=str(pdf.settings.BASE_DIR), stylesheets=[pdf.STYLESHEET], digits="thai", workers=2
        )
    )
    return {"one process": one, "parallel": several}


@pytest.mark.parametrize("path", ["one process", "parallel"])
def test_a_heading_selected_and_copied_in_chromium_is_exact_thai(booklet_pdfs, browser, path):
    pdf_path = booklet_pdfs[path]
    boxes = word_boxes(pdf_path)
    assert set(PHRASES) <= set(boxes)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(pdf_path.as_uri())
    left, top, scale = page_on_screen(page, 595.28)
    page.mouse.click(left + 5, top + 5)  # focus the viewer on an empty corner of the page
    copied = []
    for phrase in PHRASES:
        x0, y0, x1, y1 = boxes[phrase]
        y = top + (y0 + y1) / 2 * scale
        page.mouse.move(left + (x0 + 1) * scale, y)
        page.mouse.down()
        page.mouse.move(left + (x0 + x1) / 2 * scale, y, steps=5)
        page.mouse.move(left + (x1 + 3) * scale, y, steps=5)
        page.mouse.up()
        page.keyboard.press("Control+c")
        time.sleep(0.3)
        copied.append(page.evaluate("navigator.clipboard.readText()").strip())
    context.close()
    assert copied == PHRASES
