"""The portal's URLs plus one page that breaks, for the error-page tests."""

from django.urls import path

from config.urls import handler400, handler500  # noqa: F401
from config.urls import urlpatterns as portal


def broken(request):
    raise ZeroDivisionError("a bug in a page")


urlpatterns = [path("broken/", broken), *portal]
