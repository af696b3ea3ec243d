"""Finding the digits a page shows: the visible text (and the names screen readers read out) of an HTML
page, with what keeps its own digits whatever the office chose taken out (plans/interface_digits.py)."""

import re
from html.parser import HTMLParser

ARABIC = re.compile(r"[0-9]")
THAI = re.compile(r"[๐-๙]")
# Not shown, or what people type: a textarea holds typed text, like an input's value attribute.
HIDDEN = {"script", "style", "textarea", "template", "code", "kbd"}
READ_OUT = ("aria-label", "title", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Identifiers people type or find elsewhere: e-mail and web addresses, file names.
KEPT = re.compile(
    r"[\w.+-]+@[\w.-]+\.\w+"
    r"|(?:https?://|www\.)\S+"
    r"|[\w().,ก-๙-]+\.(?:pdf|xlsx|xls|csv|png|jpe?g|docx?|zip)\b",
    re.IGNORECASE,
)

# Names that hold digits: a paper size, a checksum's name.
NAMES = ("A4", "SHA-256")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.chunks = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # The help text under a field shows how to type into it, in the digits the field holds.
        help_text = "form-text" in (attrs.get("class") or "").split()
        hidden = tag in HIDDEN or help_text or "hidden" in attrs or (self.stack and self.stack[-1])
        for name in READ_OUT:
            if attrs.get(name) and not hidden:
                self.chunks.append(attrs[name])
        if tag not in VOID:
            self.stack.append(bool(hidden))

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and data.strip():
            self.chunks.append(data)


class _Values(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "option", "button") and attrs.get("value"):
            self.values.append(f'{attrs.get("name") or tag}="{attrs["value"]}"')


def thai_in_values(html):
    """Input and option values holding Thai digits: what a form sends back stays in Arabic digits."""
    parser = _Values()
    parser.feed(html)
    return [v for v in parser.values if THAI.search(v)]


def escaped_markup(html):
    """Markup shown as text: a filter given a rendered field instead of a value escapes it (the field is gone)."""
    field = re.compile(r"<(input|select|textarea)\b")
    return [" ".join(chunk.split())[:160] for chunk in visible_text(html) if field.search(chunk)]


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    return parser.chunks


def stray_digits(html, *, digits, kept_words=()):
    """The pieces of visible text holding a digit of the other kind than `digits` ("thai"/"arabic"),
    after taking out addresses, file names and `kept_words` (usernames, project codes)."""
    wrong = ARABIC if digits == "thai" else THAI
    words = sorted({w for w in [*NAMES, *kept_words] if w}, key=len, reverse=True)
    kept = re.compile("|".join([KEPT.pattern, *(rf"(?<![\w]){re.escape(w)}(?![\w])" for w in words)]), re.I)
    found = []
    for chunk in visible_text(html):
        rest = kept.sub(" ", chunk)
        if wrong.search(rest):
            found.append(" ".join(chunk.split())[:160])
    return found
