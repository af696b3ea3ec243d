"""The text a reader sees: the report's HTML without tags, and a PDF's text layer (pdftotext), each with
all whitespace removed so that a sentence broken across lines still matches."""

import html as html_lib
import re
import subprocess
import tempfile


def squeeze(text):
    return re.sub(r"\s+", "", text)


def html_text(html):
    body = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", html, flags=re.S)
    return squeeze(html_lib.unescape(re.sub(r"<[^>]+>", " ", body)))


def pdf_text(pdf: bytes, *, raw=False):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        out = subprocess.run(["pdftotext", "-layout", file.name, "-"], capture_output=True, check=True).stdout
    text = out.decode("utf-8")
    return text if raw else squeeze(text)
