"""Words that mean one thing each (issue 19): "ยกเลิก" is cancelling a project, never leaving a form."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
BARE_CANCEL = re.compile(r">\s*ยกเลิก\s*(<|:)")


def test_no_page_says_cancel_for_leaving_a_form():
    found = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in TEMPLATES.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if BARE_CANCEL.search(line)
    ]
    assert not found, f"use “กลับโดยไม่บันทึก” to leave a form and “ยกเลิกโครงการ” for a project: {found}"
