"""The address a login attempt came from, for django-axes."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR; behind our reverse proxy (TIDTAM_TRUST_X_FORWARDED_FOR=1) the last address of
    X-Forwarded-For, the one the proxy itself saw (earlier entries are whatever the client sent)."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")
