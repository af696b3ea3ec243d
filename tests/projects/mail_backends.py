"""Mail backends for tests: a server that refuses everything, and one that refuses the first try."""

import smtplib

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class FlakyBackend(BaseEmailBackend):
    """Refuses the first message it is given, then delivers to django.core.mail.outbox."""

    failures_left = 1

    def send_messages(self, messages):
        if FlakyBackend.failures_left:
            FlakyBackend.failures_left -= 1
            raise ConnectionRefusedError("[Errno 111] Connection refused")
        mail.outbox.extend(messages)
        return len(messages)
