"""Laid-out pieces of booklets, kept on disk: re-publishing after one project changed lays out that
project's pages only (issue #13; reports/pdf_parallel.py joins them).

A piece (a part or a project section of the booklet, between two ``<!--chunk-->`` marks) is laid out
as part of a run of pieces in one WeasyPrint document; the run's PDF is kept as one file and each of
its pieces as an entry naming the run file, its first page and page count, and the description of
its pages (anchors, bookmarks, @page names) that the join needs. An entry's key is a SHA-256 of
everything its pages depend on: the document's head and tail (language, stylesheet links, the
booklet's settings as printed), the piece's HTML, the stylesheets' content, the CSS added for
pieces, and the code that draws them (WeasyPrint's version and the source of our PDF modules), so
a changed stylesheet or text layer never reuses an old page. The same key means the same pages.

Besides pieces it keeps, per booklet head, tail and stylesheets, an index of page-number stamps by
page number and @page name (each a page of a stamp document kept as a run), and merged font programs
by the glyphs they hold (reports/pdf_fonts.py): a re-join after one project changed lays out no
stamp and merges no font unless a page number or a glyph is new.

Files live in one folder per machine (TIDTAM_PDF_CACHE_DIR; a worker on another machine lays out
again, which costs time, never correctness). Writes go to a temporary name and are renamed into
place, so processes sharing the folder never read half a file. When the folder passes its size
(TIDTAM_PDF_CACHE_MB), the files used longest ago go first (each hit touches its files).
"""

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

_CODE = ("pdf_worker.py", "pdf_text_layer.py", "pdf_fonts.py", "pdf_parallel.py", "pdf_join.py", "pdf_cache.py")
# After eviction the folder holds at most this share of its size, so it is not pruned at every write.
_KEEP_AFTER_EVICTION = 0.8


@functools.cache
def code_version():
    """What the pages depend on besides their HTML and CSS: WeasyPrint and our PDF modules."""
    import weasyprint

    digest = hashlib.sha256(weasyprint.__version__.encode())
    for name in _CODE:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


class PieceCache:
    def __init__(self, folder, max_bytes):
        self.folder, self.max_bytes = Path(folder), max_bytes

    def key(self, *parts):
        digest = hashlib.sha256(code_version().encode())
        for part in parts:
            data = part if isinstance(part, bytes) else str(part).encode()
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def get(self, key):
        """The entry stored under `key` (its "run" the path of its run's PDF), or None."""
        entry_path = self.folder / "entries" / f"{key}.json"
        try:
            entry = json.loads(entry_path.read_text())
            if entry.get("run"):
                entry["run"] = str(self.folder / "runs" / f"{entry['run']}.pdf")
                os.utime(entry["run"])
            os.utime(entry_path)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return entry

    def put_entry(self, key, fields):
        """Keeps an entry with no pages of its own (the contents' page descriptions)."""
        try:
            _write(self.folder / "entries" / f"{key}.json", json.dumps(fields).encode())
        except OSError:
            pass

    def put(self, pdf, entries):
        """Keeps `pdf` (a run's PDF bytes) and each entry (key, fields) pointing into it; returns the
        run's path. A folder that cannot be written only means no caching."""
        name = hashlib.sha256(pdf).hexdigest()
        run = self.folder / "runs" / f"{name}.pdf"
        try:
            if not run.exists():
                _write(run, pdf)
            for key, fields in entries:
                _write(self.folder / "entries" / f"{key}.json", json.dumps({**fields, "run": name}).encode())
            self.evict()
        except OSError:
            pass
        return str(run)

    def evict(self):
        files = []
        for sub in ("runs", "entries"):
            folder = self.folder / sub
            if folder.is_dir():
                for path in folder.iterdir():
                    try:
                        stat = path.stat()
                    except OSError:
                        continue
                    files.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _mtime, size, _path in files)
        if total <= self.max_bytes:
            return
        for _mtime, size, path in sorted(files):
            if total <= self.max_bytes * _KEEP_AFTER_EVICTION:
                break
            try:
                path.unlink()
            except OSError:
                continue
            total -= size


