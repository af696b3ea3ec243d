"""Template helpers of the development plan pages and document: targets, results and verdicts as printed."""

from django import template

from plans.indicator_values import show_value

register = template.Library()


@register.simple_tag
def shown_value(indicator, row, digits="thai"):
    """A target or result row (or None) of `indicator` as printed: "๘๐.๐๐", "ระดับ ๕", "มี", "N/A"."""
    if row is None:
        return "N/A"
    return show_value(indicator.kind, row.value, row.text, digits=digits)


@register.simple_tag
def shown_baseline(indicator, digits="thai"):
    if indicator.baseline_value is None and not indicator.baseline_text:
        return "N/A"
    return show_value(indicator.kind, indicator.baseline_value, indicator.baseline_text, digits=digits)


@register.filter
def verdict_class(verdict):
    return {
        "achieved": "text-bg-success", "not_achieved": "text-bg-danger",
        "not_reported": "text-bg-warning", "not_assessed": "text-bg-secondary",
    }.get(getattr(verdict, "status", ""), "text-bg-light")
