"""One embedded font per face in a booklet joined from pieces (reports/pdf_parallel.py).

Each worker's PDF embeds its own subset of each face it uses (Laksaman, Laksaman-Bold), under
the same subset name. Joined as they are, the booklet carried a dozen copies of each face, half
again as large as the one-process file, and a viewer had to load every copy. Here the copies of
a face become one font: the union of the subsets' glyphs, widths and ToUnicode entries.

That is sound because the pieces agree on what every glyph is: WeasyPrint subsets with
"retain glyph ids", so glyph 295 is the same outline in every piece, and reports/pdf_text_layer.py
gives each glyph the same ToUnicode text in every process (its nominal character, not the text
of the first cluster it met). A face drawn with WeasyPrint's missing-glyph encoding, or any font
not written as WeasyPrint 70 writes it, is left as it is.
"""

import io
import re

# What this relies on in WeasyPrint 70.0 (tests/reports/test_pdf_text_layer.py compares them):
# the font dictionaries and ToUnicode maps it writes, and subsets that keep the glyph ids.
WEASYPRINT_SOURCES = {
    "weasyprint.pdf.fonts.build_fonts_dictionary": "fc551bef35d0d6c3d288f686fd21b5ea8c1efadb8f2f3b4d379cfa6045c02230",
    "weasyprint.pdf.fonts._build_vector_font_dictionary": (
        "aa6eea312c6e3375689f3405d48c5059525038a8d73d2f63bf3476de6dc05903"
    ),
    "weasyprint.pdf.fonts.Font._harfbuzz_subset": "f80805663ede8080a3e1ffff831e20c74bd25fa3b8e4410334ba807158dc685f",
}

