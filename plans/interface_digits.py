"""The interface's digits (issue #19): one rule for every number and date the portal's pages print.

The office chooses Thai digits (๐-๙, the default, as in the booklet) or Arabic digits (0-9) on its
profile page (Office.interface_digits). How each place follows it:
- templates get the choice as `digits` from plans.context_processors and pass it to every filter of
  `{% load thai %}`: {{ amount|money:digits }}, {{ d|be_date_short:digits }}, {{ n|number:digits }},
  and {{ year|thai_digits:digits }} for numbers printed without separators (years, quarters);
- messages and page titles built in Python: `shown(office, text)` for text made only of words,
  numbers and dates; `number(office, n)`, `date_short(office, d)` for one value inside a text that
  also holds a code or a name;
- JSON read by the page's script (a job's progress): the same helpers.

What stays as it is, whatever the choice:
- what people type: the values inside input fields stay Arabic, and every parser (money, dates,
  results, codes) accepts Thai and Arabic digits alike; the examples under a field show Arabic digits,
  as the field will hold them;
- identifiers people type, search and find in Excel files: project codes ("P001", "67-01"),
  usernames, e-mail addresses, file names and web addresses;
- free text people typed (titles, narratives, comments) is shown as it was typed;
- Excel files keep numbers as numbers (numeric cells) and their text in Arabic digits;
- the booklet, its preview and its PDF follow the booklet's own choice (Booklet.digits).
"""

import datetime
import re
from decimal import Decimal

from plans import thai_formats as tf

DEFAULT = "thai"


class Formatted(str):
    """Text the portal formatted (a number, a date, a choice), as opposed to text someone typed: a
    history entry's before/after values are either, and only this kind follows the interface's digits
    (`{{ value|value_digits:digits }}`)."""

    __slots__ = ()


def digits_of(office) -> str:
    """"thai" or "arabic": the office's choice; Thai when there is no office (sign-in page, outsiders)."""
    choice = getattr(office, "interface_digits", None)
    return choice if choice in tf.DIGIT_STYLES else DEFAULT


def digits_for_user(user) -> str:
    from plans.selectors import membership_of

    membership = membership_of(user) if user is not None else None
    return digits_of(membership.office if membership else None)


def _style(office_or_digits) -> str:
    if isinstance(office_or_digits, str):
        return office_or_digits if office_or_digits in tf.DIGIT_STYLES else DEFAULT
    return digits_of(office_or_digits)


def shown(office_or_digits, text: str) -> str:
    """Every digit of `text` in the office's digits. Only for text built from words, numbers and dates:
    a text holding a code, a name or a file name formats its numbers one by one instead."""
    convert = tf.to_thai_digits if _style(office_or_digits) == "thai" else tf.to_arabic_digits
    return convert(str(text))


def number(office_or_digits, n) -> str:
    """A count or amount with thousands separators ("๑,๒๕๐"); a year or a quarter goes through `shown`."""
    return tf.format_number(n, digits=_style(office_or_digits))


def money(office_or_digits, amount) -> str:
    return tf.format_money(amount, digits=_style(office_or_digits))


def percent(office_or_digits, value) -> str:
    return tf.format_percent(value, digits=_style(office_or_digits))


def date_short(office_or_digits, d) -> str:
    return tf.format_date_short(d, digits=_style(office_or_digits))


def date_long(office_or_digits, d) -> str:
    return tf.format_date_long(d, digits=_style(office_or_digits))


def phrase(office_or_digits, template: str, /, **values) -> str:
    """A message or title for the interface: `template.format(**values)` with each number and date in the
    office's digits and each text (a code, a name, a file name) as it is.

    phrase(office, "เปิดรับรายงานไตรมาสที่ {q} แล้ว", q=2) -> "เปิดรับรายงานไตรมาสที่ ๒ แล้ว".
    An int prints without separators (years, quarters, counts); a count that may pass 9,999 is given as
    number(office, n). A Decimal prints as a number, a date as a short date, a Formatted text is converted.
    """
    style = _style(office_or_digits)

    def one(value):
        if isinstance(value, bool) or value is None:
            return str(value)
        if isinstance(value, int):
            return shown(style, str(value))
        if isinstance(value, Decimal):
            return tf.format_number(value, digits=style)
        if isinstance(value, datetime.datetime):
            return tf.format_datetime_short(value, digits=style)
        if isinstance(value, datetime.date):
            return tf.format_date_short(value, digits=style)
        if isinstance(value, Formatted):
            return shown(style, value)
        return str(value)

    return template.format(**{name: one(value) for name, value in values.items()})


_QUOTED = re.compile(r"(“[^”]*”)")


def shown_message(office_or_digits, text: str) -> str:
    """A message written elsewhere (a service's refusal) in the office's digits, except what it quotes
    (“P001”, “กท42.”: the house style quotes codes, names and typed input)."""
    parts = _QUOTED.split(str(text))
    return "".join(part if i % 2 else shown(office_or_digits, part) for i, part in enumerate(parts))
