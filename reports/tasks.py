"""Celery tasks of the reports app: document jobs (booklets, annual reports, development plans;
reports/jobs/services.py does the work) and one office's booklet file for render_booklet --all-offices."""

import os
import resource
import time
from pathlib import Path

from celery import shared_task

import config.celery  # noqa: F401  (the app the tasks are queued through)
from plans.models import ActionPlan
from reports.jobs.models import MAX_TRIES
from reports.jobs.services import RETRY_AFTER_S, RetryLater, run_job
from reports.pdf import render_booklet_pdf
from reports.selectors import booklet_params_for

__all__ = ["booklet_job", "document_job", "office_booklet"]


def _attempt(task, job_id):
    try:
        run_job(job_id)
    except RetryLater as error:
        raise task.retry(countdown=RETRY_AFTER_S, exc=error) from error


@shared_task(bind=True, name="reports.document_job", max_retries=MAX_TRIES)
def document_job(self, job_id):
    """One attempt at a document job; acknowledged late, so a killed worker's job is redelivered."""
    _attempt(self, job_id)


@shared_task(bind=True, name="reports.booklet_job", max_retries=MAX_TRIES)
def booklet_job(self, job_id):
    """The task's name before every document became a job: what the previous release queued (same job ids,
    same table) still runs after an upgrade instead of waiting in Redis for a task nobody knows."""
    _attempt(self, job_id)


@shared_task(bind=True, name="reports.office_booklet", ignore_result=False, max_retries=MAX_TRIES - 1,
             autoretry_for=(Exception,), default_retry_delay=RETRY_AFTER_S)
def office_booklet(self, plan_id, months, overrides, output):
    """One office's booklet PDF written to `output` (render_booklet --all-offices: one task per office).
    Returns what the command prints, and what one office cost the worker in time and memory."""
    started, cpu = time.perf_counter(), time.process_time()
    plan = ActionPlan.objects.select_related("office", "fiscal_year", "development_plan").get(pk=plan_id)
    pdf = render_booklet_pdf(booklet_params_for(plan, months, **overrides))
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(pdf)
    partial.replace(path)  # a reader never sees half a file, even when the task runs twice
    return {
        "office": plan.office.short_name, "path": str(path), "bytes": len(pdf),
        "seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu,
        "worker": self.request.hostname or "this process", "pid": os.getpid(),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
