"""The PDF's text layer: what a reader gets when they search, copy or extract the booklet's Thai.

Why this module exists
----------------------
A PDF draws glyphs, not characters; a viewer turns glyphs back into text through the font's
ToUnicode map (one text per glyph) and, where the document gives it, a marked-content span's
``/ActualText`` (the text of a run of glyphs). WeasyPrint 70 writes each glyph's ToUnicode entry
from the first cluster it meets the glyph in (``weasyprint/draw/text.py``, ``draw_first_line``).
Thai shaping breaks that: HarfBuzz decomposes SARA AM (ำ → NIKHAHIT + SARA AA), and merges
marks into their base's cluster, so the same glyph stands for different text in different
clusters. In the booklet every า of the bold face read ำ and every ำ of the regular face read า;
tone marks read as vowels. (WeasyPrint issue #2841; its fix was not merged.)

What we do
----------
We replace ``draw_first_line`` with a copy that differs in two places only:

1. a glyph's ToUnicode entry is the character the font's own cmap maps to it (the nominal
   glyph of that character), not the text of the first cluster it appears in: the same glyph
   means the same thing in every document and in every worker process, so the pieces of a
   parallel render can share one font (reports/pdf_fonts.py);
2. a cluster whose glyphs' ToUnicode text is not the cluster's text (ทำ drawn as ท + ํ + า, a
   glyph with no cmap entry such as the SARA AM alternate or ญ without its tail) is wrapped in
   ``/Span <</ActualText (cluster text)>> BDC … EMC``. Poppler (pdftotext, Evince), PDFium
   (Chromium's viewer) and Acrobat read that text instead of the glyphs'.

Glyph ids, positions and font subsets are untouched, so the pages look exactly the same.

Pinned
------
This copies and edits a private WeasyPrint function. ``install()`` refuses to run unless
WeasyPrint's version is ``WEASYPRINT_VERSION`` and the function it replaces is byte for byte
the one it was copied from (``ORIGINAL_SHA256``); tests/reports/test_pdf_text_layer.py checks
that too. After a WeasyPrint upgrade: compare the new ``draw_first_line`` with the copy below,
carry the two changes over (marked "Tidtam:"), update both constants, run the tests.

The copied code is WeasyPrint's (BSD licence, © Simon Sapin and contributors).
"""

import functools
import hashlib
import inspect
import io
import itertools
import threading
import unicodedata

WEASYPRINT_VERSION = "70.0"
ORIGINAL_SHA256 = "1bb8eae6d88e71b17096a034656f3be17da8f1f513c78536c1c38d971927638b"

_installed = False
_replaced = []
_lock = threading.Lock()
_nominal_cache = {}  # font file hash -> {glyph id: character}
_nominal_utf8_cache = {}
# The spans of a run, by font, size, text and glyphs: table cells and headers repeat in a booklet.
_plans = {}
_PLANS_KEPT = 2048
_NO_SPANS = {}
# Glyph ids as 2- and 4-digit hexadecimal, as drawn.
_GLYPH_HEX = {2: {}, 4: {}}
# Pango's glyph arrays, read as 32-bit integers (checked by install()).
_GLYPH_INFO_SIZE, _CLUSTER_SIZE = 20, 4
_PANGO_GLYPH_EMPTY, _PANGO_GLYPH_UNKNOWN_FLAG = 0x0FFFFFFF, 0x10000000


class WeasyPrintChanged(RuntimeError):
    """The WeasyPrint installed is not the one this module was written against."""


def install():
    """Make WeasyPrint draw text with the exact text layer. Idempotent; raises WeasyPrintChanged."""
    global _installed
    with _lock:
        if _installed:
            return
        import weasyprint
        from weasyprint.draw import text

        check(weasyprint.__version__, inspect.getsource(text.draw_first_line))
        check_pango()
        _replaced.append(text.draw_first_line)
        text.draw_first_line = draw_first_line
        _installed = True


def replaced_function():
    """WeasyPrint's own draw_first_line, installed or not."""
    from weasyprint.draw import text

    return _replaced[0] if _replaced else text.draw_first_line


def check(version, original_source):
    if version != WEASYPRINT_VERSION:
        raise WeasyPrintChanged(
            f"reports/pdf_text_layer.py was written for WeasyPrint {WEASYPRINT_VERSION}, "
            f"not {version}: port it (see its docstring) before upgrading"
        )
    digest = hashlib.sha256(original_source.encode()).hexdigest()
    if digest != ORIGINAL_SHA256:
        raise WeasyPrintChanged(
            "weasyprint.draw.text.draw_first_line is not the function reports/pdf_text_layer.py "
            f"replaces (sha256 {digest}): port the changes (see its docstring)"
        )


