"""Print views of one project and one quarterly report (issue #19, item 8): the booklet's project
section on A4, as HTML with the booklet's stylesheet or as a PDF; linked from the pages."""

from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import ActivityProgress
from tests import factories


@pytest.fixture
def reported(world):
    activity = factories.ActivityFactory(project=world.project_a, title="อบรมครูเรื่องการอ่าน")
    report = factories.QuarterlyReportFactory(
        project=world.project_a, quarter=2, state="submitted", status="in_progress",
        results="ครูเข้าอบรม ๔๐ คน", spent_amount=Decimal("9000"), problems="งบประมาณล่าช้า",
    )
    ActivityProgress.objects.create(report=report, activity=activity, status="completed", text="จัดอบรมแล้ว")
    draft = factories.QuarterlyReportFactory(project=world.project_a, quarter=3, state="draft",
                                             results="ยังเป็นร่าง")
    return report, draft


def test_it_prints_the_project_as_the_booklet_does(client, world, reported):
    client.force_login(world.director)
    response = client.get(reverse("reports:print_project", kwargs={"pk": world.project_a.pk}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "css/booklet.css" in body and 'class="project"' in body
    assert world.project_a.title in body
    assert "ครูเข้าอบรม ๔๐ คน" in body and "จัดอบรมแล้ว" in body
    assert "ยังเป็นร่าง" not in body, "a draft is the owner's, not printed with the project"


def test_it_prints_one_report_whatever_its_state(client, world, reported):
    client.force_login(world.owner_a)
    body = client.get(reverse("reports:print_report", kwargs={"pk": world.project_a.pk, "quarter": 3})).content.decode()
    assert "ยังเป็นร่าง" in body and "ฉบับร่าง" in body
    body = client.get(reverse("reports:print_report", kwargs={"pk": world.project_a.pk, "quarter": 2})).content.decode()
    assert "ครูเข้าอบรม ๔๐ คน" in body and "งบประมาณล่าช้า" in body and "ยังเป็นร่าง" not in body
    body = client.get(reverse("reports:print_report", kwargs={"pk": world.project_a.pk, "quarter": 4})).content.decode()
    assert "ยังไม่มีรายงานของไตรมาสนี้" in body


def test_it_gives_the_report_as_an_a4_pdf(client, world, reported):
    """?format=pdf starts the PDF's document job (issue #13 point 7); without a broker it runs at once and
    the link ends on the file (tests/reports/test_document_jobs.py checks the job itself)."""
    client.force_login(world.planner)
    response = client.get(reverse("reports:print_report", kwargs={"pk": world.project_a.pk, "quarter": 2}),
                          {"format": "pdf"}, follow=True)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_it_links_the_print_views_from_the_project_and_the_report(client, world, reported):
    client.force_login(world.director)
    detail = client.get(reverse("projects:detail", kwargs={"pk": world.project_a.pk})).content.decode()
    assert reverse("reports:print_project", kwargs={"pk": world.project_a.pk}) in detail
    page = client.get(reverse("reporting:report", kwargs={"pk": world.project_a.pk, "quarter": 2})).content.decode()
    assert reverse("reports:print_report", kwargs={"pk": world.project_a.pk, "quarter": 2}) in page


def test_it_hides_another_offices_project(client, world, reported):
    client.force_login(world.other_planner)
    assert client.get(reverse("reports:print_project", kwargs={"pk": world.project_a.pk})).status_code == 404
