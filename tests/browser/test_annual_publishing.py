"""In Chromium: a planner publishes the annual report through its job and downloads the draft; a director
downloads the published PDF (issue #13: no web request lays out the PDF; here tasks run eagerly)."""

import io

import pytest
from pypdf import PdfReader

from reports.annual.models import AnnualPublication, AnnualReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_planner_publishes_the_annual_report_and_a_director_downloads_it(world, page, live_server, login):
    AnnualReport.objects.create(action_plan=world.plan, parts=["registers"], document_number="7/2567")
    login(page, "planner1")
    page.goto(f"{live_server.url}/booklets/")
    with page.expect_navigation():
        page.locator("#annual-reports form button", has_text="เผยแพร่").click()
    assert "/booklets/jobs/" in page.url
    assert page.locator("#job-state").inner_text() == "เสร็จแล้ว"
    assert page.locator("#job").get_attribute("data-status-url") is None  # done: no more polling
    published = page.locator("#job-publication")
    assert published.is_visible() and "/booklets/annual/published/" in published.get_attribute("href")

    page.goto(f"{live_server.url}/booklets/")
    assert "เสร็จแล้ว" in page.locator("#annual-reports").inner_text()
    with page.expect_navigation():
        page.locator("#annual-reports a", has_text="ตัวอย่าง").click()
    with page.expect_navigation():
        page.click("text=ดาวน์โหลด PDF (ฉบับร่าง)")
    with page.expect_download() as download:
        page.click("#job-download")
    assert download.value.suggested_filename == "รายงานผลการดำเนินงาน-2567-ฉบับร่าง.pdf"

    page.context.clear_cookies()
    login(page, "director1")
    page.goto(f"{live_server.url}/booklets/")
    link = page.locator("#annual-publications a").first
    response = page.request.get(live_server.url + link.get_attribute("href"))
    publication = AnnualPublication.objects.get()
    assert response.status == 200 and response.body() == bytes(publication.pdf)
    assert len(PdfReader(io.BytesIO(response.body())).pages) == publication.pages
