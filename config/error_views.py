"""The pages shown when something goes wrong, with the request id to quote. They render without the
request context (no database, no session): whatever broke the page must not break its error page."""

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.template import loader

from config.request_id import current_request_id


def server_error(request):
    body = loader.get_template("500.html").render({"request_id": current_request_id()})
    return HttpResponseServerError(body)


def bad_request(request, exception):
    body = loader.get_template("400.html").render({"request_id": current_request_id()})
    return HttpResponseBadRequest(body)
