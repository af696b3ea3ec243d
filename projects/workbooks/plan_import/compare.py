"""Small helpers the checks share: numbering, comparing stored and typed values."""

from __future__ import annotations

from plans.thai_formats import to_arabic_digits
from projects.workbooks import cells as cells


def rows_numbers(rows):
    return [number for number, _record in rows]


def _parse_number(text):
    main, _, sub = text.partition(".")
    return (int(main), int(sub) if sub else None)


def _show_number(number):
    main, sub = number
    return f"{main}.{sub}" if sub is not None else str(main)


def _squash(value):
    return "".join(to_arabic_digits(str(value)).split()).casefold()


def _same(old, new):
    if isinstance(old, str) or old is None and isinstance(new, str):
        return cells.text(old or "") == (new or "")
    return old == new