_BFCHAR_BLOCK = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFCHAR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>")
_TO_UNICODE_HEAD = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<< /Registry (Adobe)
/Ordering (UCS)
/Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
"""
_TO_UNICODE_TAIL = b"""endcmap
CMapName currentdict /CMap defineresource pop
end
end"""


def share_fonts(writer, remembered=None):
    """Make every page of `writer` (a pypdf PdfWriter) use one font object per face.

    `remembered` (reports.pdf_cache.FontMerges, optional) keeps each merged font program by the glyphs
    it holds: a booklet joined again with no glyph it did not use before (re-publishing after one
    project's text changed) takes the program from it instead of merging the copies again."""
    from pypdf.generic import NameObject

    copies, users = {}, []  # BaseFont -> {id: font reference}; (font resources, name, BaseFont)
    for page in writer.pages:
        for fonts in _font_resources(page.get("/Resources")):
            for name, reference in list(fonts.items()):
                font = reference.get_object()
                if not _mergeable(font):
                    continue
                base = font["/BaseFont"]
                copies.setdefault(base, {})[id(font)] = reference
                users.append((fonts, name, base))
    merged = {base: _merge(writer, list(refs.values()), remembered) for base, refs in copies.items() if len(refs) > 1}
    for fonts, name, base in users:
        if base in merged:
            fonts[NameObject(name)] = merged[base]
    if merged:
        _drop_unreachable(writer)  # the copies that are identical: reports/pdf_join.py


def _drop_unreachable(writer):
    """Leave out of the file the objects nothing refers to any more (the fonts' other copies)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack = [writer._root_object.indirect_reference]
    info = writer._info
    if info is not None:
        stack.append(info if isinstance(info, IndirectObject) else info.indirect_reference)
    reachable = set()
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.pdf is not writer or item.idnum in reachable:
                continue
            reachable.add(item.idnum)
            item = writer._objects[item.idnum - 1]
        if isinstance(item, DictionaryObject):
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    for index in range(len(writer._objects)):
        if index + 1 not in reachable:
            writer._objects[index] = None


def _font_resources(resources, seen=None):
    """The /Font dictionaries of `resources` and of the form XObjects and tiling patterns it draws,
    recursively."""
    seen = set() if seen is None else seen
    if resources is None:
        return
    resources = resources.get_object()
    if id(resources) in seen:
        return
    seen.add(id(resources))
    if "/Font" in resources:
        yield resources["/Font"].get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _font_resources(xobject.get("/Resources"), seen)
    for pattern in (resources.get("/Pattern") or {}).values():
        pattern = pattern.get_object()
        if pattern.get("/PatternType") == 1:
            yield from _font_resources(pattern.get("/Resources"), seen)


def _mergeable(font):
    if font.get("/Subtype") != "/Type0" or font.get("/Encoding") != "/Identity-H" or "/ToUnicode" not in font:
        return False
    descendant = font["/DescendantFonts"][0].get_object()
    return (
        descendant.get("/Subtype") == "/CIDFontType2"
        and descendant.get("/CIDToGIDMap") == "/Identity"
        and "/FontFile2" in descendant["/FontDescriptor"].get_object()
    )


def _merge(writer, references, remembered=None):
    """One font with all glyphs of the fonts at `references` (the same face); its reference."""
    from pypdf.generic import ArrayObject, FloatObject, NameObject, NumberObject

    fonts = [reference.get_object() for reference in references]
    descendants = [font["/DescendantFonts"][0].get_object() for font in fonts]
    descriptors = [descendant["/FontDescriptor"].get_object() for descendant in descendants]

    widths, to_unicode = {}, {}
    for font, descendant in zip(fonts, descendants, strict=True):
        for glyph, width in read_widths(descendant.get("/W", [])).items():
            widths.setdefault(glyph, width)
        for glyph, text in read_to_unicode(font["/ToUnicode"].get_object().get_data()).items():
            to_unicode.setdefault(glyph, text)
    boxes = [[float(value) for value in d["/FontBBox"]] for d in descriptors]
    bbox = [f(box[i] for box in boxes) for i, f in enumerate((min, min, max, max))]
    to_unicode = write_to_unicode(to_unicode)
    # WeasyPrint subsets a face to the glyphs of its ToUnicode map (and what they are built of), so
    # the merged program holds the glyphs of the merged map: the same map, the same glyphs.
    merged_from = [str(fonts[0]["/BaseFont"]), str(descriptors[0].get("/FontFamily")), repr(sorted(widths.items())),
                   to_unicode, repr(bbox)]
    program = remembered.get(merged_from) if remembered is not None else None
    if program is None:
        program = merge_font_programs([descriptor["/FontFile2"].get_object().get_data() for descriptor in descriptors])
        if remembered is not None:
            remembered.put(merged_from, program)

    font, descendant, descriptor = fonts[0], descendants[0], descriptors[0]
    descendant[NameObject("/W")] = write_widths(widths)
    descriptor[NameObject("/FontFile2")] = _stream(writer, program, {"/Length1": NumberObject(len(program))})
    descriptor[NameObject("/FontBBox")] = ArrayObject(FloatObject(value) for value in bbox)
    font[NameObject("/ToUnicode")] = _stream(writer, to_unicode)
    return references[0]


def _stream(writer, data, entries=None):
    from pypdf.generic import DecodedStreamObject, NameObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    for key, value in (entries or {}).items():
        stream[NameObject(key)] = value
    return writer._add_object(stream.flate_encode())


def read_widths(array):
    """{glyph id: width} of a CIDFont /W array (both of its forms)."""
    widths, index = {}, 0
    items = [item.get_object() if hasattr(item, "get_object") else item for item in array]
    while index < len(items):
        first = int(items[index])
        if isinstance(items[index + 1], list):
            for offset, width in enumerate(items[index + 1]):
                widths[first + offset] = float(width)
            index += 2
        else:
            last, width = int(items[index + 1]), float(items[index + 2])
            for glyph in range(first, last + 1):
                widths[glyph] = width
            index += 3
    return widths


def write_widths(widths):
    from pypdf.generic import ArrayObject, FloatObject, NumberObject

    array, run = ArrayObject(), None
    for glyph in sorted(widths):
        if glyph - 1 not in widths:
            run = ArrayObject()
            array += [NumberObject(glyph), run]
        width = widths[glyph]
        run.append(NumberObject(int(width)) if width == int(width) else FloatObject(width))
    return array


def read_to_unicode(data):
    """{glyph id: text} of a ToUnicode CMap made of bfchar entries (as WeasyPrint writes it)."""
    return {
        int(glyph, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
        for block in _BFCHAR_BLOCK.findall(data)
        for glyph, text in _BFCHAR.findall(block)
    }


def write_to_unicode(to_unicode):
    lines = [_TO_UNICODE_HEAD]
    items = sorted(to_unicode.items())
    for start in range(0, len(items), 100):
        batch = items[start : start + 100]
        lines.append(f"{len(batch)} beginbfchar\n".encode())
        lines += [f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>\n".encode() for glyph, text in batch]
        lines.append(b"endbfchar\n")
    lines.append(_TO_UNICODE_TAIL)
    return b"".join(lines)


def merge_font_programs(programs):
    """One TrueType font holding every glyph any of `programs` holds. They are subsets of one
    font that kept the glyph ids, so glyph n is the same glyph wherever it is not empty."""
    from fontTools.ttLib import TTFont

    fonts = [TTFont(io.BytesIO(program)) for program in programs]
    base = max(fonts, key=lambda font: font["maxp"].numGlyphs)
    order, glyf, hmtx = base.getGlyphOrder(), base["glyf"], base["hmtx"]
    for other in fonts:
        if other is base:
            continue
        other_glyf = other["glyf"]
        for glyph_id, name in enumerate(other.getGlyphOrder()):
            glyph = other_glyf[name]
            if glyph.numberOfContours == 0 or glyf[order[glyph_id]].numberOfContours != 0:
                continue  # empty in this subset, or already in the merged font
            glyph.expand(other_glyf)
            if glyph.isComposite():
                for component in glyph.components:
                    component.glyphName = order[other.getGlyphID(component.glyphName)]
            glyf[order[glyph_id]] = glyph
            hmtx[order[glyph_id]] = other["hmtx"][name]
    out = io.BytesIO()
    base.save(out)
    return out.getvalue()
