"""The demo booklet's PDF holds its Thai exactly: what pdftotext, Ctrl+F and copy give (issue #14).

The demo office's 6-month booklet is rendered in one process and, split at every part, by two
worker processes, with a corpus of Thai words that shaping used to break (tests/reports/
thai_corpus.py) added as a last part: in regular and bold text, in a heading and in a table.
Nothing is normalised before comparing: no mark is dropped, no ำ read as า.
"""

import html as html_lib
import io
import re
import shutil
import subprocess
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from pypdf import PdfReader

from projects.models import Project
from reports import evidence, pdf, pdf_parallel
from reports.context import BookletParams
from reports.pdf import booklet_pdf_from_html, render_booklet_html
from tests.reports.thai_corpus import WORDS

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

STYLES = ["REGULARWORDS", "BOLDWORDS", "HEADINGWORDS", "TABLEWORDS", "ENDOFWORDS"]


def corpus_part():
    words = " ".join(WORDS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{word}</td>" for word in WORDS[i : i + 3]) + "</tr>" for i in range(0, len(WORDS), 3)
    )
    regular, bold, heading, table, end = STYLES
    return (
        '<!--chunk--><section style="break-before: page">'
        f"<p>{regular}</p><p>{words}</p>"
        f"<p>{bold}</p><p><strong>{words}</strong></p>"
        f"<p>{heading}</p><h2>{words}</h2>"
        f'<p>{table}</p><table class="data" style="white-space: nowrap"><tbody>{rows}</tbody></table>'
        f'<p style="break-before: page">{end}</p></section>'
    )


def with_corpus(html):
    end = html.rindex("</div>", 0, html.rindex("</body>"))  # the booklet element's end
    return html[:end] + corpus_part() + html[end:]


def headings(html):
    """The text of every h1-h4 of the booklet, as a reader sees it."""
    found = []
    for inner in re.findall(r"(?s)<h[1-4][^>]*>(.*?)</h[1-4]>", html):
        text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", inner)).split())
        if text:
            found.append(text)
    return found


def pages_text(pdf_bytes, tmp_path, name):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf_bytes)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


def fonts(pdf_bytes, tmp_path, name):
    path = tmp_path / f"{name}-fonts.pdf"
    path.write_bytes(pdf_bytes)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return sorted(line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip())


def printed(text, phrase):
    """`phrase` is in `text` exactly, allowing only a line break between two characters (Thai
    wraps without a space) and any white space where the phrase has a space."""
    pattern = r"\s+".join(r"\n?".join(re.escape(char) for char in word) for word in phrase.split())
    return re.search(pattern, text) is not None


@pytest.fixture
def demo(db):
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        call_command("seed_demo", stdout=StringIO())


def test_the_demo_booklet_gives_its_exact_thai_on_both_paths(demo, tmp_path):
    """One test, as seeding and laying out the demo booklet twice takes most of a minute."""
    from plans.models import ActionPlan

    plan = ActionPlan.objects.get(office__short_name="สพป.สมุทรสาคร", fiscal_year__be_year=2567)
    html = with_corpus(render_booklet_html(BookletParams(action_plan=plan, months=6)))
    titles = list(Project.objects.filter(action_plan=plan).values_list("title", flat=True))
    one = booklet_pdf_from_html(html, workers=1)
    runs = pdf_parallel.RUNS_PER_WORKER
    pdf_parallel.RUNS_PER_WORKER = 50  # as many runs as parts: every seam between parts
    try:
        several = pdf_parallel.render(
            html, base_url=str(pdf.settings.BASE_DIR), stylesheets=[pdf.STYLESHEET], digits="thai", workers=2,
            evidence_folder=evidence.evidence_folder(),  # the demo's photos
        )
    finally:
        pdf_parallel.RUNS_PER_WORKER = runs
    pdfs = {"one process": one, "parallel": several}
    pages = {name: pages_text(data, tmp_path, name.replace(" ", "-")) for name, data in pdfs.items()}

    # The same text page for page, the document's language, one font per face.
    assert len(pages["one process"]) > 80
    assert pages["parallel"] == pages["one process"]
    for name, data in pdfs.items():
        assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"] == "th", name
        assert fonts(data, tmp_path, name.replace(" ", "-")) == ["Laksaman", "Laksaman-Bold"], name

    found_headings = headings(html.split(STYLES[0])[0])
    fixed = {"คำนำ", "สารบัญ", "รายงานสรุป", "บัญชีสรุปโครงการ", "รายละเอียดผลการดำเนินงานรายโครงการ"}
    assert fixed <= set(found_headings)
    assert "๖. ผลการดำเนินงาน ปัญหาอุปสรรค และข้อเสนอแนะ" in found_headings
    assert len(titles) == 26 and len(WORDS) >= 200
    for name, page_texts in pages.items():
        text = "".join(page_texts)
        # Every project title and every heading, exactly.
        assert [title for title in titles if not printed(text, title)] == [], name
        assert [heading for heading in found_headings if not printed(text, heading)] == [], name
        # Every corpus word, in regular and bold text, in a heading and in a table.
        for style, next_style in zip(STYLES, STYLES[1:], strict=False):
            part = text[text.index(style) : text.index(next_style)]
            assert [word for word in WORDS if not printed(part, word)] == [], (name, style)
