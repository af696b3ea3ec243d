"""What projects does when plans says something happened (plans/signals.py)."""

from projects.notifications.services import mail_window_opened


def on_window_opened(sender, window, **kwargs):
    mail_window_opened(window)
