"""The booklet prints each report's photos in a grid after its block, within a size budget, and can
append the reports' PDF files as an appendix."""

import datetime
import io
import subprocess

import pytest
from pypdf import PdfReader

from plans.models import ReportingWindow
from projects.evidence import services
from projects.models import ProgressStatus, ReportState
from reports.context import BookletParams
from reports.pdf import render_booklet_html, render_booklet_pdf
from tests import factories
from tests.evidence import samples
from tests.reports.test_pdf import pdf_text

PHOTO_SIZE = (1600, 1200)  # larger than the print size: the PDF must carry the scaled-down version


@pytest.fixture
def reported(world):
    """Project A reports Q1 (accepted, 3 photos and a 2-page PDF) and Q2 (submitted, 1 photo)."""
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=datetime.date(2024, 1, 10))
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    reports = []
    for quarter, photos in ((1, 3), (2, 1)):
        report = factories.QuarterlyReportFactory(project=world.project_a, quarter=quarter,
                                                  status=ProgressStatus.IN_PROGRESS, results="อบรมแล้ว")
        uploads = [services.Upload(name=f"q{quarter}-{n}.jpg", caption=f"ภาพไตรมาส {quarter} ลำดับ {n}",
                                   file=samples.upload("p.jpg", samples.jpeg(PHOTO_SIZE, color=(quarter, n, 90))))
                   for n in range(1, photos + 1)]
        if quarter == 1:
            uploads.append(services.Upload(name="คำสั่ง.pdf", file=samples.upload("c.pdf", samples.pdf(pages=2)),
                                           caption="คำสั่งแต่งตั้งคณะทำงาน"))
        services.attachments_add(project=world.project_a, report=report, user=world.owner_a, uploads=uploads)
        reports.append(report)
    type(reports[0]).objects.filter(pk=reports[0].pk).update(state=ReportState.ACCEPTED)
    type(reports[1]).objects.filter(pk=reports[1].pk).update(state=ReportState.SUBMITTED)
    return reports


def _params(world, **kw):
    return BookletParams(action_plan=world.plan, months=6, **kw)


def _images(pdf):
    """(width, height) of every image drawn in the PDF, as poppler's pdfimages lists them."""
    listing = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True, check=True).stdout
    rows = [line.split() for line in listing.decode().splitlines()[2:]]
    return [(int(row[3]), int(row[4])) for row in rows if row[2] == "image"]


def test_it_prints_every_photo_in_print_size_when_asked_for_all(world, reported, tmp_path):
    pdf = render_booklet_pdf(_params(world, photos="all"))
    assert _images(pdf) == [(1200, 900)] * 4
    text = pdf_text(pdf, tmp_path)
    assert "ภาพกิจกรรม ประจำไตรมาสที่ ๑" in text and "ภาพไตรมาส 2 ลำดับ 1" in text


def test_it_prints_up_to_n_photos_per_project(world, reported):
    assert len(_images(render_booklet_pdf(_params(world, photos="some", photos_per_project=2)))) == 2


def test_it_prints_no_photos_when_set_so(world, reported):
    assert _images(render_booklet_pdf(_params(world, photos="none"))) == []


def test_it_prints_thumbnails_when_the_photos_would_pass_the_size_budget(world, reported, settings):
    settings.BOOKLET_PHOTO_BUDGET_BYTES = 20_000
    pdf = render_booklet_pdf(_params(world, photos="all"))
    assert _images(pdf) == [(480, 360)] * 4


def test_the_grid_puts_captions_after_the_report_block(world, reported):
    html = render_booklet_html(_params(world, photos="all"))
    block = html.index("ข้อเสนอแนะ")
    grid = html.index('class="photo-grid"')
    assert block < grid
    assert html.count("<figure class=\"photo\">") == 4
    assert "ภาพที่ ๑ ภาพไตรมาส 1 ลำดับ 1" in html  # the caption as typed, the number in Thai digits


def test_the_screen_preview_links_thumbnails_through_the_access_check(world, reported):
    html = render_booklet_html(_params(world, photos="all"), screen=True)
    assert "/evidence/" in html and "data:image" not in html


