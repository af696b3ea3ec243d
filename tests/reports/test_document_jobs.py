"""The annual report's and the development plan's PDFs are made by document jobs, as the booklet's are
(issue #13 point 7: no web request lays out a PDF). Tasks run eagerly here; tests/integration/ runs a
real worker on Redis. The booklet's own job tests are in test_jobs.py."""

import io

import pytest
from celery import current_task
from django.db import IntegrityError, transaction
from django.urls import reverse
from pypdf import PdfReader

from config.celery import app
from reports import pdf as booklet_pdf
from reports import pdf_worker, tasks
from reports.annual.models import AnnualPublication, AnnualReport
from reports.jobs import services
from reports.jobs.models import DocumentJob
from reports.models import Booklet, Publication

YEAR = 2567


def annual_of(world):
    return AnnualReport.objects.get_or_create(action_plan=world.plan, defaults={"parts": ["registers"]})[0]


def booklet_of(world):
    return Booklet.objects.get_or_create(action_plan=world.plan, months=6)[0]


# Every document's job: who asks for it, the job's kind, and (URL name, its arguments, method).
DOCUMENTS = {
    "annual draft": ("planner", "pdf", lambda w: ("reports:annual_pdf", [annual_of(w).pk], "get")),
    "annual publish": ("planner", "publish", lambda w: ("reports:annual_publish", [annual_of(w).pk], "post")),
    "plan document": ("director", "plan", lambda w: ("reports:devplan_pdf", [w.plan.development_plan_id], "get")),
    "year results": ("owner_a", "results",
                     lambda w: ("reports:devplan_results_pdf", [w.plan.development_plan_id, YEAR], "get")),
    "booklet publish": ("planner", "publish", lambda w: ("reports:booklet_publish", [booklet_of(w).pk], "post")),
}


def ask(client, world, document, **kwargs):
    user, _, where = DOCUMENTS[document]
    name, args, method = where(world)
    client.force_login(getattr(world, user))
    return getattr(client, method)(reverse(name, args=args), **kwargs)


@pytest.fixture
def renders(monkeypatch):
    """Every PDF layout, counted; one asked for outside the document job's task fails the test."""
    calls = []

    def guarded(real):
        def render(*args, **kwargs):
            task = current_task.name if current_task else None
            assert task == "reports.document_job", f"a PDF was laid out outside a job (in {task})"
            calls.append(task)
            return real(*args, **kwargs)
        return render

    monkeypatch.setattr(pdf_worker, "layout", guarded(pdf_worker.layout))
    monkeypatch.setattr(booklet_pdf, "booklet_pdf_from_html", guarded(booklet_pdf.booklet_pdf_from_html))
    return calls


@pytest.mark.parametrize("document", list(DOCUMENTS))
def test_the_request_only_queues_the_job_and_the_task_makes_the_file(world, client, monkeypatch, renders, document):
    queued = []
    monkeypatch.setattr(tasks.document_job, "delay", queued.append)  # a broker that holds the task
    response = ask(client, world, document)
    job = DocumentJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:job", args=[job.pk])
    assert queued == [job.pk] and renders == []  # the web request laid out nothing
    assert (job.state, job.kind, job.steps) == ("queued", DOCUMENTS[document][1], 4)
    page = client.get(response["Location"]).content.decode()
    assert "รอคิว" in page and reverse("reports:job_status", args=[job.pk]) in page  # the page polls
    status = client.get(reverse("reports:job_status", args=[job.pk])).json()
    assert status["active"] and status["state"] == "queued"

    tasks.document_job.apply(args=[job.pk])  # what the worker does
    job.refresh_from_db()
    assert (job.state, job.step, job.attempts, job.error) == ("done", 4, 1, "") and job.pages >= 1
    assert renders  # laid out in the task (the booklet's layout passes through both guarded functions)
    page = client.get(response["Location"]).content.decode()
    assert "data-status-url" not in page and "เสร็จแล้ว" in page
    if job.kind == "publish":
        publication = job.publication or job.annual_publication
        assert publication.sha256 == job.sha256 and job.result is None
        link = ("reports:annual_publication_pdf" if job.annual_publication else "reports:publication_pdf")
        assert reverse(link, args=[publication.pk]) in page
    else:
        file = client.get(reverse("reports:job_file", args=[job.pk]))
        assert file["Content-Type"] == "application/pdf" and file["Content-Disposition"].startswith("attachment;")
        assert len(PdfReader(io.BytesIO(file.content)).pages) == job.pages
        assert not Publication.objects.exists() and not AnnualPublication.objects.exists()


