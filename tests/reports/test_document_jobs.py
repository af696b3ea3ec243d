"""The annual report's, the development plan's and the print views' PDFs are made by document jobs, as the booklet's are
(issue #13 point 7: no web request lays out a PDF). Tasks run eagerly here; tests/integration/ runs a
real worker on Redis. The booklet's own job tests are in test_jobs.py."""

import io
from urllib.parse import quote

import pytest
from celery import current_task
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from config.celery import app
from reports import pdf as booklet_pdf
from reports import pdf_worker, tasks
from reports.annual.models import AnnualPublication, AnnualReport
from reports.jobs import services
from reports.jobs.models import DocumentJob
from reports.models import Booklet, Publication
from reports.printing import project_print_context, report_print_context
from tests import factories

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
    # The print views' "ดาวน์โหลด PDF" (?format=pdf): asked by the owner of another project of the office,
    # who may open the print page (every member may).
    "project print": ("owner_b", "project", lambda w: ("reports:print_project", [w.project_a.pk], "get", "pdf")),
    "report print": ("owner_b", "report", lambda w: ("reports:print_report", [w.project_a.pk, 2], "get", "pdf")),
}


def ask(client, world, document, **kwargs):
    user, _, where = DOCUMENTS[document]
    name, args, method, *query = where(world)
    client.force_login(getattr(world, user))
    return getattr(client, method)(reverse(name, args=args) + (f"?format={query[0]}" if query else ""), **kwargs)


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


@pytest.mark.parametrize("document", ["annual publish", "plan document", "year results", "project print",
                                      "report print"])
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
    {"kind": "report", "project": True},  # a report's print without its quarter
    {"kind": "report", "project": True, "quarter": 5},  # a quarter that is none
    {"kind": "project", "project": True, "quarter": 2},  # the project's print has no quarter
    {"kind": "project", "booklet": True},  # a booklet has no project print
    {"kind": "pdf", "project": True},  # a project has no draft booklet
    {"kind": "project", "project": True, "booklet": True},  # two documents
])
def test_the_database_refuses_a_job_that_does_not_name_one_document_of_its_kind(world, fields):
    documents = {"booklet": lambda: Booklet.objects.create(action_plan=world.plan, months=6),
                 "annual_report": lambda: annual_of(world), "development_plan": lambda: world.plan.development_plan,
                 "project": lambda: world.project_a}
    row = {"kind": fields.get("kind", "pdf"), "requested_by": world.planner, "be_year": fields.get("be_year"),
           "quarter": fields.get("quarter")}
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
    # The project's print has no quarter (NULL) either; a quarter's report print is one job per quarter.
    project = world.project_a
    DocumentJob.objects.create(project=project, kind="project", requested_by=world.owner_a)
    DocumentJob.objects.create(project=project, kind="report", quarter=2, requested_by=world.owner_a)
    DocumentJob.objects.create(project=project, kind="report", quarter=3, requested_by=world.owner_a)
    DocumentJob.objects.create(project=world.project_b, kind="project", requested_by=world.owner_b)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentJob.objects.create(project=project, kind="project", requested_by=world.owner_b)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentJob.objects.create(project=project, kind="report", quarter=2, requested_by=world.owner_b)


def _job_of(world, kind):
    if kind in ("project", "report"):
        target = {"project": world.project_a, "quarter": 2 if kind == "report" else None}
    elif kind in ("pdf", "publish"):
        target = {"annual_report": annual_of(world)}
    else:
        target = {"development_plan": world.plan.development_plan, "be_year": YEAR if kind == "results" else None}
    return DocumentJob.objects.create(kind=kind, state="done", requested_by=world.planner, result=b"%PDF-1.7 x",
                                      **target)


PLANNERS = {"planner": 200, "director_planner": 200, "director": 403, "owner_a": 403, "finance": 403,
            "other_planner": 404}
MEMBERS = {"planner": 200, "director_planner": 200, "director": 200, "owner_a": 200, "finance": 200,
           "other_planner": 404}


PRINT = {**MEMBERS, "owner_b": 200}  # the owner of another project of the office opens its print page too


@pytest.mark.parametrize(("kind", "expect"), [("pdf", PLANNERS), ("publish", PLANNERS), ("plan", MEMBERS),
                                              ("results", MEMBERS), ("project", PRINT), ("report", PRINT)])
def test_who_sees_a_job_is_who_may_ask_for_its_file(world, client, kind, expect):
    """tests/permission_rules/ checks the job URLs with a booklet's job (one rule per URL); an annual
    report's jobs are the planners', the development plan's and a project's print every member's (as its
    print page is); another office gets 404."""
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


# The print views' PDF (one project, one quarter's report): a job too; the old ?format=pdf link starts it.

def _text(content):
    pages = PdfReader(io.BytesIO(content)).pages
    return len(pages), [page.extract_text() for page in pages]


