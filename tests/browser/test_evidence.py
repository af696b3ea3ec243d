"""On a phone (390 x 844): the owner attaches two photos and a PDF to the quarter's report and sends
it; the planner sees them on the report; the booklet preview shows the photos."""

import datetime
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from plans.models import ReportingWindow
from projects.models import Attachment, QuarterlyReport, ReportState
from reports.models import Booklet
from tests.browser.test_accessibility import _violations
from tests.evidence import samples

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def _shot(page, name):
    folder = os.environ.get("TIDTAM_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def _images_loaded(page, selector):
    """Waits (Playwright's timeout) until every image of `selector` has loaded; lazy ones are scrolled to."""
    for image in page.locator(selector).all():
        image.scroll_into_view_if_needed()
    page.wait_for_function(
        "sel => [...document.querySelectorAll(sel)].every(i => i.complete && i.naturalWidth > 0)", arg=selector)
    return page.eval_on_selector_all(selector, "imgs => imgs.map(i => i.complete && i.naturalWidth > 0)")


def test_the_owner_attaches_photos_and_a_pdf_from_a_phone(browser, live_server, login, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    report_url = f"{live_server.url}/reporting/projects/{world.project_a.pk}/q2/"

    owner = login(browser.new_context(**PHONE).new_page(), "owner_a")
    owner.goto(report_url)
    expect(owner.locator("#evidence-needs-report")).to_be_visible()
    owner.select_option("#id_status", "in_progress")
    for box in ("national_strategy", "master_plan", "sub_plan", "nesdp"):
        owner.click(f"button.no-effect[data-target=id_contribution_{box}]")
    owner.fill("#id_spent_amount", "0")
    owner.fill("#id_results", "อบรมครู 40 คน")
    owner.click("button[value=draft]")
    expect(owner.locator(".alert-success")).to_contain_text("บันทึกฉบับร่างแล้ว")

    # The camera button's input: accept="image/*" multiple capture. Two photos, one a HEIC.
    camera = owner.locator("#evidence-photo-form input[capture]")
    assert camera.get_attribute("accept") == "image/*" and camera.get_attribute("multiple") is not None
    camera.set_input_files([
        {"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": samples.jpeg((1600, 1200))},
        {"name": "IMG_0002.HEIC", "mimeType": "image/heic", "buffer": samples.heic((1200, 900))},
    ])
    captions = owner.locator("#evidence-photo-form .evidence-file-caption")
    expect(captions).to_have_count(2)
    captions.nth(0).fill("อบรมครูเรื่องการอ่าน ห้องประชุมเขต")
    captions.nth(1).fill("ครูฝึกปฏิบัติเป็นกลุ่ม")
    _shot(owner, "phone-report-form-chosen.png")
    owner.click("#evidence-photo-form .evidence-send")
    expect(owner.locator("#evidence-photos figure")).to_have_count(2)
    assert _images_loaded(owner, "#evidence-photos img") == [True, True]

    owner.locator("#evidence-document-form input.evidence-files").set_input_files(
        {"name": "คำสั่งแต่งตั้ง.pdf", "mimeType": "application/pdf", "buffer": samples.pdf(pages=2)})
    owner.fill("#evidence-document-form .evidence-file-caption", "คำสั่งแต่งตั้งคณะทำงาน")
    owner.click("#evidence-document-form .evidence-send")
    expect(owner.locator("#evidence-documents")).to_contain_text("คำสั่งแต่งตั้งคณะทำงาน")

    # A refused file says why, in Thai, next to it; nothing is stored.
    owner.locator("#evidence-document-form input.evidence-files").set_input_files(
        {"name": "virus.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a pdf"})
    owner.click("#evidence-document-form .evidence-send")
    expect(owner.locator("#evidence-document-form .evidence-file-message")).to_contain_text("ไม่ใช่ภาพ")
    assert Attachment.objects.count() == 3

    owner.goto(report_url + "#evidence")
    _shot(owner, "phone-report-form.png")
    # The page with photos, documents and both upload forms passes axe and fits the phone.
    assert _violations(owner) == []
    assert owner.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    owner.click("button[value=submit]")
    expect(owner.locator(".alert-success")).to_contain_text("ส่งรายงานแล้ว")
    assert QuarterlyReport.objects.get().state == ReportState.SUBMITTED
    expect(owner.locator("#evidence-locked")).to_contain_text("ส่งแล้ว")
    expect(owner.locator("#evidence-photo-form")).to_have_count(0)

    planner = login(browser.new_context().new_page(), "planner1")
    planner.goto(report_url)
    expect(planner.locator("#evidence-photos figcaption")).to_have_text(
        ["อบรมครูเรื่องการอ่าน ห้องประชุมเขต", "ครูฝึกปฏิบัติเป็นกลุ่ม"])
    assert _images_loaded(planner, "#evidence-photos img") == [True, True]
    expect(planner.locator("#evidence-documents a")).to_have_text("คำสั่งแต่งตั้งคณะทำงาน")

    booklet = Booklet.objects.create(action_plan=world.plan, months=6, photos="all", created_by=world.planner)
    planner.goto(f"{live_server.url}/booklets/{booklet.pk}/preview/")
    # The preview loads a section's list, then a project's section, when each is opened (issue #12).
    for section in planner.locator("details.lazy-section > summary").all():
        section.click()
    planner.locator(f"#project-{world.project_a.pk} > summary").click()
    expect(planner.locator(".photo-grid figure")).to_have_count(2)
    assert _images_loaded(planner, ".photo-grid img") == [True, True]
    expect(planner.locator(".photo-grid figcaption").first).to_contain_text("อบรมครูเรื่องการอ่าน")
    _shot(planner, "booklet-preview.png")
