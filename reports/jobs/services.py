"""Document jobs (a booklet's, an annual report's, a development plan's files, a project's print PDF):
started (or joined) by the web process, run by a Celery worker (reports/tasks.py);
reports/jobs/documents.py says how each document's file is made. The web process never lays out a PDF.

One job per document and kind runs at a time: partial unique indexes on the table refuse a second
active row, and `job_start` locks and re-reads so that a second click joins the running job.
A job is tried at most MAX_TRIES times (an error, or a worker that vanished and left the task to
be redelivered); then it is failed with its error in Thai, and the user can start it again.
Publishing writes the publication and marks the job done in one transaction, after the PDF is whole.
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from reports.jobs import documents
from reports.jobs.models import ACTIVE_STATES, MAX_TRIES, DocumentJob, JobKind, JobPhase, JobState

logger = logging.getLogger(__name__)

RETRY_AFTER_S = 5
NOT_QUEUED = ("ส่งงานเข้าคิวไม่ได้ (ระบบคิวงานไม่ตอบสนอง) กรุณากด “ลองอีกครั้ง” "
              "หากยังไม่ได้ แจ้งผู้ดูแลระบบให้ตรวจ Redis และ worker")


STALE = "งานนี้ค้างอยู่นานโดยไม่มีความคืบหน้า (เครื่องประมวลผลหรือคิวงานหยุดไประหว่างทำ) จึงเริ่มงานใหม่แทน"


def stale_after():
    """A running job that has not moved for this long, or a job queued this long, is taken as lost:
    twice the time after which Redis hands a vanished worker's task to another worker."""
    return datetime.timedelta(seconds=2 * settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"])


def _is_stale(job):
    return job.updated_at < timezone.now() - stale_after()


class RetryLater(Exception):
    """The work failed and may be tried again (the task re-queues itself)."""


def job_start(*, kind, user, **target):
    """(job, joined): the running job of this document and kind, or a new one queued now. `target`
    names the document: booklet=..., annual_report=..., development_plan=... with be_year=... (a
    year's results; None for the plan document), or project=... with quarter=... (a quarter's report
    print; None for the project's). A job that stopped moving (its task lost with the
    broker, say) is failed with a reason and replaced."""
    if "development_plan" in target:
        target.setdefault("be_year", None)
    if "project" in target:
        target.setdefault("quarter", None)
    with transaction.atomic():
        running = _active(target, kind)
        if running is not None and not _is_stale(running):
            return running, True
        if running is not None:
            _fail(running, STALE)
        try:
            with transaction.atomic():
                job = DocumentJob.objects.create(kind=kind, requested_by=user, steps=documents.steps(kind, target),
                                                 **target)
        except IntegrityError:  # another request created it between our read and our write
            running = _active(target, kind)
            if running is None:
                raise
            return running, True
    enqueue(job)
    job.refresh_from_db()
    return job, False


def _active(target, kind):
    return (DocumentJob.objects.select_for_update().defer("result")
            .filter(kind=kind, state__in=ACTIVE_STATES, **target).first())


def enqueue(job):
    """Hand the job to Celery (eager without a broker: it runs now); a broker that is down fails it."""
    from reports.tasks import document_job  # Celery is loaded by the first process that queues a task

    try:
        document_job.delay(job.pk)
    except Exception:
        logger.exception("Document job %s could not be queued", job.pk)
        DocumentJob.objects.filter(pk=job.pk, state=JobState.QUEUED).update(
            state=JobState.FAILED, phase=JobPhase.FAILED, error=NOT_QUEUED, finished_at=timezone.now())


def job_retry(*, job, user):
    """A failed job started again (a new job, so the failed one stays in the list with its reason)."""
    return job_start(kind=job.kind, user=user, **job.target)


def _progress(job, phase, step, **counts):
    job.phase, job.step, job.updated_at = phase, step, timezone.now()
    for name, value in counts.items():
        setattr(job, name, value)
    DocumentJob.objects.filter(pk=job.pk).update(phase=phase, step=step, updated_at=job.updated_at, **counts)


def _claim(job_id):
    """The job, marked running for one more attempt; None when there is nothing (left) to do."""
    with transaction.atomic():
        job = DocumentJob.objects.select_for_update().defer("result").filter(pk=job_id).first()
        if job is None or job.state not in ACTIVE_STATES:
            return None  # done or failed already: a redelivered task does nothing
        job.attempts += 1
        if job.attempts > MAX_TRIES:
            _fail(job, job.error or f"ถูกหยุดกลางคันเกิน {MAX_TRIES} ครั้ง (เครื่องประมวลผลหยุดทำงานระหว่างจัดทำ)")
            return None
        job.state, job.phase, job.step = JobState.RUNNING, JobPhase.FIGURES, 0
        job.started_at = job.updated_at = timezone.now()
        job.save(update_fields=["attempts", "state", "phase", "step", "started_at", "updated_at"])
        return job


def _fail(job, error):
    job.state, job.phase, job.finished_at = JobState.FAILED, JobPhase.FAILED, timezone.now()
    job.updated_at = job.finished_at
    job.error = f"{error} (ทำแล้ว {min(job.attempts, MAX_TRIES)} ครั้ง) กด “ลองอีกครั้ง” หลังแก้ไข หรือแจ้งผู้ดูแลระบบ"
    job.save(update_fields=["state", "phase", "finished_at", "updated_at", "error", "attempts"])


def explain(error):
    """What went wrong, in Thai, with the technical detail the administrator needs."""
    return f"จัดทำไฟล์ไม่สำเร็จ: {type(error).__name__}: {error}"


def run_job(job_id):
    """The work of one attempt. Raises RetryLater when it failed and may be tried again."""
    job = _claim(job_id)
    if job is None:
        return None
    try:
        _work(job)
    except Exception as error:
        logger.exception("Document job %s failed (attempt %s)", job.pk, job.attempts)
        message = explain(error)
        if job.attempts < MAX_TRIES:
            DocumentJob.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
                state=JobState.QUEUED, phase=JobPhase.RETRYING, error=message, updated_at=timezone.now())
            raise RetryLater(message) from error
        _fail(job, message)
    return job


def _work(job):
    content = documents.recipe(job).make(job, lambda phase, step, **counts: _progress(job, phase, step, **counts))
    _finish(job, content)


def _finish(job, content):
    with transaction.atomic():
        locked = DocumentJob.objects.select_for_update().defer("result").get(pk=job.pk)
        if locked.state != JobState.RUNNING or locked.attempts != job.attempts:
            return  # another attempt took it over (a redelivered task) and finishes it
        if job.kind == JobKind.PUBLISH:
            documents.recipe(locked).publish(locked, content)
        else:
            locked.result = content
        locked.sha256 = hashlib.sha256(content).hexdigest()
        locked.state, locked.phase, locked.step, locked.error = JobState.DONE, JobPhase.DONE, locked.steps, ""
        locked.pages, locked.projects, locked.finished_at = job.pages, job.projects, timezone.now()
        locked.updated_at = locked.finished_at
        locked.save()