def check_pango():
    """draw_first_line reads Pango's glyph arrays as plain 32-bit integers."""
    from weasyprint.text.ffi import ffi, pango

    layout = (ffi.sizeof("PangoGlyphInfo"), ffi.sizeof("gint"), pango.PANGO_GLYPH_EMPTY, pango.PANGO_GLYPH_UNKNOWN_FLAG)
    if layout != (_GLYPH_INFO_SIZE, _CLUSTER_SIZE, _PANGO_GLYPH_EMPTY, _PANGO_GLYPH_UNKNOWN_FLAG):
        raise WeasyPrintChanged(f"Pango's glyph arrays are not what reports/pdf_text_layer.py reads: {layout}")


@functools.lru_cache(maxsize=4096)
def begin_span(text):
    """`/Span <</ActualText (text)>> BDC`, written short: it comes before thousands of letters.
    The text is a PDF literal string in UTF-16BE with its byte order mark."""
    utf16 = b"\xfe\xff" + text.encode("utf-16-be")
    for char, escaped in _LITERAL_ESCAPES:
        utf16 = utf16.replace(char, escaped)
    return b"/Span<</ActualText(" + utf16 + b")>>BDC"


# Backslash first. The low bytes of ช, ญ, ศ and ษ are a line feed, a carriage return and parentheses.
_LITERAL_ESCAPES = ((b"\\", b"\\\\"), (b"(", b"\\("), (b")", b"\\)"), (b"\r", b"\\r"), (b"\n", b"\\n"))


# A glyph moved sideways by more than this (thousandths of an em) is "drawn away from its pen"
# (poppler starts a new word after a gap of a tenth of an em); tone marks are nudged by about 1.
_SHIFT = 20

