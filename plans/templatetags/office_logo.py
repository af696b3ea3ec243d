"""The office's logo as a data: URI, so the preview and the PDF print it without serving media files."""

import base64
import mimetypes

from django import template

register = template.Library()


@register.filter
def logo_src(office):
    if not office.logo:
        return ""
    try:
        with office.logo.open("rb") as image:
            data = image.read()
    except (OSError, ValueError):
        return ""  # a logo whose file is gone prints nothing rather than breaking the booklet
    kind = mimetypes.guess_type(office.logo.name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"
