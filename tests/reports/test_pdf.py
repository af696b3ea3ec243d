"""The booklet PDF of the small round: the figures a director reads, checked from pdftotext."""

import shutil
import subprocess

import pytest

from reports.context import BookletParams
from reports.pdf import render_booklet_html, render_booklet_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(pdf, tmp_path):
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out


def pdf_fonts(pdf, tmp_path):
    path = tmp_path / "f.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()}


def test_it_prints_the_small_rounds_figures_in_thai_digits(small, tmp_path):
    params = BookletParams(action_plan=small.plan, months=6, document_number="1/2567", foreword="ทดสอบคำนำ")
    pdf = render_booklet_pdf(params)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    assert "รอบ ๖ เดือน" in text
    assert "เอกสารลำดับที่ ๑/๒๕๖๗" in text
    assert "ทดสอบคำนำ" in text
    assert "สำนักงานเขตพื้นที่การศึกษาทดสอบ" in text  # ำ and a tone mark over an upper vowel
    assert "๓๒,๐๐๐.๐๐" in text  # allocated: 10,000 + 8,000 + 3,000 + 11,000
    assert "๒๘.๑๓" in text  # 9,000 / 32,000 half-up
    assert pdf_fonts(pdf, tmp_path) <= {"Laksaman", "Laksaman-Bold"}


def test_it_prints_arabic_digits_when_asked(small, tmp_path):
    params = BookletParams(action_plan=small.plan, months=6, digits="arabic")
    text = pdf_text(render_booklet_pdf(params), tmp_path)
    assert "32,000.00" in text
    assert "รอบ 6 เดือน" in text
    assert "๓๒,๐๐๐" not in text


def test_it_renders_the_same_booklet_as_html_for_the_preview(small):
    html = render_booklet_html(BookletParams(action_plan=small.plan, months=6), screen=True)
    assert "booklet.css" in html
    assert "๒๘.๑๓" in html
    assert "ไม่สามารถเบิกจ่ายงบประมาณได้ตามแผนการ เนื่องจาก จัดอบรมเพิ่ม" in html  # A's Q2, over plan
