"""How a response hands over a file: its type and its name (one place for every download).

RFC 6266/5987: browsers read the Thai name from `filename*`; anything older reads the ASCII `filename`.
"""

from urllib.parse import quote

from django.http import HttpResponse

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def content_disposition(thai_name="", *, ascii_name="", inline=False) -> str:
    """The Content-Disposition header for a file named `thai_name` (and `ascii_name` for old clients)."""
    header = "inline" if inline else "attachment"
    if ascii_name:
        header += f'; filename="{ascii_name}"'
    if thai_name:
        header += f"; filename*=UTF-8''{quote(thai_name)}"
    return header


def file_response(content, content_type, thai_name="", *, ascii_name="", inline=False, etag=None):
    """The file as a response: downloaded (or shown, `inline`) under its Thai name."""
    response = HttpResponse(bytes(content), content_type=content_type)
    response["Content-Disposition"] = content_disposition(thai_name, ascii_name=ascii_name, inline=inline)
    if etag:
        response["ETag"] = f'"{etag}"'
    return response