@pytest.mark.parametrize("document", ["project print", "report print"])
def test_a_print_pdf_is_made_by_its_job_and_handed_over_as_the_page_made_it_before(world, client, monkeypatch,
                                                                                   renders, document):
    project = world.project_a
    factories.QuarterlyReportFactory(project=project, quarter=2, state="submitted")
    response = ask(client, world, document)  # no broker: the task runs now, in its own eager task
    job = DocumentJob.objects.get()
    assert (job.project, job.kind, job.state) == (project, DOCUMENTS[document][1], "done") and renders
    assert response["Location"] == reverse("reports:job_file", args=[job.pk])  # the file at once
    file = client.get(response["Location"])
    assert file["Content-Type"] == "application/pdf"
    thai_name = f"โครงการ-{project.code}.pdf" if document == "project print" else f"รายงาน-{project.code}-ไตรมาส2.pdf"
    assert file["Content-Disposition"].endswith(f"filename*=UTF-8''{quote(thai_name)}")  # the name as before

    # What the print view laid out in the request before: the same page, the same text.
    monkeypatch.undo()  # the layout outside a job, here in the test only
    if document == "project print":
        template, context = "reports/print/project.html", project_print_context(project)
    else:
        template, context = "reports/print/report.html", report_print_context(project, 2)
    html = render_to_string(template, {**context, "screen": False, "back_url": "/", "toolbar": []})
    pages, text = _text(file.content)
    assert (pages, text) == _text(booklet_pdf.booklet_pdf_from_html(html, digits=context["d"], workers=1))
    assert project.title in "".join(text) and job.pages == pages

    status = client.get(reverse("reports:job_status", args=[job.pk])).json()
    assert status["file_url"] == reverse("reports:job_file", args=[job.pk])  # the progress page hands it over


def test_a_queued_print_pdf_shows_its_progress_and_the_html_page_queues_nothing(world, client, monkeypatch, renders):
    monkeypatch.setattr(tasks.document_job, "delay", lambda pk: None)  # a broker that holds the task
    client.force_login(world.owner_b)
    page = client.get(reverse("reports:print_project", args=[world.project_a.pk]))
    assert page.status_code == 200 and "?format=pdf" in page.content.decode() and not DocumentJob.objects.exists()
    response = ask(client, world, "project print")
    job = DocumentJob.objects.get()
    assert response["Location"] == reverse("reports:job", args=[job.pk]) and renders == []
    assert "file_url" not in client.get(reverse("reports:job_status", args=[job.pk])).json()
    # The progress page says the file will come by itself, not that it can be found on the booklet list
    # (print jobs are not listed there).
    progress = client.get(response["Location"]).content.decode()
    assert "ไฟล์จะดาวน์โหลดให้เองเมื่อเสร็จ" in progress and "รายการเล่มรายงาน" not in progress


@pytest.mark.parametrize("name", ["reports:print_project", "reports:print_report"])
def test_who_may_open_the_print_page_gets_its_pdf_and_another_office_404_with_no_job(world, client, monkeypatch,
                                                                                     name):
    """As the print page itself (tests/permission_rules/reports.py): every member of the office, another
    office 404; a member's ?format=pdf is a redirect into the job."""
    monkeypatch.setattr(tasks.document_job, "delay", lambda pk: None)
    url = reverse(name, args=[world.project_a.pk] + ([2] if name.endswith("report") else []))
    for user, code in PRINT.items():
        client.force_login(getattr(world, user))
        assert client.get(url).status_code == code, user
        assert client.get(url, {"format": "pdf"}).status_code == (302 if code == 200 else code), user
    client.force_login(world.other_planner)
    assert client.get(url, {"format": "pdf"}).status_code == 404
    assert DocumentJob.objects.count() == 1  # every member joined the one job; another office started none


def test_a_failing_print_pdf_says_why_in_thai_and_can_be_retried(world, client, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("ฟอนต์ Laksaman หายไป")

    monkeypatch.setattr(booklet_pdf, "booklet_pdf_from_html", broken)
    response = ask(client, world, "report print", follow=True)
    job = DocumentJob.objects.get()
    assert (job.state, job.attempts) == ("failed", 3) and response.redirect_chain[-1][0] == reverse(
        "reports:job", args=[job.pk])
    page = response.content.decode()
    assert "จัดทำไฟล์ไม่สำเร็จ" in page and "ฟอนต์ Laksaman หายไป" in page and "ลองอีกครั้ง" in page

    monkeypatch.undo()
    retried = client.post(reverse("reports:job_retry", args=[job.pk]))
    new_job = DocumentJob.objects.exclude(pk=job.pk).get()
    assert retried["Location"] == reverse("reports:job", args=[new_job.pk])
    assert (new_job.state, new_job.kind, new_job.project, new_job.quarter) == ("done", "report", job.project, 2)
