"""Thai formatting filters: {% load thai %} then {{ amount|money }}, {{ d|be_date:"arabic" }}.

Every filter formats only its own value; the optional argument "arabic" prints Arabic
digits instead of Thai (เลขไทย). None or a missing variable prints "-" (unknown).
"""

import datetime
import re

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from plans import thai_formats as tf
from plans.interface_digits import Formatted

register = template.Library()

# Tags and character references (&#39;) in already-safe HTML must keep their digits.
_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")


def _blank(value) -> bool:
    # A missing template variable arrives as string_if_invalid, normally "".
    return value is None or value == ""


def _digits(arg) -> str:
    return "thai" if arg in (None, "") else str(arg).strip().lower()


@register.filter(is_safe=True)
def thai_digits(value, arg=None):
    """Convert the digits of any value; "arabic" converts Thai digits back to Arabic."""
    if value is None:
        return ""
    convert = tf.to_arabic_digits if _digits(arg) == "arabic" else tf.to_thai_digits
    if isinstance(value, SafeData):
        parts = _MARKUP.split(str(value))
        return mark_safe("".join(p if i % 2 else convert(p) for i, p in enumerate(parts)))
    return convert(str(value))


# In a rendered form, what people typed or will type keeps its digits: a textarea's text, the help text
# under a field (its examples show the digits the field holds), what an error message quotes of the
# input (“กท42.”, the house style quotes it), and tags (input values).
_KEPT_IN_FORM = re.compile(
    r"(<textarea\b.*?</textarea>|“[^”<]*”|<(?:div|small)\b[^>]*\bclass=\"[^\"]*\bform-text\b[^>]*>.*?</(?:div|small)>|<[^>]*>|&#?\w+;)",
    re.DOTALL,
)


@register.filter(is_safe=True)
def form_digits(value, arg=None):
    """A rendered form ({{ form|crispy|form_digits:digits }}): labels, options and error messages in the
    interface's digits; input values, textarea text and help texts as they are."""
    if value is None:
        return ""
    convert = tf.to_arabic_digits if _digits(arg) == "arabic" else tf.to_thai_digits
    parts = _KEPT_IN_FORM.split(str(conditional_escape(value)))
    return mark_safe("".join(p if i % 2 else convert(p) for i, p in enumerate(parts)))


@register.filter(is_safe=True)
def value_digits(value, arg=None):
    """A value the portal formatted (plans.interface_digits.Formatted) in the interface's digits; text
    someone typed as it was typed."""
    return thai_digits(value, arg) if isinstance(value, Formatted) else value


@register.filter
def number(value, arg=None):
    return tf.DASH if _blank(value) else tf.format_number(value, digits=_digits(arg))


@register.filter
def money(value, arg=None):
    """Always 2 decimals: summaries."""
    return tf.DASH if _blank(value) else tf.format_money(value, digits=_digits(arg))


@register.filter
def money_auto(value, arg=None):
    """Whole baht unless there are satang: project blocks."""
    return tf.DASH if _blank(value) else tf.format_money(value, style="auto", digits=_digits(arg))


@register.filter
def money_dash(value, arg=None):
    """2 decimals, zero as "-": tables."""
    return tf.DASH if _blank(value) else tf.format_money(value, zero_dash=True, digits=_digits(arg))


@register.filter
def percent(value, arg=None):
    """An already computed percent (see percent_of); None (no base) prints "-"."""
    return tf.format_percent(None if _blank(value) else value, digits=_digits(arg))


def _local_date(value):
    # Stored datetimes are UTC; the Thai date is the one in Asia/Bangkok.
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).date()
    return value


@register.filter
def be_date(value, arg=None):
    return tf.DASH if _blank(value) else tf.format_date_long(_local_date(value), digits=_digits(arg))


@register.filter
def be_date_short(value, arg=None):
    return tf.DASH if _blank(value) else tf.format_date_short(_local_date(value), digits=_digits(arg))


@register.filter(name="baht_text")
def baht_text_filter(value, arg=None):
    # Words carry no digits; the argument is accepted so every filter reads the same.
    if _digits(arg) not in tf.DIGIT_STYLES:
        raise ValueError(f"digits must be one of {tf.DIGIT_STYLES}, got {arg!r}")
    return tf.DASH if _blank(value) else tf.baht_text(value)


@register.simple_tag(name="percent_of")
def percent_of_tag(part, whole, digits="thai"):
    """{% percent_of spent budget %} -> "๒๕.๐๐"; "-" when the whole is zero or missing."""
    part = None if _blank(part) else part
    whole = None if _blank(whole) else whole
    return tf.format_percent(tf.percent_of(part, whole), digits=_digits(digits))
