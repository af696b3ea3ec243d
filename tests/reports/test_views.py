"""Planner sets up, previews and publishes a booklet; members download what was published."""

import hashlib
from decimal import Decimal as D
from urllib.parse import quote

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.context import TABLES
from reports.models import Booklet, DocumentJob, Publication
from tests import factories as f


def make_booklet(world, **kw):
    return Booklet.objects.create(action_plan=world.plan, months=6, **kw)


def test_it_lets_a_planner_create_a_booklet_for_a_round(world, client):
    client.force_login(world.planner)
    response = client.post(reverse("reports:booklet_new"), {
        "action_plan": world.plan.pk, "months": 6, "as_of_date": "", "document_number": "1/2567",
        "foreword": "คำนำทดสอบ", "signer": "กลุ่มนโยบายและแผน", "grouping": "group", "digits": "arabic",
        "tables": ["status_by_group"],
    })
    booklet = Booklet.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:booklet_preview", args=[booklet.pk])
    assert (booklet.months, booklet.grouping, booklet.digits, booklet.tables) == (6, "group", "arabic",
                                                                                 ["status_by_group"])
    assert booklet.created_by == world.planner


def test_it_refuses_an_as_of_date_before_the_end_of_the_round_in_thai(world, client):
    client.force_login(world.planner)
    response = client.post(reverse("reports:booklet_new"), {
        "action_plan": world.plan.pk, "months": 6, "as_of_date": "15/03/2567", "signer": "กนผ.",
        "grouping": "status", "digits": "thai",
    })
    assert response.status_code == 200
    assert "วันที่ข้อมูลต้องไม่ก่อนวันสุดท้ายของรอบ (๓๑/๐๓/๒๕๖๗)" in response.content.decode()
    assert not Booklet.objects.exists()


def test_it_offers_only_the_planners_own_offices_plans(world, client):
    client.force_login(world.planner)
    response = client.post(reverse("reports:booklet_new"), {
        "action_plan": world.other_plan.pk, "months": 6, "signer": "กนผ.", "grouping": "status",
        "digits": "thai",
    })
    assert response.status_code == 200
    assert not Booklet.objects.exists()


def test_it_shows_the_preview_with_figures_from_the_records(world, client):
    f.AllocationFactory(project=world.project_a, amount=D("12500"))
    booklet = make_booklet(world)
    client.force_login(world.planner)
    html = client.get(reverse("reports:booklet_preview", args=[booklet.pk])).content.decode()
    assert "๑๒,๕๐๐.๐๐" in html
    assert reverse("reports:booklet_pdf", args=[booklet.pk]) in html


def test_it_stores_the_published_pdf_with_its_checksum_and_serves_that_file_unchanged(world, client):
    alloc = f.AllocationFactory(project=world.project_a, amount=D("12500"))
    booklet = make_booklet(world, document_number="2/2567")
    client.force_login(world.planner)
    assert client.post(reverse("reports:booklet_publish", args=[booklet.pk])).status_code == 302
    publication = Publication.objects.get()
    stored = bytes(publication.pdf)
    assert stored.startswith(b"%PDF")
    assert publication.sha256 == hashlib.sha256(stored).hexdigest()
    assert (publication.document_number, publication.size, publication.published_by) == (
        "2/2567", len(stored), world.planner)

    alloc.amount = D("99999")
    alloc.save()
    booklet.document_number = "3/2567"
    booklet.save()
    client.force_login(world.director)
    response = client.get(reverse("reports:publication_pdf", args=[publication.pk]))
    assert response.status_code == 200
    assert response.content == stored
    assert response["Content-Type"] == "application/pdf"


def test_it_makes_a_correction_a_new_publication(world, client):
    booklet = make_booklet(world)
    client.force_login(world.planner)
    client.post(reverse("reports:booklet_publish", args=[booklet.pk]))
    client.post(reverse("reports:booklet_publish", args=[booklet.pk]))
    assert Publication.objects.filter(booklet=booklet).count() == 2
    html = client.get(reverse("reports:booklets")).content.decode()
    assert html.count(reverse("reports:publication_pdf", args=[Publication.objects.first().pk])) == 1


