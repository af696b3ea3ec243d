"""Evidence pages: files served only to the office through an access check, with a Thai name."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from projects.evidence import services
from projects.evidence.models import Attachment
from tests import factories
from tests.evidence import samples


def _attach(report, user, name, data, caption):
    return services.attachments_add(project=report.project, report=report, user=user, uploads=[
        services.Upload(name=name, file=samples.upload(name, data), caption=caption)])[0]


@pytest.fixture
def photo(world, report):
    return _attach(report, world.owner_a, "IMG_0001.jpg", samples.jpeg(), "อบรมครู: วันที่ 1")


@pytest.fixture
def document(world, report):
    return _attach(report, world.owner_a, "x.pdf", samples.pdf(), "คำสั่งแต่งตั้งคณะทำงาน")


@pytest.mark.parametrize("user", ["owner_a", "owner_b", "planner", "director", "finance"])
def test_it_serves_the_photo_to_every_member_of_the_office(client, world, photo, user):
    client.force_login(getattr(world, user))
    response = client.get(reverse("evidence:download", args=[photo.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline")
    assert "filename*=utf-8''" + quote("อบรมครู วันที่ 1.jpg") in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_it_downloads_a_document_with_its_thai_title(client, world, document):
    client.force_login(world.director)
    response = client.get(reverse("evidence:download", args=[document.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert quote("คำสั่งแต่งตั้งคณะทำงาน.pdf") in response["Content-Disposition"]


@pytest.mark.parametrize("name", ["evidence:download", "evidence:thumbnail"])
def test_another_office_gets_404(client, world, photo, name):
    client.force_login(world.other_planner)
    assert client.get(reverse(name, args=[photo.pk])).status_code == 404


def test_a_signed_out_visitor_is_sent_to_log_in(client, photo):
    response = client.get(reverse("evidence:download", args=[photo.pk]))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_there_is_no_public_media_url(client, photo):
    assert client.get("/media/" + photo.file).status_code == 404


def test_a_document_has_no_thumbnail(client, world, document):
    client.force_login(world.planner)
    assert client.get(reverse("evidence:thumbnail", args=[document.pk])).status_code == 404


def test_the_owner_attaches_several_photos_from_the_form(client, world, report):
    client.force_login(world.owner_a)
    response = client.post(reverse("evidence:add_to_report", args=[report.pk]), {
        "files": [samples.upload("a.jpg", samples.jpeg()), samples.upload("b.heic", samples.heic())],
        "caption": "ลงพื้นที่นิเทศ",
    })
    assert response.status_code == 302
    assert response.url.endswith(f"/reporting/projects/{world.project_a.pk}/q2/#evidence")
    assert list(Attachment.objects.values_list("caption", "file_type")) == [("ลงพื้นที่นิเทศ", "jpeg")] * 2


def test_the_page_script_gets_a_thai_refusal_as_json(client, world, report):
    client.force_login(world.owner_a)
    response = client.post(reverse("evidence:add_to_report", args=[report.pk]), {
        "files": [samples.upload("virus.jpg", b"MZ this is a program")], "caption": "x",
    }, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 400
    assert response.json() == {"ok": False, "message": response.json()["message"]}
    assert "ไม่ใช่ภาพ" in response.json()["message"]
    assert not Attachment.objects.exists()


def test_a_reader_who_tries_to_attach_gets_403(client, world, report):
    for user in (world.director, world.finance, world.owner_b):
        client.force_login(user)
        response = client.post(reverse("evidence:add_to_report", args=[report.pk]), {
            "files": [samples.upload("a.jpg", samples.jpeg())], "caption": "x"})
        assert response.status_code == 403
    assert not Attachment.objects.exists()


def test_the_report_page_shows_thumbnails_and_documents(client, world, photo, document):
    client.force_login(world.planner)
    page = client.get(reverse("reporting:report", args=[world.project_a.pk, 2])).content.decode()
    assert reverse("evidence:thumbnail", args=[photo.pk]) in page
    assert "คำสั่งแต่งตั้งคณะทำงาน" in page
    assert 'capture="environment"' in page and 'accept="image/*"' in page


def test_a_reader_sees_the_files_without_the_upload_form(client, world, photo):
    client.force_login(world.director)
    page = client.get(reverse("reporting:report", args=[world.project_a.pk, 2])).content.decode()
    assert reverse("evidence:thumbnail", args=[photo.pk]) in page
    assert "evidence-photo-form" not in page


def test_the_report_page_asks_for_a_draft_before_files(client, world, report):
    report.delete()
    client.force_login(world.owner_a)
    page = client.get(reverse("reporting:report", args=[world.project_a.pk, 2])).content.decode()
    assert "บันทึกฉบับร่างของรายงานก่อน" in page


def test_the_owner_deletes_and_moves_on_a_draft(client, world, report, photo):
    second = _attach(report, world.owner_a, "b.jpg", samples.png(), "ภาพที่สอง")
    client.force_login(world.owner_a)
    client.post(reverse("evidence:move", args=[second.pk]), {"direction": "up"})
    assert list(Attachment.objects.values_list("pk", flat=True)) == [second.pk, photo.pk]
    response = client.post(reverse("evidence:delete", args=[photo.pk]))
    assert response.status_code == 302
    assert list(Attachment.objects.values_list("pk", flat=True)) == [second.pk]


def test_the_caption_can_be_corrected(client, world, photo):
    client.force_login(world.owner_a)
    client.post(reverse("evidence:caption", args=[photo.pk]), {"caption": "อบรมครู รุ่นที่ ๒"})
    photo.refresh_from_db()
    assert photo.caption == "อบรมครู รุ่นที่ ๒"


def test_a_project_page_takes_files_of_the_project(client, world):
    client.force_login(world.owner_a)
    client.post(reverse("evidence:add_to_project", args=[world.project_a.pk]), {
        "files": [samples.upload("แผน.docx", samples.docx())], "caption": ""})
    [document] = Attachment.objects.all()
    assert (document.report, document.caption) == (None, "แผน")
    page = client.get(reverse("projects:detail", args=[world.project_a.pk])).content.decode()
    assert "แผน" in page and reverse("evidence:download", args=[document.pk]) in page


def test_another_offices_project_answers_404_to_an_upload(client, world):
    client.force_login(world.other_planner)
    response = client.post(reverse("evidence:add_to_project", args=[world.project_a.pk]), {
        "files": [samples.upload("a.jpg", samples.jpeg())], "caption": "x"})
    assert response.status_code == 404


def test_files_of_another_offices_report_answer_404(client, world):
    other_report = factories.QuarterlyReportFactory(project=world.other_project, quarter=1)
    photo = _attach(other_report, world.other_planner, "a.jpg", samples.jpeg(), "ภาพ")
    client.force_login(world.planner)
    for name in ("evidence:download", "evidence:thumbnail"):
        assert client.get(reverse(name, args=[photo.pk])).status_code == 404
    for name in ("evidence:delete", "evidence:move", "evidence:caption"):
        assert client.post(reverse(name, args=[photo.pk])).status_code == 404
