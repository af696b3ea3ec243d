"""A short id for every request: in the X-Request-ID response header, in every log line written while
the request runs, and on the error pages, so an office can quote it when it reports a problem."""

import contextvars
import logging
import re
import uuid

_current = contextvars.ContextVar("request_id", default="-")
_SAFE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def current_request_id():
    return _current.get()


class RequestIdMiddleware:
    """Outermost middleware. Keeps the id a proxy sent (X-Request-ID, when it looks like one) so the
    proxy's and the portal's logs match; otherwise makes one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sent = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = sent if _SAFE.match(sent) else uuid.uuid4().hex[:12]
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = _current.get()
        return True
