"""After an Excel results import the owner sends the imported drafts together (issue #19, item 7):
each through the submit service; the incomplete ones are listed with what is missing and stay drafts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.models import ReportingWindow
from projects.models import ImportUpload, QuarterlyReport, ReportState
from projects.reporting.services import CONTRIBUTION_FIELDS, NO_EFFECT_SENTENCE
from projects.workbooks.results_workbook import build_results_workbook
from tests import factories
from tests.projects.test_results_workbook import _fill

COMPLETE = {
    "สถานะการดำเนินงาน": "อยู่ระหว่างดำเนินการ",
    "ใช้จ่ายในไตรมาสนี้ (บาท)": 0,
    "ผลการดำเนินงาน": "อบรมครู ๔๐ คน",
}


@pytest.fixture
def two_projects(world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=datetime.date(2024, 1, 10))
    second = factories.ProjectFactory(action_plan=world.plan, group=world.group, strategy=world.strategy,
                                      owners=[world.owner_a])
    return world.project_a, second


def _headers(world):
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(build_results_workbook(world.owner_a, world.plan, 1)))
    return [str(c.value).rstrip(" *") for c in book.active[1]]


def _import(client, world, values_by_code):
    data = _fill(build_results_workbook(world.owner_a, world.plan, 1), values_by_code)
    response = client.post(reverse("imports:results_upload", kwargs={"quarter": 1}),
                           {"file": SimpleUploadedFile("q1.xlsx", data)})
    fingerprint = client.get(response.url).context["check"].fingerprint
    return client.post(response.url + "confirm/", {"fingerprint": fingerprint})


def test_it_offers_to_send_the_imported_drafts_and_sends_the_complete_ones(client, world, two_projects):
    complete, incomplete = two_projects
    contributions = {h: NO_EFFECT_SENTENCE for h in _headers(world) if h.startswith("การมีส่วนร่วม")}
    assert len(contributions) == len(CONTRIBUTION_FIELDS)
    client.force_login(world.owner_a)
    response = _import(client, world, {complete.code: {**COMPLETE, **contributions},
                                       incomplete.code: {"ผลการดำเนินงาน": "ยังเขียนไม่ครบ"}})
    upload = ImportUpload.objects.get()
    assert response.url == reverse("imports:submit_drafts", kwargs={"pk": upload.pk})
    page = client.get(response.url)
    drafts = dict(page.context["drafts"])
    by_project = {r.project_id: reasons for r, reasons in drafts.items()}
    assert not by_project[complete.pk], by_project[complete.pk]
    assert by_project[incomplete.pk], "the incomplete draft says what is missing"
    body = page.content.decode()
    assert "กรุณากรอกจำนวนเงินที่ใช้จ่าย" in body
    reports = {r.project_id: r for r in drafts}
    response = client.post(response.url + "confirm/", {"report": [reports[complete.pk].pk, reports[incomplete.pk].pk]},
                           follow=True)
    body = response.content.decode()
    states = dict(QuarterlyReport.objects.values_list("project_id", "state"))
    assert states[complete.pk] == ReportState.SUBMITTED
    assert states[incomplete.pk] == ReportState.DRAFT
    assert "ส่งรายงานแล้ว ๑ ฉบับ" in body  # in the office's interface digits (Thai unless it chose Arabic)
    assert f"ยังส่งไม่ได้ {incomplete.code} ไตรมาสที่ ๑" in body and "กรุณากรอกจำนวนเงินที่ใช้จ่าย" in body
    sent = QuarterlyReport.objects.get(project=complete).history.latest()
    assert (sent.history_change_reason, sent.history_user) == ("ส่งรายงาน", world.owner_a)


def test_it_sends_nothing_when_nothing_is_checked(client, world, two_projects):
    client.force_login(world.owner_a)
    response = _import(client, world, {two_projects[0].code: {"ผลการดำเนินงาน": "ผล"}})
    body = client.post(response.url + "confirm/", {"report": ["junk"]}, follow=True).content.decode()
    assert "ยังไม่ได้เลือกรายงาน" in body
    assert not QuarterlyReport.objects.exclude(state=ReportState.DRAFT).exists()


def test_it_never_sends_another_owners_report(client, world, two_projects):
    other = QuarterlyReport.objects.create(project=world.project_b, quarter=1)
    client.force_login(world.owner_a)
    response = _import(client, world, {two_projects[0].code: {"ผลการดำเนินงาน": "ผล"}})
    client.post(response.url + "confirm/", {"report": [other.pk]})
    other.refresh_from_db()
    assert other.state == ReportState.DRAFT

