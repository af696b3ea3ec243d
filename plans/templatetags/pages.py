"""Small helpers for the error pages."""

import re

from django import template

register = template.Library()

_THAI = re.compile("[\u0e00-\u0e7f]")


@register.filter
def thai_message(value):
    """The exception's message when it was written for users (in Thai), else "": Django's own
    404 messages ("No Project matches the given query.", "Resolver404") are not for them."""
    text = str(value or "")
    return text if _THAI.search(text) else ""
