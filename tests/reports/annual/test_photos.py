"""The annual report prints each project's photos of the year after its block (#18): those of its
year-end report, else those of its quarterly reports; none / up to N per project / all."""

import subprocess

import pytest

from projects.evidence import services
from projects.models import QuarterlyReport, YearEndReport
from reports.annual.document import render_annual_html, render_annual_pdf
from tests.evidence import samples
from tests.reports.annual.printed import html_text, squeeze

PHOTO_SIZE = (1600, 1200)


def _upload(caption, color):
    return services.Upload(name="p.jpg", caption=caption, file=samples.upload("p.jpg", samples.jpeg(PHOTO_SIZE,
                                                                                                   color=color)))


@pytest.fixture
def photographed(annual, year, media_root):
    """A: two photos on its year-end report and one on a quarterly report; C: one on its Q4 report."""
    services.attachments_store(project=year.a, report=YearEndReport.objects.get(project=year.a), user=year.planner,
                               uploads=[_upload("อบรมครูวันแรก", (1, 2, 3)), _upload("อบรมครูวันที่สอง", (4, 5, 6))])
    quarterly = QuarterlyReport.objects.create(project=year.a, quarter=3, state="accepted", status="in_progress")
    services.attachments_store(project=year.a, report=quarterly, user=year.planner,
                               uploads=[_upload("ภาพไตรมาสสาม", (7, 8, 9))])
    services.attachments_store(project=year.c, report=QuarterlyReport.objects.get(project=year.c),
                               user=year.planner, uploads=[_upload("ภาพโครงการซี", (9, 9, 9))])
    annual.parts = ["projects"]
    return annual


def _images(pdf):
    listing = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True, check=True).stdout
    rows = [line.split() for line in listing.decode().splitlines()[2:]]
    return [(int(row[3]), int(row[4])) for row in rows if row[2] == "image"]


def test_it_prints_the_year_end_photos_of_a_project_and_the_quarterly_ones_of_a_project_without(photographed):
    photographed.photos = "all"
    pdf = render_annual_pdf(photographed)
    # A: its 2 year-end photos (not the quarterly one); C: its quarterly photo. Print size 1200 × 900.
    assert _images(pdf) == [(1200, 900)] * 3
    text = html_text(render_annual_html(photographed))
    assert squeeze("ภาพที่ ๑ อบรมครูวันแรก") in text and squeeze("ภาพที่ ๒ อบรมครูวันที่สอง") in text
    assert squeeze("ภาพที่ ๑ ภาพโครงการซี") in text and "ภาพไตรมาสสาม" not in text


def test_it_prints_up_to_the_number_asked_per_project_or_none(photographed):
    photographed.photos, photographed.photos_per_project = "some", 1
    assert len(_images(render_annual_pdf(photographed))) == 2  # A 1 of 2, C 1
    photographed.photos = "none"
    assert _images(render_annual_pdf(photographed)) == []
