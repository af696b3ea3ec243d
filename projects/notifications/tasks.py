"""The mail task (projects/notifications/services.py does the work)."""

from celery import shared_task

from projects.notifications.models import MAX_TRIES
from projects.notifications.services import SendLater, send

# Seconds before the second and the third try: a mail server that restarts has time to come back.
RETRY_AFTER_S = [60, 300]


@shared_task(bind=True, name="projects.send_mail", max_retries=MAX_TRIES)
def send_mail_task(self, mail_id):
    try:
        send(mail_id)
    except SendLater as error:
        delay = RETRY_AFTER_S[min(self.request.retries, len(RETRY_AFTER_S) - 1)]
        raise self.retry(countdown=delay, exc=error) from error
