"""Benchmark: what the exact Thai text layer (reports/pdf_text_layer.py, issue #14) costs the PDF.

    .venv/bin/python benchmarks/pdf_text_layer.py [--repeats 5] [--html FILE] [--before REVISION]

Seeds the demo office in a SQLite file of a temporary folder (or reads the booklet HTML from
--html), renders its 6-month booklet's HTML, then in one process lays it out and draws the PDF
with WeasyPrint's own text drawing and with the text layer installed, alternately, `--repeats`
times. Times are CPU seconds of this process (time.process_time), so other programs on a shared
machine slow both sides alike; each side's best and median are printed, and the ratios.
Before each drawing with the text layer its caches of runs are emptied, as in a fresh worker.
Target (issue #14): the text layer adds at most 5 % to the PDF's CPU time (layout + drawing).
--before REVISION also draws with the text layer as it was at that git revision (its
reports/pdf_text_layer.py loaded under another name), in the same runs: before and after a change.
"""

import argparse
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def demo_html(folder):
    """The demo office's booklet HTML, from a SQLite database seeded in `folder` (a subprocess)."""
    out = folder / "demo.html"
    code = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
os.environ["DATABASE_URL"] = "sqlite:///{folder}/demo.sqlite3"
os.environ["TIDTAM_MEDIA_ROOT"] = "{folder}/media"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import logging, django
django.setup()
logging.disable(logging.INFO)
from io import StringIO
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("seed_demo", stdout=StringIO())
from plans.models import ActionPlan
from reports.context import BookletParams
from reports.pdf import render_booklet_html
plan = ActionPlan.objects.get(office__short_name="สพป.สมุทรสาคร", fiscal_year__be_year=2567)
open({str(out)!r}, "w").write(render_booklet_html(BookletParams(action_plan=plan, months=6)))
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return out.read_text()


def cpu(function, *args):
    started = time.process_time()
    result = function(*args)
    return time.process_time() - started, result


def layer_at(revision):
    """draw_first_line of reports/pdf_text_layer.py as it was at a git revision."""
    source = subprocess.run(["git", "show", f"{revision}:reports/pdf_text_layer.py"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    module = types.ModuleType(f"pdf_text_layer_{revision}")
    exec(compile(source, f"{revision}:reports/pdf_text_layer.py", "exec"), module.__dict__)  # noqa: S102
    return module


def measure(html, repeats, before=None):
    from weasyprint import CSS, HTML
    from weasyprint.draw import text

    from reports import pdf_text_layer, pdf_worker

    logging.disable(logging.INFO)
    stylesheets = [CSS(filename=str(ROOT / "static" / "css" / "booklet.css"))]
    pdf_text_layer.install()
    ours, weasyprints = text.draw_first_line, pdf_text_layer.replaced_function()

    def layout():
        with pdf_worker.fewer_full_collections():
            return HTML(string=html, base_url=str(ROOT)).render(stylesheets=stylesheets)

    def draw(document, function):
        text.draw_first_line = function
        pdf_text_layer._plans.clear()
        if before is not None:
            before.__dict__.get("_plans", {}).clear()
        with pdf_worker.fewer_full_collections():
            return document.write_pdf()

    layout()  # fonts and caches loaded; not counted
    rows = []
    for _ in range(repeats):
        layout_s, document = cpu(layout)
        plain_s, plain = cpu(draw, document, weasyprints)
        exact_s, exact = cpu(draw, document, ours)
        before_s = cpu(draw, document, before.draw_first_line)[0] if before is not None else None
        rows.append((layout_s, plain_s, exact_s, len(plain), len(exact), len(document.pages), before_s))
    text.draw_first_line = ours
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--html", help="a booklet's HTML instead of the demo office's")
    parser.add_argument("--before", help="a git revision whose text layer is timed too")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tidtam-bench-"))
    try:
        html = Path(args.html).read_text() if args.html else demo_html(folder)
        rows = measure(html, args.repeats, layer_at(args.before) if args.before else None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    layout_s, plain_s, exact_s = ([row[i] for row in rows] for i in range(3))
    pages, plain_kb, exact_kb = rows[0][5], rows[0][3] / 1024, rows[0][4] / 1024
    print(f"{pages} pages, {args.repeats} runs each, CPU seconds of this process (best / median):")
    for label, values in (("layout", layout_s), ("drawing, WeasyPrint's", plain_s), ("drawing, exact text", exact_s)):
        print(f"  {label:<24} {min(values):6.3f} / {statistics.median(values):6.3f}")
    # Per run: the same layout, then each drawing; ratios of the same run, then their median.
    drawing = [exact / plain for plain, exact in zip(plain_s, exact_s, strict=True)]
    total = [(lay + exact) / (lay + plain) for lay, plain, exact in zip(layout_s, plain_s, exact_s, strict=True)]
    print(f"  drawing with the exact text layer / without: {statistics.median(drawing):.3f} (median of runs)")
    print(
        f"  PDF CPU (layout + drawing) with / without: {statistics.median(total):.3f} "
        f"({100 * (statistics.median(total) - 1):+.1f} %; target <= +5 %); best runs: "
        f"{(min(layout_s) + min(exact_s)) / (min(layout_s) + min(plain_s)):.3f}"
    )
    print(f"  file: {plain_kb:.0f} KB without, {exact_kb:.0f} KB with ({100 * (exact_kb / plain_kb - 1):+.1f} %)")
    if args.before:
        before_s = [row[6] for row in rows]
        total_before = [(lay + old) / (lay + plain)
                        for lay, plain, old in zip(layout_s, plain_s, before_s, strict=True)]
        print(
            f"  the text layer at {args.before}: drawing {min(before_s):.3f} / {statistics.median(before_s):.3f} s, "
            f"{statistics.median(b / p for b, p in zip(before_s, plain_s, strict=True)):.3f}x WeasyPrint's drawing; "
            f"PDF CPU {statistics.median(total_before):.3f}x ({100 * (statistics.median(total_before) - 1):+.1f} %)"
        )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    main()