class BookletEntries:
    """The cache's entries for one booklet (no cache: nothing is found, nothing kept)."""

    def __init__(self, cache, head, tail, stylesheets, extra_css):
        self.cache = cache
        if cache is not None:
            self.sheets = b"".join(Path(path).read_bytes() for path in stylesheets)
            self.head, self.tail, self.extra_css = head, tail, extra_css

    def key(self, kind, html):
        return self.cache.key(kind, self.head, self.tail, self.sheets, self.extra_css, html)

    def get(self, kind, html):
        if self.cache is None:
            return None
        return self.cache.get(self.key(kind, html))

    def put(self, kind, html, **fields):
        if self.cache is not None:
            self.cache.put_entry(self.key(kind, html), fields)
        return fields

    def stamps(self):
        """{(page number, @page name): (the stamp document's file, the page's index)} of the page-number
        stamps kept for this booklet's head, tail and stylesheets (a number is drawn the same on any
        page of that name), leaving out those whose file is gone."""
        if self.cache is None:
            return {}
        index = self.cache.get(self.key("stamps", ""))
        found, runs = {}, {}
        for number, name, run, page in (index or {}).get("stamps", []):
            if run not in runs:
                path = self.cache.folder / "runs" / f"{run}.pdf"
                try:
                    os.utime(path)  # used: evicted last
                    runs[run] = str(path)
                except OSError:
                    runs[run] = None
            if runs[run] is not None:
                found[number, name] = (runs[run], page)
        return found

    def put_stamps(self, pdf, pages):
        """Keeps a stamp document's PDF and, in the booklet's stamp index, {(number, name): its page}."""
        if self.cache is None:
            return
        run = Path(self.cache.put(pdf, [])).stem
        key = self.key("stamps", "")
        index = {(number, name): (kept_run, page)
                 for number, name, kept_run, page in (self.cache.get(key) or {}).get("stamps", [])}
        index.update({(number, name): (run, page) for (number, name), page in pages.items()})
        self.cache.put_entry(key, {"stamps": [[number, name, kept_run, page]
                                              for (number, name), (kept_run, page) in sorted(index.items())]})

    def put_run(self, result, pieces, final=None):
        """Keeps a laid-out run: each of its pieces' pages, where the worker found them to start."""
        if self.cache is None:
            return
        if final is not None:
            filled, links = final
            entry = {"first": 0, "count": len(result["pages"]), "pages": result["pages"], "links": links}
            self.cache.put(result["pdf"], [(self.key("final", filled), entry)])
            return
        starts = result.get("starts") or {}
        firsts = [starts.get(str(i), starts.get(i)) for i, _html in pieces]
        if None in firsts or firsts[0] != 0 or firsts != sorted(firsts):
            return  # a piece not found on any page: the run is not kept
        ends = firsts[1:] + [len(result["pages"])]
        self.cache.put(result["pdf"], [
            (self.key("piece", html), {"first": first, "count": end - first, "pages": result["pages"][first:end]})
            for (_i, html), first, end in zip(pieces, firsts, ends, strict=True)
        ])


def _write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class FontMerges:
    """Font programs merged from the copies the pieces embed (reports/pdf_fonts.py), kept as files by
    the glyphs they hold (the face, its widths, its ToUnicode map and box)."""

    def __init__(self, cache):
        self.cache = cache

    def get(self, merged_from):
        entry = self.cache.get(self.cache.key("font", *merged_from))
        try:
            with open(entry["run"], "rb") as program:
                return program.read()
        except (OSError, KeyError, TypeError):
            return None

    def put(self, merged_from, program):
        self.cache.put(program, [(self.cache.key("font", *merged_from), {})])
