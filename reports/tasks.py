"""Celery tasks of the reports app: the booklet jobs (reports/jobs/services.py does the work)."""

from celery import shared_task

from reports.jobs.models import MAX_TRIES
from reports.jobs.services import RetryLater, run_job

RETRY_AFTER_S = 5


@shared_task(bind=True, name="reports.booklet_job", max_retries=MAX_TRIES)
def booklet_job(self, job_id):
    """One attempt at a booklet job; acknowledged late, so a killed worker's job is redelivered."""
    try:
        run_job(job_id)
    except RetryLater as error:
        raise self.retry(countdown=RETRY_AFTER_S, exc=error) from error
