"""Booklet jobs (tasks run eagerly here): progress, joining a running job, failures in Thai, retry,
nothing half-written published. tests/integration/ runs the same tasks in a real worker on Redis."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from reports import pdf as pdf_module
from reports.jobs import services
from reports.jobs.models import DocumentJob, JobKind, JobState
from reports.models import Booklet, Publication


def make_booklet(world, **kw):
    return Booklet.objects.create(action_plan=world.plan, months=6, **kw)


def test_publishing_runs_as_a_job_and_its_page_links_the_publication(world, client):
    booklet = make_booklet(world, document_number="2/2567")
    client.force_login(world.planner)
    response = client.post(reverse("reports:booklet_publish", args=[booklet.pk]))
    job = DocumentJob.objects.get()
    assert response["Location"] == reverse("reports:job", args=[job.pk])
    assert (job.kind, job.state, job.attempts, job.step, job.steps) == ("publish", "done", 1, 4, 4)
    publication = Publication.objects.get()
    assert job.publication == publication and job.sha256 == publication.sha256
    assert job.projects == 2 and job.pages > 1
    html = client.get(response["Location"]).content.decode()
    assert "เผยแพร่แล้ว" in html and reverse("reports:publication_pdf", args=[publication.pk]) in html
    assert "data-status-url" not in html  # a finished job stops polling
    listing = client.get(reverse("reports:booklets")).content.decode()
    assert reverse("reports:job", args=[job.pk]) in listing and "เสร็จแล้ว" in listing


def test_the_draft_pdf_and_the_excel_tables_are_files_of_their_job(world, client):
    booklet = make_booklet(world)
    client.force_login(world.planner)
    client.get(reverse("reports:booklet_pdf", args=[booklet.pk]))
    client.get(reverse("reports:booklet_excel", args=[booklet.pk]))
    pdf_job, excel_job = DocumentJob.objects.get(kind="pdf"), DocumentJob.objects.get(kind="excel")
    pdf = client.get(reverse("reports:job_file", args=[pdf_job.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    excel = client.get(reverse("reports:job_file", args=[excel_job.pk]))
    assert excel.content.startswith(b"PK")  # an xlsx is a zip
    assert not Publication.objects.exists()


def test_a_second_click_joins_the_running_job(world, client):
    booklet = make_booklet(world)
    running = DocumentJob.objects.create(booklet=booklet, kind=JobKind.PUBLISH, state=JobState.RUNNING,
                                        requested_by=world.planner, steps=4, step=2, phase="pdf")
    client.force_login(world.planner)
    response = client.post(reverse("reports:booklet_publish", args=[booklet.pk]), follow=True)
    assert DocumentJob.objects.count() == 1 and not Publication.objects.exists()
    html = response.content.decode()
    assert "กำลังทำอยู่แล้ว" in html and "จัดหน้า PDF" in html
    assert reverse("reports:job_status", args=[running.pk]) in html  # the page polls its state
    status = client.get(reverse("reports:job_status", args=[running.pk])).json()
    assert status == {"active": True, "state": "running", "state_label": "กำลังทำ", "phase_label": "จัดหน้า PDF",
                      "percent": 50, "percent_text": "๕๐%", "step_text": "ขั้นที่ ๓ จาก ๔"}
    assert response.redirect_chain[-1][0] == reverse("reports:job", args=[running.pk])
    # Another kind of job on the same booklet is not the same job.
    client.get(reverse("reports:booklet_excel", args=[booklet.pk]))
    assert DocumentJob.objects.filter(kind="excel", state="done").count() == 1


def test_the_database_refuses_two_running_jobs_of_one_booklet_and_kind(world):
    booklet = make_booklet(world)
    DocumentJob.objects.create(booklet=booklet, kind="publish", state="queued", requested_by=world.planner)
    DocumentJob.objects.create(booklet=booklet, kind="publish", state="done", requested_by=world.planner)
    with pytest.raises(IntegrityError):
        DocumentJob.objects.create(booklet=booklet, kind="publish", state="running", requested_by=world.planner)


def broken_pdf(calls):
    def render(html, **kw):
        calls.append(1)
        raise OSError("ฟอนต์ Laksaman หายไป")
    return render


def test_a_job_that_fails_three_times_says_why_in_thai_and_publishes_nothing(world, client, monkeypatch):
    calls = []
    monkeypatch.setattr(pdf_module, "booklet_pdf_from_html", broken_pdf(calls))
    booklet = make_booklet(world)
    client.force_login(world.planner)
    response = client.post(reverse("reports:booklet_publish", args=[booklet.pk]), follow=True)
    job = DocumentJob.objects.get()
    assert len(calls) == 3 and job.attempts == 3
    assert (job.state, job.phase) == ("failed", "failed")
    assert "จัดทำไฟล์ไม่สำเร็จ" in job.error and "ฟอนต์ Laksaman หายไป" in job.error and "3 ครั้ง" in job.error
    assert not Publication.objects.exists()
    html = response.content.decode()
    assert "ฟอนต์ Laksaman หายไป" in html and "ลองอีกครั้ง" in html

    monkeypatch.undo()
    retried = client.post(reverse("reports:job_retry", args=[job.pk]))
    new_job = DocumentJob.objects.exclude(pk=job.pk).get()
    assert retried["Location"] == reverse("reports:job", args=[new_job.pk])
    assert new_job.state == "done" and Publication.objects.count() == 1
    listing = client.get(reverse("reports:booklets")).content.decode()
    assert reverse("reports:job", args=[new_job.pk]) in listing


def test_a_job_that_fails_once_succeeds_on_its_second_try(world, monkeypatch):
    real, calls = pdf_module.booklet_pdf_from_html, []

    def flaky(html, **kw):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("หน่วยความจำไม่พอ")
        return real(html, **kw)

    monkeypatch.setattr(pdf_module, "booklet_pdf_from_html", flaky)
    job, joined = services.job_start(booklet=make_booklet(world), kind="publish", user=world.planner)
    job.refresh_from_db()
    assert not joined and (job.state, job.attempts, job.error) == ("done", 2, "")
    assert Publication.objects.count() == 1


def test_a_redelivered_task_of_a_finished_job_does_nothing(world):
    job, _ = services.job_start(booklet=make_booklet(world), kind="publish", user=world.planner)
    services.run_job(job.pk)
    assert Publication.objects.count() == 1
    job.refresh_from_db()
    assert job.attempts == 1


def test_a_job_whose_worker_vanished_three_times_is_failed(world):
    job = DocumentJob.objects.create(booklet=make_booklet(world), kind="publish", state="running", attempts=3,
                                    requested_by=world.planner)
    services.run_job(job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and "ถูกหยุดกลางคัน" in job.error
    assert not Publication.objects.exists()


def test_a_broker_that_is_down_fails_the_job_with_a_thai_message_not_a_500(world, client, monkeypatch):
    from reports import tasks

    def down(*args, **kwargs):
        raise ConnectionRefusedError("redis down")

    monkeypatch.setattr(tasks.document_job, "delay", down)
    client.force_login(world.planner)
    response = client.post(reverse("reports:booklet_publish", args=[make_booklet(world).pk]), follow=True)
    assert response.status_code == 200
    job = DocumentJob.objects.get()
    assert job.state == "failed" and "ระบบคิวงานไม่ตอบสนอง" in job.error
    assert "ระบบคิวงานไม่ตอบสนอง" in response.content.decode()


def test_another_offices_job_is_not_found(world, client):
    job = DocumentJob.objects.create(booklet=make_booklet(world), kind="excel", state="done", result=b"x",
                                    requested_by=world.planner)
    client.force_login(world.other_planner)
    assert client.get(reverse("reports:job", args=[job.pk])).status_code == 404
    assert client.get(reverse("reports:job_file", args=[job.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_the_same_moment_make_one_job(world, monkeypatch):
    """Two requests in two threads (two database connections) start the same publication at once."""
    import threading

    from django.db import connection

    monkeypatch.setattr(services, "enqueue", lambda job: None)  # the job itself is not the point here
    booklet = make_booklet(world)
    barrier, answers = threading.Barrier(2), []

    def click():
        try:
            barrier.wait()
            answers.append(services.job_start(booklet=booklet, kind="publish", user=world.planner))
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert DocumentJob.objects.count() == 1
    assert len(answers) == 2 and {job.pk for job, _ in answers} == {DocumentJob.objects.get().pk}
    assert sorted(joined for _, joined in answers) == [False, True]


def test_a_job_that_stopped_moving_is_failed_and_replaced_by_the_next_click(world, client):
    """Redis lost the task (it keeps nothing on disk): the job would block its booklet for ever."""
    import datetime

    from django.utils import timezone

    booklet = make_booklet(world)
    lost = DocumentJob.objects.create(booklet=booklet, kind="publish", state="running", phase="pdf", attempts=1,
                                     requested_by=world.planner,
                                     updated_at=timezone.now() - services.stale_after() - datetime.timedelta(1))
    fresh = DocumentJob.objects.create(booklet=booklet, kind="excel", state="running", requested_by=world.planner)
    client.force_login(world.planner)
    client.post(reverse("reports:booklet_publish", args=[booklet.pk]))
    lost.refresh_from_db()
    assert lost.state == "failed" and "ค้างอยู่นานโดยไม่มีความคืบหน้า" in lost.error
    assert DocumentJob.objects.get(kind="publish", state="done").publication is not None
    client.get(reverse("reports:booklet_excel", args=[booklet.pk]))  # still moving: joined
    assert DocumentJob.objects.filter(kind="excel").get() == fresh
