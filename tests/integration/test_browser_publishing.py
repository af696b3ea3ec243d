"""In Chromium, with a real worker on Redis: the planner publishes and watches the job's progress
page, leaves it and finds the job in the booklet list; the director downloads the published PDF."""

import hashlib

import pytest

from reports.models import Booklet, Publication
from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def test_the_planner_publishes_sees_progress_and_the_director_downloads(world, workers, page, live_server,
                                                                         login, tmp_path):
    for _ in range(12):
        f.ProjectFactory(action_plan=world.plan, group=world.group, strategy=world.strategy)
    booklet = Booklet.objects.create(action_plan=world.plan, months=6, document_number="3/2567")
    workers.start()
    login(page, "planner1")
    page.goto(f"{live_server.url}/booklets/")
    page.click("#booklets button:has-text('เผยแพร่')")
    page.wait_for_url("**/booklets/jobs/*/")
    # The worker has it: queued or being laid out, with a progress bar, and the page polls.
    assert page.locator("#job-state").inner_text() in ("รอคิว", "กำลังทำ")
    assert page.locator(".progress").is_visible() and page.locator("#job-phase").inner_text()
    assert page.locator("#job[data-status-url]").count() == 1  # its script asks for the state
    page.screenshot(path=str(tmp_path / "job-running.png"))
    job_url = page.url

    # Leave and come back: the list shows the job.
    page.goto(f"{live_server.url}/booklets/")
    assert page.locator("#booklets").get_by_text("เผยแพร่", exact=False).first.is_visible()
    page.goto(job_url)
    page.locator("#job[data-state=done]").wait_for(timeout=120_000)  # the script reloads it when done
    assert page.get_by_text("เปิดไฟล์ที่เผยแพร่").is_visible()
    page.screenshot(path=str(tmp_path / "job-done.png"))
    publication = Publication.objects.get(booklet=booklet)

    page.context.clear_cookies()
    login(page, "director1")
    page.goto(f"{live_server.url}/booklets/")
    link = page.locator("#publications a").first
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert hashlib.sha256(response.body()).hexdigest() == publication.sha256
