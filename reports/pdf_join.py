"""One booklet PDF from pieces laid out apart (reports/pdf_parallel.py lays them out and finds their
page numbers, contents and outline; this joins them).

pypdf copies each piece's pages as they are and draws each page's number over it: the page-number
stamp (a page of a stamp document, laid out by WeasyPrint with the booklet's own @page rules) becomes
a form XObject that the page draws after its own content, which is left untouched, never parsed and
written again (pypdf's merge_page did that for every page, the largest part of a re-publish). Then the
contents' links, the outline, the metadata and language, and one font per face (reports/pdf_fonts.py).
"""

import io

from reports import pdf_fonts

PX_TO_PT = 0.75  # WeasyPrint measures in CSS pixels (1/96 in), PDF in points (1/72 in)
STAMP_NAME = "/TidtamPageNumber"


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
    before, after = _stamp_wrappers(writer)
    for page, (source, index) in zip(writer.pages, stamps, strict=True):
        _draw_over(writer, page, readers.get(source).pages[index], before, after)

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
    """Two content streams every page shares: one saving the graphics state before the page's own
    content, one restoring it and drawing the page-number stamp (STAMP_NAME) over it."""
    from pypdf.generic import DecodedStreamObject

    wrappers = []
    for data in (b"q\n", f"\nQ\nq {STAMP_NAME} Do Q\n".encode()):
        stream = DecodedStreamObject()
        stream.set_data(data)
        wrappers.append(writer._add_object(stream))
    return wrappers


def _draw_over(writer, page, stamp, before, after):
    """Draw the page `stamp` (of a stamp document) over `page` (of `writer`) as a form XObject: the
    page's content is left as it is, not parsed and written again as pypdf's merge_page does, and the
    stamp's own resources stay with it. The same drawing as merge_page: the page's content in a saved
    graphics state, then the stamp's."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    form = DecodedStreamObject()
    form.set_data(stamp.get_contents().get_data() if "/Contents" in stamp else b"")
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(stamp.mediabox),
        NameObject("/Resources"): _shared(writer, stamp.get("/Resources", DictionaryObject()).clone(writer)),
    })
    resources = page.get("/Resources")
    own = DictionaryObject()  # this page's resources: the same ones, and the stamp
    for name, value in (resources.items() if resources is not None else ()):
        own[name] = value if name == "/XObject" else _shared(writer, value)
    xobjects = own.get("/XObject")
    own[NameObject("/XObject")] = xobjects = DictionaryObject(xobjects.get_object() if xobjects is not None else {})
    xobjects[NameObject(STAMP_NAME)] = writer._add_object(form.flate_encode())
    page[NameObject("/Resources")] = own
    contents = page.raw_get("/Contents") if "/Contents" in page else None
    if contents is None:
        contents = []
    elif isinstance(contents.get_object(), ArrayObject):
        contents = list(contents.get_object())
    else:
        contents = [contents]
    page[NameObject("/Contents")] = ArrayObject([before, *contents, after])


def _shared(writer, value):
    """A dictionary or array of resources as an object of its own, so that the copies every page of a
    piece carries become one (pypdf's compress_identical_objects, after the fonts are merged)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    if isinstance(value, (DictionaryObject, ArrayObject)) and value:
        return writer._add_object(value)
    return value
