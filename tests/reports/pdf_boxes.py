"""Reading a PDF's text boxes back (`pdftotext -bbox-layout`) to find text outside the page's content area.

The content area is the page minus the margins of static/css/booklet.css (A4 portrait: 2 cm top,
right and bottom, 2.5 cm left; landscape "wide" pages: 1.8 cm bottom). The page number sits in the
bottom margin on purpose and is allowed there.
"""

import re
import subprocess
from dataclasses import dataclass

CM = 72 / 2.54
TOLERANCE = 1.0  # pt, left and right: glyph boxes of Thai marks may stick out by a hair
# pt, top and bottom: pdftotext boxes a word by the font's ascent and descent (Laksaman's are taller
# than a 1.25 line), so a first line set exactly at the top edge reads about 3.4 pt above it.
VERTICAL_TOLERANCE = 4.5
PAGE_NUMBER = re.compile(r"^[0-9๐-๙]+$")
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass
class Outside:
    page: int
    text: str
    by: float  # pt past the content area's edge
    edge: str

    def __str__(self):
        return f"page {self.page}: “{self.text}” {self.by / CM:.2f} cm past the {self.edge} edge"


def text_outside_content(pdf_path):
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf_path), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for number, (width, height, body) in enumerate(PAGE.findall(xml), start=1):
        width, height = float(width), float(height)
        landscape = width > height
        left, right, top = 2.5 * CM, width - 2 * CM, 2 * CM
        bottom = height - (1.8 if landscape else 2) * CM
        for x0, y0, x1, y1, text in WORD.findall(body):
            x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
            if y0 >= bottom and PAGE_NUMBER.match(text.strip()):
                continue
            for edge, by in (("right", x1 - right), ("left", left - x0), ("bottom", y1 - bottom),
                             ("top", top - y0)):
                if by > (TOLERANCE if edge in ("left", "right") else VERTICAL_TOLERANCE):
                    found.append(Outside(number, text, by, edge))
    return found


def overlapping_text(pdf_path):  # a diagnostic for looking at renders; pdftotext merges most collisions
    """Words of one line that run into each other (a number wider than its column runs into the next
    cell). Thai marks come out as their own zero-width or contained "words" and are left out."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf_path), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for number, (_width, _height, body) in enumerate(PAGE.findall(xml), start=1):
        words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(body)]
        words = [w for w in words if w[2] - w[0] > 2]
        words.sort(key=lambda w: (round(w[1]), w[0]))
        for i, (x0, y0, x1, y1, text) in enumerate(words):
            for ox0, oy0, ox1, oy1, other in words[i + 1:i + 40]:
                same_line = min(y1, oy1) - max(y0, oy0) > 0.6 * (y1 - y0)
                overlap = min(x1, ox1) - max(x0, ox0)
                contained = (ox0 >= x0 and ox1 <= x1) or (x0 >= ox0 and x1 <= ox1)
                if same_line and overlap > TOLERANCE and not contained:
                    found.append(Outside(number, f"{text}|{other}", overlap, "neighbour"))
    return found


RUN_TOGETHER = re.compile(r"[,][0-9๐-๙]{4}|\.[0-9๐-๙]{3}|\.[0-9๐-๙]{2}[ก-ฮ]")


def numbers_run_together(pdf_path):
    """Amounts that touch the next cell's text: pdftotext then reads them as one word, e.g.
    "๓๒๑,๕๗๔.๐๐๒๙๔,๖๘๕.๐๐" (a comma followed by four digits, or a decimal point by three)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf_path), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for number, (_width, _height, body) in enumerate(PAGE.findall(xml), start=1):
        for *_box, text in WORD.findall(body):
            if RUN_TOGETHER.search(text):
                found.append(Outside(number, text, 0.0, "next cell"))
    return found


def pages_starting_with(pdf_path, text):
    """Pages whose first line of text (top of the page) starts with `text`: e.g. a project's sign-off
    ("ผู้รับผิดชอบโครงการ") carried alone onto a new page."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf_path), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for number, (_width, _height, body) in enumerate(PAGE.findall(xml), start=1):
        lines = re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</line>', body, re.S)
        lines = sorted((float(y), " ".join(re.findall(r">([^<]*)</word>", words))) for y, words in lines)
        if lines and lines[0][1].startswith(text):
            found.append(number)
    return found
