"""Celery tasks of the projects app (found by config.celery's autodiscovery).

Imported where a task is queued, not at start-up: a process that never queues one (most web requests,
a management command, the booklet's PDF workers) never loads Celery (about 16 MB). Importing the
portal's app here makes it the current one, so the task is queued through its settings (the broker, or
run at once without one).
"""

from celery import shared_task

import config.celery  # noqa: F401  (the app the task is queued through)
from projects.notifications.models import MAX_TRIES
from projects.notifications.services import RETRY_AFTER_S, SendLater, send

__all__ = ["send_mail_task"]


@shared_task(bind=True, name="projects.send_mail", max_retries=MAX_TRIES)
def send_mail_task(self, mail_id):
    try:
        send(mail_id)
    except SendLater as error:
        delay = RETRY_AFTER_S[min(self.request.retries, len(RETRY_AFTER_S) - 1)]
        raise self.retry(countdown=delay, exc=error) from error