def test_it_names_each_edition_and_marks_the_superseded_one(world, client):
    """Issue 19: publications of one round are told apart: edition, date, who, and a Thai file name."""
    booklet = make_booklet(world)
    client.force_login(world.planner)
    client.post(reverse("reports:booklet_publish", args=[booklet.pk]))
    client.post(reverse("reports:booklet_publish", args=[booklet.pk]))
    first, second = Publication.objects.filter(booklet=booklet).order_by("pk")
    html = client.get(reverse("reports:booklets")).content.decode()
    assert html.count("มีฉบับใหม่กว่าแล้ว") == 1
    assert "ฉบับที่ ๑" in html and "ฉบับที่ ๒" in html
    year = booklet.action_plan.fiscal_year.be_year
    disposition = client.get(reverse("reports:publication_pdf", args=[second.pk]))["Content-Disposition"]
    expected = f"รายงานความก้าวหน้า-รอบ{booklet.months}-{year}-ฉบับที่2.pdf"
    assert f"filename*=UTF-8''{quote(expected)}" in disposition
    assert first.filename == f"รายงานความก้าวหน้า-รอบ{booklet.months}-{year}-ฉบับที่1.pdf"


def test_it_lists_publications_to_a_director_without_drafts(world, client):
    booklet = make_booklet(world)
    client.force_login(world.director)
    html = client.get(reverse("reports:booklets")).content.decode()
    assert reverse("reports:booklet_preview", args=[booklet.pk]) not in html
    assert "ยังไม่มีเล่มที่เผยแพร่" in html


def test_it_lists_booklets_in_a_fixed_number_of_queries(world, client):
    """However many booklets and jobs: the list reads every booklet's latest jobs in one query (the
    inbox and the annual reports beside it add a fixed number of their own)."""
    client.force_login(world.planner)

    def queries_with(months):
        booklet = Booklet.objects.create(action_plan=world.plan, months=months)
        for kind in ("pdf", "excel"):
            DocumentJob.objects.create(booklet=booklet, kind=kind, state="done", requested_by=world.planner)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("reports:booklets")).status_code == 200
        return len(queries)

    one = queries_with(3)
    assert [queries_with(months) for months in (6, 9, 12)] == [one] * 3
    assert one <= 20


def test_it_lists_booklets_without_reading_the_stored_pdfs(world, client):
    booklet = Booklet.objects.create(action_plan=world.plan, months=6)
    Publication.objects.create(booklet=booklet, document_number="1/2567", title="t", pdf=b"%PDF-1.7 big",
                               sha256="0" * 64, size=12, published_by=world.planner)
    client.force_login(world.planner)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("reports:booklets")).status_code == 200
    publication_reads = [q["sql"] for q in queries if 'FROM "reports_publication"' in q["sql"]]
    assert publication_reads
    assert not any('"reports_publication"."pdf"' in sql for sql in publication_reads)


def test_it_lets_the_planner_publish_from_the_preview(world, client):
    booklet = make_booklet(world)
    client.force_login(world.planner)
    html = client.get(reverse("reports:booklet_preview", args=[booklet.pk])).content.decode()
    assert f'action="{reverse("reports:booklet_publish", args=[booklet.pk])}"' in html
    assert "csrfmiddlewaretoken" in html


def test_it_ticks_every_summary_table_on_a_new_booklet(world, client):
    client.force_login(world.planner)
    form = client.get(reverse("reports:booklet_new")).context["form"]
    assert form["tables"].value() == list(TABLES)


def edit_data(world, booklet, **changes):
    return {"action_plan": world.plan.pk, "months": 6, "as_of_date": "", "document_number": booklet.document_number,
            "foreword": booklet.foreword, "signer": booklet.signer, "grouping": "status", "digits": "thai",
            "tables": list(TABLES), "version": booklet.version, **changes}


def test_it_keeps_a_second_planners_edit_from_overwriting_the_first(world, client):
    booklet = make_booklet(world, foreword="เดิม")
    opened = edit_data(world, booklet)
    client.force_login(world.planner)
    assert client.post(reverse("reports:booklet_edit", args=[booklet.pk]),
                       {**opened, "foreword": "ของคนแรก"}).status_code == 302
    response = client.post(reverse("reports:booklet_edit", args=[booklet.pk]), {**opened, "foreword": "ของคนที่สอง"})
    assert response.status_code == 200
    assert "มีผู้แก้ไขเล่มนี้หลังจากที่คุณเปิดหน้านี้" in response.content.decode()
    booklet.refresh_from_db()
    assert booklet.foreword == "ของคนแรก"