def test_a_job_queued_under_the_previous_releases_task_name_still_runs(world, client, monkeypatch):
    """An upgrade with booklet jobs still in Redis: their messages name "reports.booklet_job"."""
    monkeypatch.setattr(tasks.document_job, "delay", lambda job_id: None)
    ask(client, world, "booklet publish")
    job = DocumentJob.objects.get()
    app.tasks["reports.booklet_job"].apply(args=[job.pk])
    job.refresh_from_db()
    assert job.state == "done" and job.publication is not None


def test_the_annual_draft_downloads_under_its_thai_name(world, client, renders):
    response = ask(client, world, "annual draft", follow=True)
    job = DocumentJob.objects.get()
    assert job.annual_report == annual_of(world) and job.state == "done" and len(renders) == 1
    assert reverse("reports:job_file", args=[job.pk]) in response.content.decode()
    file = client.get(reverse("reports:job_file", args=[job.pk]))
    assert "filename*=UTF-8''%E0%B8%A3%E0%B8%B2%E0%B8%A2" in file["Content-Disposition"]  # รายงานผล...
    assert 'filename="annual-' in file["Content-Disposition"]


def test_the_booklet_list_shows_the_annual_reports_and_the_plans_jobs(world, client, monkeypatch):
    monkeypatch.setattr(tasks.document_job, "delay", lambda pk: None)  # stays queued
    ask(client, world, "annual publish")
    ask(client, world, "year results")  # asked by owner A: every member sees the plan's files
    client.force_login(world.planner)
    listing = client.get(reverse("reports:booklets")).content.decode()
    for job in DocumentJob.objects.all():
        assert reverse("reports:job", args=[job.pk]) in listing
    assert "รอคิว" in listing
    client.force_login(world.director)  # not a planner: the plan's jobs, not the annual report's set-up
    listing = client.get(reverse("reports:booklets")).content.decode()
    results_job = DocumentJob.objects.get(kind="results")
    assert reverse("reports:job", args=[results_job.pk]) in listing
    assert reverse("reports:job", args=[DocumentJob.objects.get(kind="publish").pk]) not in listing
    client.force_login(world.other_planner)
    assert reverse("reports:job", args=[results_job.pk]) not in client.get(reverse("reports:booklets")).content.decode()


@pytest.mark.parametrize("document", ["annual publish", "plan document", "year results"])
def test_a_second_click_joins_the_running_job(world, client, monkeypatch, renders, document):
    monkeypatch.setattr(tasks.document_job, "delay", lambda pk: None)
    first = ask(client, world, document)
    second = ask(client, world, document, follow=True)
    job = DocumentJob.objects.get()
    assert second.redirect_chain[-1][0] == first["Location"] == reverse("reports:job", args=[job.pk])
    assert "กำลังทำอยู่แล้ว" in second.content.decode() and renders == []


def test_another_year_of_results_is_another_job(world, client, monkeypatch):
    monkeypatch.setattr(tasks.document_job, "delay", lambda pk: None)
    plan = world.plan.development_plan
    services.job_start(kind="results", user=world.director, development_plan=plan, be_year=YEAR)
    services.job_start(kind="results", user=world.director, development_plan=plan, be_year=YEAR + 1)
    services.job_start(kind="plan", user=world.director, development_plan=plan)
    _again, joined = services.job_start(kind="plan", user=world.owner_a, development_plan=plan)
    assert joined and DocumentJob.objects.count() == 3


def test_a_failing_annual_publication_publishes_nothing_says_why_in_thai_and_can_be_retried(
        world, client, monkeypatch):
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise OSError("ฟอนต์ Laksaman หายไป")

    monkeypatch.setattr(pdf_worker, "layout", broken)
    response = ask(client, world, "annual publish", follow=True)
    job = DocumentJob.objects.get()
    assert len(calls) == 3 and (job.state, job.attempts) == ("failed", 3)
    assert "จัดทำไฟล์ไม่สำเร็จ" in job.error and "ฟอนต์ Laksaman หายไป" in job.error
    assert not AnnualPublication.objects.exists() and job.annual_publication is None
    page = response.content.decode()
    assert "ฟอนต์ Laksaman หายไป" in page and "ลองอีกครั้ง" in page

    monkeypatch.undo()
    retried = client.post(reverse("reports:job_retry", args=[job.pk]))
    new_job = DocumentJob.objects.exclude(pk=job.pk).get()
    assert retried["Location"] == reverse("reports:job", args=[new_job.pk])
    assert new_job.state == "done" and new_job.annual_report == job.annual_report
    assert AnnualPublication.objects.get() == new_job.annual_publication


