"""The annual report's pages: the planner's set-up (with the projects' digest beside the text boxes),
bad input answered in Thai with nothing written, publishing editions that never change."""

import hashlib
import io
from urllib.parse import quote

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from plans.interface_digits import phrase
from plans.models import Role
from reports.annual.models import AnnualPublication, AnnualReport
from tests import factories as f


@pytest.fixture
def planner(year, client):
    f.MembershipFactory(user=year.planner, office=year.office, role=Role.PLANNER)
    client.force_login(year.planner)
    return year.planner


def _form(**changes):
    data = {"document_number": "12/2567", "grouping": "strategy", "digits": "thai", "parts": ["registers", "projects"],
            "photos": "some", "photos_per_project": "4", "signer": "กลุ่มนโยบายและแผน", "foreword": "",
            "office_problems": "", "office_recommendations": "", "version": "0"}
    data.update(changes)
    return data


def test_it_sets_up_the_annual_report_of_a_year(client, planner, year):
    response = client.post(reverse("reports:annual_new"), _form(action_plan=year.plan.pk))
    report = AnnualReport.objects.get(action_plan=year.plan)
    assert response.status_code == 302 and response["Location"] == reverse("reports:annual_edit", args=[report.pk])
    assert report.parts == ["registers", "projects"] and report.created_by == planner


@pytest.mark.parametrize("changes, message", [
    ({"photos_per_project": "0"}, "ค่าต้องไม่น้อยกว่า ๑"),
    ({"photos_per_project": "41"}, "ค่าต้องไม่เกิน ๔๐"),
    ({"photos_per_project": "99999999999"}, "ค่าต้องไม่เกิน"),
    ({"photos_per_project": "สี่"}, "ตัวเลข"),
    ({"grouping": "status"}, "กรุณาเลือกจากรายการ"),
    ({"digits": "roman"}, "กรุณาเลือกจากรายการ"),
    ({"parts": ["registers", "appendix"]}, "กรุณาเลือกจากรายการ"),
    ({"foreword": "ก" * 5001}, "๕๐๐๐"),
    ({"office_problems": "ก" * 5001}, "๕๐๐๐"),
    ({"document_number": "๑" * 51}, "50"),
])
def test_bad_input_is_a_thai_message_and_nothing_is_written(client, planner, year, changes, message):
    response = client.post(reverse("reports:annual_new"), _form(action_plan=year.plan.pk, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_another_offices_plan_cannot_be_chosen(client, planner):
    other = f.ActionPlanFactory()
    response = client.post(reverse("reports:annual_new"), _form(action_plan=other.pk))
    assert response.status_code == 200 and "ตัวเลือกนี้ไม่มีในรายการแล้ว" in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_the_edit_page_shows_the_projects_problems_beside_the_text_boxes(client, planner, annual, year):
    page = client.get(reverse("reports:annual_edit", args=[annual.pk])).content.decode()
    # A's and B's accepted year-end problems; C's quarterly one (no year-end report yet).
    for text in ("งบประมาณมาล่าช้า", "ควรจัดอบรมต้นปีงบประมาณ", "ครูติดภารกิจการสอน", "ห้องประชุมไม่พอ"):
        assert text in page
    assert page.index('name="office_problems"') < page.index("ปัญหาและข้อเสนอแนะของโครงการ (จากรายงานสิ้นปี)")


def test_the_edit_keeps_what_another_planner_saved(client, planner, annual):
    url = reverse("reports:annual_edit", args=[annual.pk])
    AnnualReport.objects.filter(pk=annual.pk).update(version=2)
    response = client.post(url, _form(version="1", office_problems="ของฉัน"))
    assert response.status_code == 200 and "ถูกแก้ไขโดยผู้อื่น" in response.content.decode()
    annual.refresh_from_db()
    assert annual.office_problems == "งบประมาณล่าช้า\nเวลาน้อย"


def test_publishing_keeps_each_edition_as_it_was_issued(client, planner, annual):
    annual.parts = ["registers"]
    annual.save()
    client.post(reverse("reports:annual_publish", args=[annual.pk]))
    first = AnnualPublication.objects.get()
    assert first.sha256 == hashlib.sha256(bytes(first.pdf)).hexdigest() and first.size == len(bytes(first.pdf))
    assert first.title == "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗" and first.pages >= 3
    stored = bytes(first.pdf)
    AnnualReport.objects.filter(pk=annual.pk).update(document_number="13/2567")
    client.post(reverse("reports:annual_publish", args=[annual.pk]))
    second = AnnualPublication.objects.order_by("pk").last()
    first.refresh_from_db()
    assert bytes(first.pdf) == stored and second.document_number == "13/2567"
    download = client.get(reverse("reports:annual_publication_pdf", args=[first.pk]))
    assert download.content == stored
    assert quote("รายงานผลการดำเนินงาน-2567-ฉบับที่1.pdf") in download["Content-Disposition"]
    listing = client.get(reverse("reports:booklets")).content.decode()
    assert phrase(annual.office, "ฉบับที่ {n}", n=2) in listing and "มีฉบับใหม่กว่าแล้ว" in listing


def test_every_member_downloads_the_excel_tables(client, annual, year):
    reader = f.MembershipFactory(office=year.office, role=Role.DIRECTOR).user
    client.force_login(reader)
    response = client.get(reverse("reports:annual_excel", args=[annual.pk]))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[:2] == ["ผลสัมฤทธิ์", "บัญชีโครงการ"]
    rows = {row[0]: row for row in book["ผลสัมฤทธิ์"].iter_rows(min_row=3, values_only=True)}
    # In plan: 4 projects, 2 assessed, 1 achieved, 1 missed, 2 not reported, 50.00 %.
    assert rows["โครงการตามแผนปฏิบัติการ"][1:7] == (4, 2, 1, 1, 2, 50)
    indicators = {row[0]: row for row in book["ตัวชี้วัด"].iter_rows(min_row=3, values_only=True)}
    # 4 indicators, 3 assessed, 2 achieved, 66.67 %, 1 missed, 0 not reported, 1 N/A.
    assert indicators["รวมตัวชี้วัดของโครงการ"][1:] == (4, 3, 2, 66.67, 1, 0, 1)


def test_the_dashboard_links_the_published_annual_report(client, planner, annual):
    client.post(reverse("reports:annual_publish", args=[annual.pk]))
    publication = AnnualPublication.objects.get()
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert reverse("reports:annual_publication_pdf", args=[publication.pk]) in page


@pytest.mark.parametrize("query", ["?year=abc", "?year=99999999999999999999", "?grouping=%00", "?page=-1&digits=x"])
def test_no_query_parameter_breaks_a_page(client, planner, annual, query):
    for name in ("annual_edit", "annual_preview"):
        assert client.get(reverse(f"reports:{name}", args=[annual.pk]) + query).status_code == 200
    assert client.get(reverse("reports:annual_new") + query).status_code == 200