def test_a_draft_reports_photos_are_not_printed(world, reported):
    type(reported[1]).objects.filter(pk=reported[1].pk).update(state=ReportState.DRAFT)
    assert len(_images(render_booklet_pdf(_params(world, photos="all")))) == 3


def test_it_appends_the_reports_pdf_files_with_a_bookmark(world, reported):
    without = PdfReader(io.BytesIO(render_booklet_pdf(_params(world))))
    with_appendix = PdfReader(io.BytesIO(render_booklet_pdf(_params(world, append_documents=True))))
    assert len(with_appendix.pages) == len(without.pages) + 2

    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [item.title]

    found = list(titles(with_appendix.outline))
    assert "ภาคผนวก เอกสารแนบ" in found
    assert f"{world.project_a.code} ไตรมาสที่ 1: คำสั่งแต่งตั้งคณะทำงาน" in found


def test_the_booklet_form_keeps_the_photo_setting(client, world):
    client.force_login(world.planner)
    from reports.models import Booklet

    response = client.post("/booklets/new/", {
        "action_plan": world.plan.pk, "months": 6, "signer": "กลุ่มนโยบายและแผน", "grouping": "status",
        "digits": "thai", "tables": [], "photos": "some", "photos_per_project": 41,
    })
    assert response.status_code == 200
    assert "41" not in str(Booklet.objects.values_list("photos_per_project", flat=True))


def test_an_appended_pdf_brings_no_script_or_action_with_it(world, reported):
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    from projects.evidence import storage
    from projects.models import Attachment

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('page')")})})
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('document')")})
    out = io.BytesIO()
    writer.write(out)
    document = Attachment.objects.get(file_type="pdf")
    # The stored file is replaced by this one (as if a hostile PDF had been attached).
    storage.store().delete(document.file)
    storage.store().save(document.file, io.BytesIO(out.getvalue()))
    pdf = render_booklet_pdf(_params(world, append_documents=True))
    assert b"app.alert" not in pdf and b"/JavaScript" not in pdf
    without = render_booklet_pdf(_params(world))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == len(PdfReader(io.BytesIO(without)).pages) + 1


def test_photos_reach_the_pdf_by_name_not_inside_its_html(world, reported, monkeypatch):
    """The PDF processes read each photo from the evidence folder themselves (#18: 80 photos as data
    URIs made the HTML sent to every PDF process tens of megabytes)."""
    from reports import evidence, pdf_worker

    html = render_booklet_html(_params(world, photos="all"))
    assert "data:image/jpeg" not in html
    assert html.count(f'src="{pdf_worker.EVIDENCE_URL}') == 4
    # A store with no files on this disk (an S3 bucket): data URIs, the same images printed.
    monkeypatch.setattr(evidence, "evidence_folder", lambda: None)
    assert render_booklet_html(_params(world, photos="all")).count('src="data:image/jpeg;base64,') == 4
    assert _images(render_booklet_pdf(_params(world, photos="all"))) == [(1200, 900)] * 4


def test_the_pdf_reads_only_evidence_files_and_data(world, reported, tmp_path):
    from reports import evidence, pdf_worker

    folder = evidence.evidence_folder()
    fetcher = pdf_worker.url_fetcher(folder)
    name = reported[0].attachments.exclude(print_file="").first().print_file.removeprefix("evidence/")
    assert fetcher(pdf_worker.EVIDENCE_URL + name).read()[:2] == b"\xff\xd8"  # a JPEG
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(samples.jpeg((10, 10), color=(1, 2, 3)))
    for url in (f"{pdf_worker.EVIDENCE_URL}../{secret}", f"{pdf_worker.EVIDENCE_URL}{secret}",
                f"file://{secret}", "http://127.0.0.1:1/x.jpg", f"{pdf_worker.EVIDENCE_URL}{name}/../../x"):
        with pytest.raises(ValueError):
            fetcher(url)
    html = f'<img src="file://{secret}"><img src="{pdf_worker.EVIDENCE_URL}../{secret.name}">'
    document = pdf_worker.layout(html, base_url=str(tmp_path), stylesheets=[], evidence_folder=folder)
    assert _images(pdf_worker.write_pdf(document)) == []