def test_a_publication_that_fails_while_saving_leaves_nothing_published(world, monkeypatch):
    """The PDF is whole but writing the publication fails: the job is not done and nothing is kept."""
    from reports.jobs import documents

    def refuse(**kwargs):
        AnnualPublication.objects.create(report=kwargs["report"], title="ครึ่งเดียว", pdf=b"x", sha256="0", size=1,
                                         published_by=kwargs["user"])
        raise IntegrityError("ฐานข้อมูลปฏิเสธ")

    monkeypatch.setattr(documents, "annual_publication_create", refuse)
    job, _ = services.job_start(kind="publish", user=world.planner, annual_report=annual_of(world))
    job.refresh_from_db()
    assert job.state == "failed" and "ฐานข้อมูลปฏิเสธ" in job.error
    assert not AnnualPublication.objects.exists()


@pytest.mark.parametrize("fields", [
    {},  # no document
    {"kind": "plan", "booklet": True, "development_plan": True},  # two documents
    {"kind": "excel", "annual_report": True},  # the annual report's Excel is not a job
    {"kind": "plan", "booklet": True},  # a booklet has no plan document
    {"kind": "results", "development_plan": True},  # a year's results without its year
    {"kind": "plan", "development_plan": True, "be_year": YEAR},  # the plan document has no year
])
def test_the_database_refuses_a_job_that_does_not_name_one_document_of_its_kind(world, fields):
    documents = {"booklet": lambda: Booklet.objects.create(action_plan=world.plan, months=6),
                 "annual_report": lambda: annual_of(world), "development_plan": lambda: world.plan.development_plan}
    row = {"kind": fields.get("kind", "pdf"), "requested_by": world.planner, "be_year": fields.get("be_year")}
    row.update({name: make() for name, make in documents.items() if fields.get(name)})
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentJob.objects.create(**row)


def test_the_database_refuses_two_running_jobs_of_one_plan_document(world):
    """The plan document's job has no year (NULL): its own index keeps it to one running job."""
    plan = world.plan.development_plan
    DocumentJob.objects.create(development_plan=plan, kind="plan", state="running", requested_by=world.director)
    DocumentJob.objects.create(development_plan=plan, kind="results", be_year=YEAR, requested_by=world.director)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentJob.objects.create(development_plan=plan, kind="plan", state="queued", requested_by=world.owner_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentJob.objects.create(development_plan=plan, kind="results", be_year=YEAR, requested_by=world.owner_a)
    annual = annual_of(world)
    DocumentJob.objects.create(annual_report=annual, kind="publish", requested_by=world.planner)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentJob.objects.create(annual_report=annual, kind="publish", requested_by=world.planner)


def _job_of(world, kind):
    target = ({"annual_report": annual_of(world)} if kind in ("pdf", "publish")
              else {"development_plan": world.plan.development_plan, "be_year": YEAR if kind == "results" else None})
    return DocumentJob.objects.create(kind=kind, state="done", requested_by=world.planner, result=b"%PDF-1.7 x",
                                      **target)


PLANNERS = {"planner": 200, "director_planner": 200, "director": 403, "owner_a": 403, "finance": 403,
            "other_planner": 404}
MEMBERS = {"planner": 200, "director_planner": 200, "director": 200, "owner_a": 200, "finance": 200,
           "other_planner": 404}


@pytest.mark.parametrize(("kind", "expect"), [("pdf", PLANNERS), ("publish", PLANNERS), ("plan", MEMBERS),
                                              ("results", MEMBERS)])
def test_who_sees_a_job_is_who_may_ask_for_its_file(world, client, kind, expect):
    """tests/permission_rules/ checks the job URLs with a booklet's job (one rule per URL); an annual
    report's jobs are the planners', the development plan's every member's; another office gets 404."""
    job = _job_of(world, kind)
    for user, code in expect.items():
        client.force_login(getattr(world, user))
        assert client.get(reverse("reports:job", args=[job.pk])).status_code == code, user
        assert client.get(reverse("reports:job_status", args=[job.pk])).status_code == code, user
        if kind != "publish":
            assert client.get(reverse("reports:job_file", args=[job.pk])).status_code == code, user
    client.logout()
    assert client.get(reverse("reports:job", args=[job.pk])).status_code == 302


def test_a_year_outside_the_plan_starts_no_job(world, client):
    client.force_login(world.director)
    url = reverse("reports:devplan_results_pdf", args=[world.plan.development_plan_id, 2400])
    assert client.get(url).status_code == 404 and not DocumentJob.objects.exists()
