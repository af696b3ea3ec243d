"""Reading an uploaded sheet of 1,048,576 empty styled rows (issue L5): time and peak memory of one
read, and of the three reads an upload, its preview and its confirm make. Prints figures only.

    .venv/bin/python benchmarks/workbook_rows.py
"""

import io
import os
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from openpyxl import Workbook  # noqa: E402

from projects.workbooks import files  # noqa: E402

ROWS = 1_048_576
# Python allocation tracing slows the read several times; BENCH_TRACE=1 measures memory.
TRACE = os.environ.get("BENCH_TRACE") == "1"


def million_empty_rows():
    book = Workbook()
    sheet = book.active
    sheet.title = "โครงการ"
    sheet.append(["รหัสโครงการ", "ชื่อโครงการ"])
    sheet.append(["B01", "โครงการทดสอบ"])
    out = io.BytesIO()
    book.save(out)
    styled = "".join(f'<row r="{n}" s="0" customFormat="1"/>' for n in range(3, ROWS + 1))
    result = io.BytesIO()
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", styled.encode() + b"</sheetData>")
                content = content.replace(b'<dimension ref="A1:B2"/>', f'<dimension ref="A1:B{ROWS}"/>'.encode())
            copy.writestr(item, content)
    return result.getvalue()


def main():
    data = million_empty_rows()
    print(f"file: {len(data) / 1e6:.1f} MB compressed, {ROWS:,} rows declared")
    for label, reads in (("first read", 1), ("upload + preview + confirm", 3)):
        files._READ_SHEETS.clear()
        tracemalloc.start() if TRACE else None
        start = time.perf_counter()
        for _ in range(reads):
            sheet = files.Workbook("p.xlsx", data).read_sheet("โครงการ", [])
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] if TRACE else 0
        tracemalloc.stop() if TRACE else None
        print(f"{label}: {elapsed:.2f} s, peak {peak / 1e6:.1f} MB (Python allocations), rows read: {len(sheet.rows)}")


if __name__ == "__main__":
    main()
