"""Document jobs (booklets, the annual report) and office booklets in real Celery workers on Redis
(tests/integration/conftest.py)."""

import hashlib

import pytest

from reports.annual.models import AnnualPublication, AnnualReport
from reports.jobs import services
from reports.jobs.models import DocumentJob
from reports.models import Booklet, Publication
from reports.pdf import render_booklet_pdf
from tests import factories as f
from tests.integration.conftest import VISIBILITY_TIMEOUT_S, wait_for

pytestmark = pytest.mark.celery_worker


def booklet_of(world, extra_projects=0):
    for _ in range(extra_projects):
        f.ProjectFactory(action_plan=world.plan, group=world.group, strategy=world.strategy)
    return Booklet.objects.create(action_plan=world.plan, months=6, document_number="9/2567")


def job_row(pk):
    return DocumentJob.objects.defer("result").get(pk=pk)


def test_a_worker_publishes_a_booklet_and_the_web_process_lays_out_nothing(world, workers, monkeypatch):
    from reports import pdf

    def not_here(*args, **kwargs):
        raise AssertionError("the web process laid out a PDF")

    monkeypatch.setattr(pdf, "booklet_pdf_from_html", not_here)
    workers.start()
    job, joined = services.job_start(booklet=booklet_of(world), kind="publish", user=world.planner)
    assert not joined and job.state == "queued"
    again, joined = services.job_start(booklet=job.booklet, kind="publish", user=world.planner)
    assert joined and again.pk == job.pk
    done = wait_for(lambda: job_row(job.pk).state in ("done", "failed") and job_row(job.pk), 120,
                    "the job to finish", workers)
    assert (done.state, done.attempts, done.error) == ("done", 1, "")
    assert Publication.objects.get().sha256 == done.sha256


def test_a_killed_worker_leaves_its_booklet_to_another_and_the_pdf_is_the_same(world, workers):
    booklet = booklet_of(world, extra_projects=12)
    first = workers.start()
    job, _ = services.job_start(booklet=booklet, kind="publish", user=world.planner)
    wait_for(lambda: job_row(job.pk).phase == "pdf", 120, "the worker to lay out the PDF", workers)
    workers.kill(first)  # mid-booklet: the task was taken but never acknowledged
    killed = job_row(job.pk)
    assert (killed.state, killed.phase, killed.attempts) == ("running", "pdf", 1)
    assert not Publication.objects.exists()

    workers.start()
    done = wait_for(lambda: job_row(job.pk).state in ("done", "failed") and job_row(job.pk),
                    120 + VISIBILITY_TIMEOUT_S, "the second worker to finish the booklet", workers)
    assert (done.state, done.attempts) == ("done", 2), done.error
    publication = Publication.objects.get()
    pdf = render_booklet_pdf(booklet)  # one uninterrupted render, in this process
    assert publication.sha256 == done.sha256 == hashlib.sha256(pdf).hexdigest()


def test_a_task_that_fails_three_times_is_failed_with_its_error(world, workers):
    workers.start(app="tests.integration.failing_worker")  # its PDF layout always raises
    job, _ = services.job_start(booklet=booklet_of(world), kind="pdf", user=world.planner)
    done = wait_for(lambda: job_row(job.pk).state == "failed" and job_row(job.pk), 120, "the job to fail", workers)
    assert done.attempts == 3 and "จัดทำไฟล์ไม่สำเร็จ" in done.error and "3 ครั้ง" in done.error
    assert "ไม่พบฟอนต์ Laksaman" in done.error


def test_a_worker_publishes_the_annual_report_and_the_web_process_lays_out_nothing(world, workers, monkeypatch):
    from reports import pdf_worker

    def not_here(*args, **kwargs):
        raise AssertionError("the web process laid out a PDF")

    monkeypatch.setattr(pdf_worker, "layout", not_here)
    workers.start()
    report = AnnualReport.objects.create(action_plan=world.plan, parts=["registers"], document_number="3/2567")
    job, joined = services.job_start(kind="publish", user=world.planner, annual_report=report)
    again, joined_again = services.job_start(kind="publish", user=world.planner, annual_report=report)
    assert (joined, joined_again, again.pk) == (False, True, job.pk)
    done = wait_for(lambda: job_row(job.pk).state in ("done", "failed") and job_row(job.pk), 120,
                    "the annual report's job to finish", workers)
    assert (done.state, done.attempts, done.error) == ("done", 1, "") and done.pages >= 1
    publication = AnnualPublication.objects.get()
    assert done.annual_publication_id == publication.pk and publication.sha256 == done.sha256
    assert publication.document_number == "3/2567"
