"""One booklet PDF from pieces laid out apart (reports/pdf_parallel.py lays them out and finds their
page numbers, contents and outline; this joins them).

pypdf copies each piece's pages as they are and draws each page's number over it: the page-number
stamp (a page of a stamp document, laid out by WeasyPrint with the booklet's own @page rules) becomes
a small content stream that the page draws after its own content, which is left untouched, never
parsed and written again (pypdf's merge_page did that for every page, the largest part of a
re-publish). Then the contents' links, the outline, the metadata and language, one font per face
(reports/pdf_fonts.py), and one object for each set of identical ones.
"""

import io
import re

from reports import pdf_fonts

PX_TO_PT = 0.75  # WeasyPrint measures in CSS pixels (1/96 in), PDF in points (1/72 in)
STAMP_PREFIX = "/TidtamStamp"  # before the names of a page-number stamp's resources among the page's


class CannotSplit(Exception):
    """The HTML is not a booklet with chunk marks, or the pieces do not fit back together."""


def join(segments, stamps, pages, links, fonts=None):
    """One PDF of the segments' pages (each a page range of a run's PDF, bytes or a cached file), each
    page with its page number drawn over it (`stamps`: per page, a stamp document and its page)."""
    from pypdf import PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import Fit, NameObject

    writer = PdfWriter()
    readers = _Readers()  # one reader per file: pages of one run share its fonts and images
    for segment in segments:
        first = segment["first"]
        writer.append(readers.get(segment.get("run") or segment["pdf"]), pages=(first, first + segment["count"]),
                      import_outline=False)
    if len(stamps) != len(writer.pages) or len(writer.pages) != len(pages):
        raise CannotSplit(f"{len(writer.pages)} pages but {len(stamps)} page numbers")
    drawing = _Stamps(writer)
    for page, (source, index) in zip(writer.pages, stamps, strict=True):
        drawing.draw(page, readers.get(source).pages[index], (id(readers.get(source)), index))

    def top(page_index, y):
        return (pages[page_index]["height"] - y) * PX_TO_PT

    for page_index, target_page, (x1, y1, x2, y2) in links:
        rect = (x1 * PX_TO_PT, top(page_index, y2), x2 * PX_TO_PT, top(page_index, y1))
        writer.add_annotation(
            page_index,
            Link(rect=rect, border=[0, 0, 0], target_page_index=target_page - 1, fit=Fit.xyz(top=None)),
        )

    open_items = []  # (level, outline item) of the headings still open
    for page_index, page in enumerate(pages):
        for level, label, x, y in page["bookmarks"]:
            while open_items and open_items[-1][0] >= level:
                open_items.pop()
            parent = open_items[-1][1] if open_items else None
            item = writer.add_outline_item(
                title=label,
                page_number=page_index,
                parent=parent,
                fit=Fit.xyz(left=x * PX_TO_PT, top=top(page_index, y)),
            )
            open_items.append((level, item))

    first = readers.first()
    if first.metadata:
        writer.add_metadata(dict(first.metadata))
    root = first.trailer["/Root"]
    if "/Lang" in root:
        writer._root_object[NameObject("/Lang")] = root["/Lang"]
    pdf_fonts.share_fonts(writer, fonts)
    _drop_duplicates(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class _Readers:
    """A pypdf reader per PDF (bytes, or the path of a cached file), each opened once."""

    def __init__(self):
        self.readers = {}

    def get(self, source):
        from pypdf import PdfReader

        key = source if isinstance(source, str) else id(source)
        if key not in self.readers:
            self.readers[key] = PdfReader(source if isinstance(source, str) else io.BytesIO(source))
        return self.readers[key]

    def first(self):
        return next(iter(self.readers.values()))


def _stamp_wrappers(writer):
    """The content stream every page starts with: it saves the graphics state before the page's own
    content (each page's stamp, drawn after it, restores it first)."""
    from pypdf.generic import DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(b"q\n")
    return writer._add_object(stream)


# What a page-number stamp's content may name: its resources of these kinds (renamed beside the page's).
_CATEGORIES = {"/Font", "/ExtGState", "/XObject", "/Shading", "/ColorSpace", "/Pattern", "/Properties"}
_NAME = re.compile(rb"/[^\s/\[\]<>(){}%]*")  # a name, in a content stream without literal strings
_INLINE_IMAGE = re.compile(rb"(?<![^\s])BI(?![^\s])")


class _Stamps:
    """Each page's number drawn over it, after the page's own content, which is left untouched: not
    parsed and written again as pypdf's merge_page does (the same drawing: the page's content in a saved
    graphics state, then the stamp's).

    The stamp page's few operators become a small content stream at the end of the page's contents, the
    names of their resources prefixed with STAMP_PREFIX so they sit beside the page's own without a clash.
    A stamp document's pages share one resources dictionary, so every page of a piece gets the same
    resources (one object), and a page number's stream is made once: nothing is copied per page."""

    def __init__(self, writer):
        self.writer, self.streams, self.renamed, self.merged = writer, {}, {}, {}
        self.before = _stamp_wrappers(writer)

    def draw(self, page, stamp, key):
        """Draw `stamp` (a page of a stamp document; `key` tells it from the others) over `page`."""
        from pypdf.generic import ArrayObject, NameObject

        renamed, names = self._renamed(stamp.get("/Resources"))
        if key not in self.streams:
            self.streams[key] = self._stream(stamp, names)
        page[NameObject("/Resources")] = self._merge(page.get("/Resources"), renamed)
        contents = page.raw_get("/Contents") if "/Contents" in page else None
        if contents is None:
            contents = []
        elif isinstance(contents.get_object(), ArrayObject):
            contents = list(contents.get_object())
        else:
            contents = [contents]
        page[NameObject("/Contents")] = ArrayObject([self.before, *contents, self.streams[key]])

    def _stream(self, stamp, names):
        """The stamp's content with the names of its resources (`names`) renamed, after a Q that ends the
        page's own."""
        from pypdf.generic import DecodedStreamObject

        content = stamp.get_contents().get_data() if "/Contents" in stamp else b""
        # WeasyPrint writes its text as hex strings and no inline image, so every / starts a name. A literal
        # string (where a / may be text) or an inline image (with a colour space to rename) is not renamed:
        # the booklet is laid out in one process instead.
        if b"(" in content or _INLINE_IMAGE.search(content):
            raise CannotSplit("a page-number stamp holds a literal string or an inline image")
        content = _NAME.sub(lambda name: STAMP_PREFIX.encode() + name[0][1:] if name[0] in names else name[0], content)
        stream = DecodedStreamObject()
        stream.set_data(b"\nQ\nq\n" + content + b"\nQ\n")
        return self.writer._add_object(stream.flate_encode())

    def _renamed(self, resources):
        """The stamp document's resources under the names _stream gives them ({category: {name: value}}),
        copied into the booklet once per stamp document, and their names as they were (bytes, with the /)."""
        from pypdf.generic import DictionaryObject, NameObject

        resources = resources.get_object() if resources is not None else DictionaryObject()
        if id(resources) not in self.renamed:
            renamed, names = {}, set()
            for category, entries in resources.items():
                entries = entries.get_object()
                if category in _CATEGORIES and isinstance(entries, DictionaryObject):
                    entries = entries.clone(self.writer)
                    renamed[category] = {NameObject(STAMP_PREFIX + name[1:]): value for name, value in entries.items()}
                    names.update(name.encode() for name in entries)
            # the resources kept alive with them, so that their id stays theirs
            self.renamed[id(resources)] = (resources, renamed, names)
        return self.renamed[id(resources)][1:]

    def _merge(self, resources, stamp):
        """The page's resources with the stamp's beside them, as one object for every page with the same
        (a piece's pages)."""
        from pypdf.generic import DictionaryObject, NameObject

        resources = resources.get_object() if resources is not None else DictionaryObject()
        key = (_identity(resources),
               tuple((category, tuple((name, _identity(value)) for name, value in entries.items()))
                     for category, entries in stamp.items()))
        if key not in self.merged:
            own = DictionaryObject()
            for category, value in resources.items():
                own[NameObject(category)] = _shared(self.writer, value)
            for category, entries in stamp.items():
                combined = DictionaryObject(own[category].get_object() if category in own else {})
                combined.update(entries)
                own[NameObject(category)] = _shared(self.writer, combined)
            self.merged[key] = self.writer._add_object(own)
        return self.merged[key]


def _drop_duplicates(writer):
    """One object for each set of identical ones, in one walk: an object's key holds, for each object it
    refers to, that object's first identical one, so objects that differed only by which of two identical
    objects they named are found identical too (a piece's dotted borders: a pattern, its form and their
    resources, repeated). pypdf's compress_identical_objects needed a pass per level, six for a booklet.
    Pages, the page tree, annotations and outline items are never merged (nor walked through: their
    chains are long); what they hold is."""
    from pypdf.generic import IndirectObject

    objects, first, settled = writer._objects, {}, {}

    def settle(index):
        """The index of the first object identical to objects[index] (its own if none)."""
        if index not in settled:
            settled[index] = index  # while its key is made: a cycle back to it names itself
            obj = objects[index]
            if obj is not None and not _kept_apart(obj):
                settled[index] = first.setdefault(key(obj), index)
        return settled[index]

    def key(value):
        if isinstance(value, IndirectObject):
            return ("R", settle(value.idnum - 1)) if value.pdf is writer else ("R?", id(value.pdf), value.idnum)
        if isinstance(value, dict):
            return (type(value).__name__, tuple((name, key(item)) for name, item in value.items()),
                    getattr(value, "_data", None))
        if isinstance(value, list):
            return ("A", tuple(key(item) for item in value))
        return (type(value).__name__, value if isinstance(value, (str, bytes, int, float)) else repr(value))

    for index in range(len(objects)):
        settle(index)
    moved = {index + 1: target + 1 for index, target in settled.items() if target != index}
    if not moved:
        return

    def point(value):
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for name, item in list(items):
            if isinstance(item, IndirectObject):
                if item.pdf is writer and item.idnum in moved:
                    value[name] = IndirectObject(moved[item.idnum], 0, writer)
            else:
                point(item)

    for number, obj in enumerate(objects, 1):
        if number in moved:
            objects[number - 1] = None
        elif obj is not None:
            point(obj)


def _kept_apart(obj):
    """Objects never merged with an identical one (a page is a page of its own)."""
    return isinstance(obj, dict) and ("/Parent" in obj or obj.get("/Type") in ("/Page", "/Pages", "/Catalog",
                                                                              "/Annot", "/Outlines"))


def _identity(value):
    """What a resources dictionary or entry is, for telling them apart: the object it refers to, or its
    own value (a direct dictionary by what it holds)."""
    from pypdf.generic import DictionaryObject, IndirectObject

    if isinstance(value, IndirectObject):
        return ("ref", id(value.pdf), value.idnum)
    if isinstance(value, DictionaryObject):
        return ("dict", tuple((name, _identity(entry)) for name, entry in value.items()))
    return ("value", repr(value))


def _shared(writer, value):
    """A dictionary or array of resources as an object of its own, so that the copies every page of a
    piece carries become one (_drop_duplicates, after the fonts are merged)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    if isinstance(value, (DictionaryObject, ArrayObject)) and value:
        return writer._add_object(value)
    return value
