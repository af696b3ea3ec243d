"""Filters only the printed booklet needs: figures written as a reader says them."""

from decimal import Decimal

from django import template

from plans import thai_formats as tf

register = template.Library()

# Units read before the number ("ร้อยละ ๘๐", "ระดับ ๔"); every other unit follows it ("๑ เรื่อง", "๒๐ คน").
UNITS_BEFORE = {"ร้อยละ", "ระดับ"}


def _digits(arg):
    return "arabic" if arg == "arabic" else "thai"


def compact_number(value, digits="thai"):
    """1.00 -> "๑", 12.50 -> "๑๒.๕", 1250 -> "๑,๒๕๐": no decimals a reader would not write."""
    value = Decimal(value)
    normal = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return tf.format_number(normal, digits=digits)


@register.filter
def figure(value, arg=None):
    """A count or measured value without trailing zeros; None prints "-"."""
    return tf.DASH if value is None or value == "" else compact_number(value, _digits(arg))


@register.filter
def with_unit(value, unit_and_digits):
    """`value|with_unit:"unit|digits"`: the number placed before or after its unit as Thai reads it."""
    unit, _, digits = (unit_and_digits or "").partition("|")
    if value is None or value == "":
        return tf.DASH
    number = compact_number(value, _digits(digits))
    unit = unit.strip()
    if not unit:
        return number
    return f"{unit} {number}" if unit in UNITS_BEFORE else f"{number} {unit}"


@register.filter
def money_auto_dash(value, arg=None):
    """Whole baht unless there are satang, zero as "-": the register, as reference 003 prints it."""
    if value is None or value == "":
        return tf.DASH
    return tf.format_money(value, style="auto", zero_dash=True, digits=_digits(arg))
