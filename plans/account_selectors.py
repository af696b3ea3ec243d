"""Reads about sign-ins (django-axes' records), limited to the members of one office."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone

from plans.models import Membership


def office_usernames(office):
    return set(Membership.objects.filter(office=office).values_list("user__username", flat=True))


def login_events(office, limit=200):
    """The latest sign-ins and failed attempts under the office's usernames, newest first, as dicts
    with time, username, address, browser and `ok`. Attempts with names nobody in the office has
    are not shown (they may be another office's people)."""
    names = office_usernames(office)
    fields = ("attempt_time", "username", "ip_address", "user_agent")
    successes = AccessLog.objects.filter(username__in=names).order_by("-attempt_time").values(*fields)[:limit]
    failures = AccessFailureLog.objects.filter(username__in=names).order_by("-attempt_time").values(
        *fields, "locked_out")[:limit]
    events = [{**row, "ok": True} for row in successes] + [{**row, "ok": False} for row in failures]
    events.sort(key=lambda row: row["attempt_time"], reverse=True)
    return events[:limit]


def locked_out(office):
    """The office's usernames locked out now, with the address and when the lock ends."""
    names = office_usernames(office)
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(
        username__in=names, failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("username")
    return [
        {"username": a.username, "ip_address": a.ip_address, "until": a.attempt_time + settings.AXES_COOLOFF_TIME}
        for a in attempts
    ]
