"""Celery tasks of the projects app (found by config.celery's autodiscovery)."""

from projects.notifications.services import send_mail_task

__all__ = ["send_mail_task"]
