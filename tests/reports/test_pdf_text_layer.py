"""reports/pdf_text_layer.py and reports/pdf_fonts.py: pinned to the WeasyPrint they were written
for, and the text layer they write for Thai."""

import hashlib
import inspect
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import weasyprint
from django.conf import settings
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from weasyprint.draw import text as weasyprint_text
from weasyprint.pdf import fonts as weasyprint_fonts

from reports import pdf_fonts, pdf_text_layer, pdf_worker

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

LAKSAMAN = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")


def test_it_replaces_exactly_the_weasyprint_function_it_was_copied_from():
    """Fails after a WeasyPrint upgrade: port the two modules (see their docstrings) first."""
    pinned = re.search(r"^weasyprint==(\S+)$", (settings.BASE_DIR / "requirements.txt").read_text(), re.M)
    assert weasyprint.__version__ == pinned.group(1) == pdf_text_layer.WEASYPRINT_VERSION
    original = pdf_text_layer.replaced_function()
    pdf_text_layer.check(weasyprint.__version__, inspect.getsource(original))  # raises if changed
    pdf_text_layer.install()
    assert weasyprint_text.draw_first_line is pdf_text_layer.draw_first_line
    for name, digest in pdf_fonts.WEASYPRINT_SOURCES.items():
        owner = weasyprint_fonts.Font if ".Font." in name else weasyprint_fonts
        source = inspect.getsource(getattr(owner, name.rsplit(".", 1)[1]))
        assert hashlib.sha256(source.encode()).hexdigest() == digest, name


def test_it_refuses_another_weasyprint_or_a_changed_function():
    source = inspect.getsource(pdf_text_layer.replaced_function())
    with pytest.raises(pdf_text_layer.WeasyPrintChanged, match="written for WeasyPrint 70.0, not 71.0"):
        pdf_text_layer.check("71.0", source)
    with pytest.raises(pdf_text_layer.WeasyPrintChanged, match="port the changes"):
        pdf_text_layer.check(pdf_text_layer.WEASYPRINT_VERSION, source.replace("rise", "raise"))


@pytest.mark.skipif(not LAKSAMAN.exists(), reason="fonts-tlwg-laksaman-ttf not installed")
def test_each_laksaman_glyph_has_one_character_from_the_fonts_own_tables():
    class Font:  # what nominal_characters reads of a WeasyPrint font
        hash, index, file_content = "test", 0, LAKSAMAN.read_bytes()

    nominal = pdf_text_layer.nominal_characters(Font())
    glyph_id = TTFont(io.BytesIO(Font.file_content)).getGlyphID
    assert nominal[glyph_id("uni0E32")] == "า"  # SARA AA, also drawn for the second half of ำ
    assert nominal[glyph_id("uni0E4D")] == "ํ"  # NIKHAHIT, the first half of ำ
    assert nominal[glyph_id("uni0E48.low")] == "่"  # MAI EK lowered (ไม่), by its name
    assert nominal[glyph_id("uni0E49.left")] == "้"  # MAI THO shifted left (ป้าย)
    assert nominal[glyph_id("uni0E0D.descless")] == "ญ"  # YO YING without its tail (ปัญญา)
    assert "\uf70a" not in nominal.values()  # no private-use character


def render(html):
    document = pdf_worker.layout(f'<html lang="th"><body>{html}</body></html>', base_url=None, stylesheets=[])
    return pdf_worker.write_pdf(document)


def pdftotext(data, tmp_path):
    path = tmp_path / "t.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_thai_that_shaping_reorders_reads_back_exactly_and_plain_letters_need_no_span(tmp_path):
    words = "น้ำ ค่ำ ช้ำ ทำ ที่ ทั้งสิ้น ศักดิ์ กลุ่ม ไม่ ผู้ ป้าย ปัญญา การ"
    data = render(f'<p style="font-family: Laksaman">{words}</p><p style="font: bold 20px Laksaman">{words}</p>')
    assert pdftotext(data, tmp_path).split() == words.split() * 2
    content = b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(data)).pages)
    actual_texts = [
        re.sub(rb"\\(.)", lambda m: {b"n": b"\n", b"r": b"\r"}.get(m.group(1), m.group(1)), literal).decode("utf-16")
        for literal in re.findall(rb"/Span<</ActualText\(((?:\\.|[^\\)])*)\)>>BDC", content, re.S)
    ]
    assert {"น้ำ", "ทำ", "ช้ำ"} <= set(actual_texts)  # ช: its low byte is a line feed, escaped
    assert not any("การ" in text for text in actual_texts)  # its glyphs spell it: no span


def test_each_glyph_reads_as_its_own_character_whatever_it_met_first():
    # Before: า met first inside ำ read as ำ everywhere in the document, and the reverse.
    data = render('<p style="font: bold 20px Laksaman">ทำ การ</p><p style="font-family: Laksaman">การ ทำ</p>')
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            to_unicode = pdf_fonts.read_to_unicode(font.get_object()["/ToUnicode"].get_object().get_data())
            assert "ำ" not in to_unicode.values()
            assert "า" in to_unicode.values()


def test_font_helpers_read_back_what_they_write():
    widths = {3: 250.0, 4: 500.0, 10: 333.5}
    assert pdf_fonts.read_widths(pdf_fonts.write_widths(widths)) == widths
    assert pdf_fonts.read_widths([5, 7, 600]) == {5: 600.0, 6: 600.0, 7: 600.0}
    to_unicode = {3: " ", 295: "ี", 310: "่"}
    assert pdf_fonts.read_to_unicode(pdf_fonts.write_to_unicode(to_unicode)) == to_unicode