# Thai marks drawn above the consonant (ำ brings NIKHAHIT).
_UPPER_MARKS = set("\u0e31\u0e33\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_UPPER_MARKS_UTF8 = {mark.encode() for mark in _UPPER_MARKS}

# Thai fonts also map their positional forms (lowered tone marks, ญ and ฐ without their tails) to
# private-use code points: those glyphs have no character of their own here.
_PRIVATE_USE = (0xE000, 0xF8FF)


def nominal_characters(font):
    """{glyph id: the one character the glyph draws}, from the font's own tables; the same in
    every document and every process.

    A glyph the cmap maps a character to draws that character (the lowest one if several map to
    it). A glyph the cmap does not reach, or reaches only from private use, is a positional form
    (่ lowered under a short consonant, ฐ without its tail): it draws the character its name says
    ("uni0E48.low", the naming convention of the Adobe Glyph List), or else the character of the
    glyph the font's GSUB puts it in place of, when that is one character.
    """
    key = (font.hash, len(font.file_content), font.index)
    found = _nominal_cache.get(key)
    if found is None:
        from fontTools.agl import toUnicode
        from fontTools.ttLib import TTFont

        ttfont = TTFont(io.BytesIO(font.file_content), fontNumber=font.index, lazy=True)
        order = ttfont.getGlyphOrder()
        by_name = {}
        for codepoint, name in sorted(ttfont.getBestCmap().items(), reverse=True):
            if not _PRIVATE_USE[0] <= codepoint <= _PRIVATE_USE[1]:
                by_name[name] = chr(codepoint)
        replaced = {}
        for source, target in _single_substitutions(ttfont):
            if source in by_name:
                replaced.setdefault(target, set()).add(by_name[source])
        for name in order:
            if name in by_name or "." not in name[1:]:
                continue
            base = name.split(".")[0]
            char = by_name.get(base) or toUnicode(base)
            if len(char) != 1 and len(replaced.get(name, ())) == 1:
                char = next(iter(replaced[name]))
            if len(char) == 1:
                by_name[name] = char
        found = _nominal_cache[key] = {index: by_name[name] for index, name in enumerate(order) if name in by_name}
    return found


def _single_substitutions(ttfont):
    """(source glyph name, replacement) of every single substitution in the font's GSUB."""
    if "GSUB" not in ttfont or ttfont["GSUB"].table.LookupList is None:
        return
    for lookup in ttfont["GSUB"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            if lookup.LookupType == 7:  # extension
                subtable = subtable.ExtSubTable
            if getattr(subtable, "LookupType", lookup.LookupType) == 1:
                yield from subtable.mapping.items()


def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    """Draw the given ``textbox`` line to the document ``stream``."""
    # Copied from weasyprint 70.0 draw/text.py; the changes are marked "Tidtam:".
    from weasyprint.draw.text import get_last_word_end
    from weasyprint.images import RasterImage, SVGImage
    from weasyprint.logger import LOGGER
    from weasyprint.text.ffi import FROM_UNITS, TO_UNITS, ffi, pango
    from weasyprint.text.fonts import get_hb_object_data

    # Don’t draw lines with only invisible characters.
    if not textbox.text.strip():
        return []

    if textbox.style['font_size'] < 1e-6:  # default float precision used by pydyf
        return []

    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)

    if text_overflow == 'ellipsis' or block_ellipsis != 'none':
        assert textbox.pango_layout.max_width is not None
        max_width = textbox.pango_layout.max_width
        pango.pango_layout_set_width(
            textbox.pango_layout.layout, int(max_width * TO_UNITS))
        if text_overflow == 'ellipsis':
            pango.pango_layout_set_ellipsize(
                textbox.pango_layout.layout, pango.PANGO_ELLIPSIZE_END)
        else:
            if block_ellipsis == 'auto':
                ellipsis = '…'
            else:
                assert block_ellipsis[0] == 'string'
                ellipsis = block_ellipsis[1]

            # Remove last word if hyphenated.
            new_text = textbox.pango_layout.text
            if new_text.endswith(textbox.style['hyphenate_character']):
                last_word_end = get_last_word_end(
                    new_text[:-len(textbox.style['hyphenate_character'])],
                    textbox.style['lang'])
                if last_word_end:
                    new_text = new_text[:last_word_end]

            textbox.pango_layout.set_text(new_text + ellipsis)

    first_line, index = textbox.pango_layout.get_first_line()

    if block_ellipsis != 'none':
        while index:
            last_word_end = get_last_word_end(
                textbox.pango_layout.text[:-len(ellipsis)],
                textbox.style['lang'])
            if last_word_end is None:
                break
            new_text = textbox.pango_layout.text[:last_word_end]
            textbox.pango_layout.set_text(new_text + ellipsis)
            first_line, index = textbox.pango_layout.get_first_line()

    stream.set_text_matrix(*matrix.values)
    previous_pango_font = None
    string = ''
    x_advance = 0
    emojis = []
    run = first_line.runs[0]
    # Tidtam: every cluster's text is needed; glyphs are read from Pango's arrays in one go.
    utf8_text = textbox.pango_layout.text.encode()
    empty_glyph, unknown_flag = pango.PANGO_GLYPH_EMPTY, pango.PANGO_GLYPH_UNKNOWN_FLAG
    while run != ffi.NULL:
        # Get Pango objects.
        glyph_item = run.data
        run = run.next
        glyph_string = glyph_item.glyphs
        glyphs_info = glyph_string.glyphs
        num_glyphs = glyph_string.num_glyphs
        clusters = glyph_string.log_clusters

        pango_font = glyph_item.item.analysis.font
        if pango_font != previous_pango_font:
            # Add font file content and get font size.
            previous_pango_font = pango_font
            font, font_size = stream.add_font(pango_font)

            # Workaround for https://gitlab.gnome.org/GNOME/pango/-/issues/530.
            # This is also needed by raster emoji fonts, see #2800.
            if pango.pango_version() < 14802 or font.png:
                font_size = textbox.style['font_size']

            # Go through the run glyphs.
            if string:
                stream.show_text(string)
            string = ''
            stream.set_font_size(font.hash, 1 if font.bitmap else font_size)
            # Tidtam: what the text layer reads of the font, once per font change.
            nominal = None if font.bitmap else nominal_characters(font)
            spelling = None if font.bitmap else _nominal_utf8(font)
            font_key = (font.hash, len(font.file_content), font.index)
            to_unicode, font_widths = font.to_unicode, font.widths
            glyph_digits = 2 if font.bitmap else 4
            glyph_hex = _GLYPH_HEX[glyph_digits]
            color_glyphs = font.svg or font.png or font.colr
        string += '<'

        # Tidtam: the run's glyphs as Python integers (PangoGlyphInfo is five 32-bit fields:
        # glyph, width, x_offset, y_offset, attributes), and the ActualText spans it needs.
        item = glyph_item.item
        item_text = utf8_text[item.offset:item.offset + item.length]
        rtl = item.analysis.level % 2
        raw_glyphs = ffi.buffer(glyphs_info, num_glyphs * _GLYPH_INFO_SIZE)[:]
        raw_clusters = ffi.buffer(clusters, num_glyphs * _CLUSTER_SIZE)[:]
        fields = memoryview(raw_glyphs).cast('i')
        glyph_ids, widths, x_offsets, y_offsets = fields[0::5], fields[1::5], fields[2::5], fields[3::5]
        cluster_of = memoryview(raw_clusters).cast('i')
        if spelling is None:
            opens = closes = _NO_SPANS
        else:
            key = (font_key, font_size, rtl, item_text, raw_glyphs, raw_clusters)
            plan = _plans.get(key)
            if plan is None:
                plan = _span_plan(spelling, item_text, rtl, glyph_ids, x_offsets, y_offsets, cluster_of, font_size)
                if len(_plans) >= _PLANS_KEPT:
                    _plans.clear()
                _plans[key] = plan
            opens, closes = plan

        for i in range(num_glyphs):
            glyph_id = glyph_ids[i]
            width = widths[i]

            # Tidtam: open the letter's ActualText span before its first glyph.
            if i in opens:
                string = _flush(stream, string)
                stream.stream.append(opens[i])

            # Display zero-width empty glyph.
            if glyph_id == empty_glyph:
                string += f'>{-width / font_size}<'
                if i in closes:  # Tidtam
                    string = _flush(stream, string)
                    stream.end_marked_content()
                continue

            # Display .notdef and log warning for missing glyphs.
            if glyph_id & unknown_flag:
                codepoint = glyph_id - unknown_flag
                LOGGER.warning(
                    '.notdef glyph rendered for Unicode string unsupported by fonts: '
                    '"%s" (U+%04X)', chr(codepoint), codepoint)
                glyph_id = font.get_unused_glyph_id(codepoint)
                font.widths[glyph_id] = round(width * 1000 * FROM_UNITS / font_size)
                if 0 not in font.widths:
                    # "width" is actually Pango’s get_approximate_char_width. Force
                    # .notdef’s to use this width, even if it’s not the right, as we
                    # want to keep Pango’s layout for next glyphs.
                    font.widths[0] = font.widths[glyph_id]

            # Create mapping between glyphs and Unicode codepoints.
            if glyph_id not in to_unicode:
                # Tidtam: the nominal character where the font's cmap has one.
                if nominal is not None and glyph_id in nominal:
                    to_unicode[glyph_id] = nominal[glyph_id]
                else:
                    # Get positions of the glyph in the UTF-8 string.
                    offset = item.offset
                    t1 = cluster_of[i]
                    if rtl:
                        t2 = item.length if i == 0 else cluster_of[i-1]
                    else:
                        t2 = item.length if i == num_glyphs-1 else cluster_of[i+1]
                    to_unicode[glyph_id] = utf8_text[offset+t1:offset+t2].decode()

            # Set horizontal and vertical offsets.
            offset = x_offsets[i] / font_size
            rise = y_offsets[i] / 1000
            if rise:
                if string[-1] == '<':
                    string = string[:-1]
                else:
                    string += '>'
                if string:
                    stream.show_text(string)
                stream.set_text_rise(-rise)
                string = ''
                if offset:
                    string = f'{-offset}'
                string += f'<{glyph_id:02x}>' if font.bitmap else f'<{glyph_id:04x}>'
                stream.show_text(string)
                stream.set_text_rise(0)
                string = '<'
            else:
                if offset:
                    string += f'>{-offset}<'
                string += glyph_hex.get(glyph_id) or _glyph_hex(glyph_digits, glyph_id)  # Tidtam: cached

            # Get glyph logical widths.
            if glyph_id in font_widths:
                logical_width = font_widths[glyph_id]
            else:
                pango.pango_font_get_glyph_extents(
                    pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
                logical_width = font_widths[glyph_id] = round(
                    stream.logical_rect.width * 1000 * FROM_UNITS / font_size)

            # Set kerning, word spacing, letter spacing.
            kerning = logical_width + offset - width * 1000 * FROM_UNITS / font_size
            if kerning:
                string += f'>{int(kerning)}<'

            # Create list of emojis.
            if not color_glyphs:  # Tidtam: the three tests below, once per font
                pass
            elif font.svg:
                svg_data = get_hb_object_data(font.hb_face, 'svg', glyph_id)
                if svg_data:
                    from xml.etree import ElementTree

                    # Do as explained in specification
                    # https://learn.microsoft.com/typography/opentype/spec/svg
                    tree = ElementTree.fromstring(svg_data)
                    if tree.get('id') != f'glyph{glyph_id}':
                        defs = ElementTree.Element('defs')
                        for child in list(tree):
                            defs.append(child)
                            tree.remove(child)
                        tree.append(defs)
                        ElementTree.SubElement(
                            tree, 'use', attrib={'href': f'#glyph{glyph_id}'})
                    if 'viewBox' not in tree.attrib:
                        tree.attrib['viewBox'] = f'0 0 {font.upem} {font.upem}'
                    image = SVGImage(tree, None, None, None)
                    a = d = 1
                    emojis.append([image, font, a, d, x_advance, 0])
            elif font.png:
                png_data = get_hb_object_data(font.hb_font, 'png', glyph_id)
                if png_data:
                    from PIL import Image

                    pillow_image = Image.open(io.BytesIO(png_data))
                    image_id = f'{font.hash}{glyph_id}'
                    image = RasterImage(pillow_image, image_id, png_data)
                    d = logical_width / 1000
                    a = pillow_image.width / pillow_image.height * d
                    pango.pango_font_get_glyph_extents(
                        pango_font, glyph_id, stream.ink_rect,
                        stream.logical_rect)
                    f = -stream.logical_rect.y
                    f = f * FROM_UNITS / font_size - font_size
                    emojis.append([image, font, a, d, x_advance, f])
            elif font.colr:
                svg_data = get_hb_object_data(font.hb_font, 'colr', glyph_id)
                if svg_data:
                    from xml.etree import ElementTree

                    tree = ElementTree.fromstring(svg_data)
                    image = SVGImage(tree, None, None, None)
                    a = d = 1
                    e = x_advance - kerning
                    emojis.append([image, font, a, d, e, -textbox.baseline])

            x_advance += (logical_width + offset - kerning) / 1000

            # Tidtam: close the letter's span after its last glyph.
            if i in closes:
                string = _flush(stream, string)
                if offset < -_SHIFT:
                    # The last glyph was drawn left of the pen (a mark over ป): poppler ends
                    # the span's text where that glyph ends and sees a gap before the next
                    # letter. An invisible space drawn to end at the pen closes the gap.
                    space_id, space_width = _space(font, pango_font, stream, font_size, pango, FROM_UNITS)
                    if space_id is not None:
                        stream.show_text(f'{space_width}<{space_id:04x}>')
                stream.end_marked_content()

        # Close the last glyphs list, remove if empty.
        if string[-1] == '<':
            string = string[:-1]
        else:
            string += '>'

    # Draw text.
    stream.show_text(string)

    return emojis


def _glyph_hex(digits, glyph_id):
    found = _GLYPH_HEX[digits][glyph_id] = format(glyph_id, f"0{digits}x")
    return found


def _letters(clusters, num_glyphs, item_text, rtl):
    """([the start of the letter each glyph of a run draws], {letter start: its end}), in bytes
    of `item_text` (UTF-8). A letter is a HarfBuzz cluster joined with the clusters after it that
    hold only marks (Thai shapes ที่ as three clusters ท, ี, ่; the letter is all three)."""
    cluster_of_glyph = clusters[0:num_glyphs]
    starts = sorted(set(cluster_of_glyph))
    letter_of, ends, letter = {}, {}, None
    for start, end in zip(starts, starts[1:] + [len(item_text)], strict=True):
        if letter is None or rtl or not _only_marks(item_text[start:end]):
            letter = start
        ends[letter] = end
        letter_of[start] = letter
    return [letter_of[cluster] for cluster in cluster_of_glyph], ends


@functools.lru_cache(maxsize=4096)
def _only_marks(utf8):
    return all(unicodedata.category(char) in ("Mn", "Mc", "Me") or char in "\u0e33\u0eb3" for char in utf8.decode())


@functools.lru_cache(maxsize=4096)
def _marks_above(utf8):
    return sum(char in _UPPER_MARKS for char in utf8.decode())


def _nominal_utf8(font):
    """nominal_characters(font), each character as UTF-8 (compared with the text's bytes)."""
    key = (font.hash, len(font.file_content), font.index)
    found = _nominal_utf8_cache.get(key)
    if found is None:
        found = _nominal_utf8_cache[key] = {glyph: char.encode() for glyph, char in nominal_characters(font).items()}
    return found


def _span_plan(spelling, item_text, rtl, glyph_ids, x_offsets, y_offsets, clusters, font_size):
    """({glyph index: the span to open before it}, {glyph index: close the span after it}) of a run:
    a letter whose glyphs do not spell it gets an ActualText span around its glyphs."""
    num_glyphs = len(glyph_ids)
    limit = _SHIFT * font_size
    clusters = clusters.tolist()
    if not rtl and _no_span_needed(spelling, glyph_ids, clusters, item_text, x_offsets, y_offsets, limit):
        return _NO_SPANS, _NO_SPANS
    letters, letter_ends = _letters(clusters, num_glyphs, item_text, rtl)
    opens, closes, in_span = {}, set(), False
    for i, letter in enumerate(letters):
        last = i + 1 == num_glyphs or letters[i + 1] != letter
        if i == 0 or letters[i - 1] != letter:
            letter_text = item_text[letter:letter_ends[letter]]
            if last:  # one glyph: most letters
                needs_span = (
                    spelling.get(glyph_ids[i]) != letter_text or y_offsets[i] or abs(x_offsets[i]) > limit)
            else:
                needs_span = _needs_actual_text(
                    spelling, glyph_ids, x_offsets, y_offsets, letters, i, letter_text, limit)
            if needs_span:
                opens[i] = begin_span(letter_text.decode())
                in_span = True
        if in_span and last:
            closes.add(i)
            in_span = False
    return opens, closes


def _no_span_needed(spelling, glyph_ids, clusters, item_text, x_offsets, y_offsets, limit):
    """Whether a run needs no span, decided in bulk (most runs): each glyph is one cluster of the
    text and draws that cluster's character, none is moved, and no two marks above share a letter."""
    parts = list(map(spelling.get, glyph_ids))
    if None in parts or b"".join(parts) != item_text:
        return False
    if list(itertools.accumulate(map(len, parts[:-1]), initial=0)) != clusters:
        return False
    if any(y_offsets) or max(map(abs, x_offsets)) > limit:
        return False
    # Each glyph being a letter or a mark of its letter, two marks above share a letter when only
    # marks come between them.
    above = [i for i, part in enumerate(parts) if part in _UPPER_MARKS_UTF8]
    return not any(
        all(map(_only_marks, parts[first + 1 : second])) for first, second in zip(above, above[1:], strict=False)
    )


def _needs_actual_text(spelling, glyph_ids, x_offsets, y_offsets, letters, first, text, limit):
    """Whether the letter of several glyphs starting at glyph `first` must carry its text
    (UTF-8 bytes) in an ActualText span: its glyphs' nominal characters do not spell it (ำ drawn
    as ํ + า), one has no nominal character, one is drawn away from its pen position, or two
    marks are stacked above its consonant. (_span_plan decides for one glyph itself.)"""
    if _marks_above(text) > 1:
        # Marks stacked above the consonant (ที่, ทั้ง): poppler takes the second, drawn where
        # the first is, for a duplicate, ends the word there and moves the mark after the next
        # letter. (A tone mark over a vowel below, as in ผู้, is read right.)
        return True
    spelled = []
    for j in range(first, len(glyph_ids)):
        if letters[j] != letters[first]:
            break
        glyph_id = glyph_ids[j]
        if glyph_id == _PANGO_GLYPH_EMPTY:
            continue
        if glyph_id & _PANGO_GLYPH_UNKNOWN_FLAG or glyph_id not in spelling:
            return True
        if y_offsets[j] or abs(x_offsets[j]) > limit:
            # Drawn away from its pen position (a mark moved left over ป, raised or lowered):
            # a viewer sees a gap after it and inserts a space, or takes it for another line.
            return True
        spelled.append(spelling[glyph_id])
    return b"".join(spelled) != text


def _space(font, pango_font, stream, font_size, pango, from_units):
    """(glyph id, width in thousandths of an em) of the font's space, or (None, None)."""
    glyph_id = next((gid for gid, char in nominal_characters(font).items() if char == " "), None)
    if glyph_id is None:
        return None, None
    if glyph_id not in font.widths:
        pango.pango_font_get_glyph_extents(pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
        font.widths[glyph_id] = round(stream.logical_rect.width * 1000 * from_units / font_size)
    font.to_unicode.setdefault(glyph_id, " ")
    return glyph_id, font.widths[glyph_id]


def _flush(stream, string):
    """Show the glyphs gathered in `string` (a TJ array's body being built); a new one starts."""
    if string[-1] == '<':
        string = string[:-1]
    else:
        string += '>'
    if string:
        stream.show_text(string)
    return '<'
