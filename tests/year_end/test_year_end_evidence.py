"""#18 on the year-end report: photos and files hang from it as from a quarterly report; its owners
change them while it is a draft or returned, only the planner once sent, nobody once accepted."""

import pytest
from django.urls import reverse

from projects.evidence.models import Attachment
from projects.evidence.selectors import attachments_of, year_end_photos
from projects.models import YearEndReport
from tests.evidence import samples


@pytest.fixture
def report(world):
    return YearEndReport.objects.create(project=world.project_a)


def _add(client, report, name="IMG_1.jpg", caption="สรุปผลโครงการ"):
    return client.post(reverse("evidence:add_to_year_end", kwargs={"pk": report.pk}),
                       {"files": samples.upload(name, samples.jpeg()), "caption": caption},
                       headers={"x-requested-with": "XMLHttpRequest"})


def test_the_owner_attaches_a_photo_to_a_draft_and_it_shows_on_the_year_end_page(client, world, report):
    client.force_login(world.owner_a)
    response = _add(client, report)
    assert response.status_code == 200 and response.json()["ok"]
    photo = Attachment.objects.get()
    assert (photo.year_end_id, photo.report_id, photo.project_id) == (report.pk, None, world.project_a.pk)
    assert year_end_photos(report) == [photo]
    assert attachments_of(world.project_a) == []  # not one of the project's own files
    page = client.get(reverse("year_end:report", kwargs={"pk": world.project_a.pk})).content.decode()
    assert reverse("evidence:thumbnail", args=[photo.pk]) in page
    assert reverse("evidence:add_to_year_end", kwargs={"pk": report.pk}) in page
    history = client.get(reverse("reporting:history", kwargs={"pk": world.project_a.pk})).content.decode()
    assert "รายงานสิ้นสุดโครงการ: ภาพกิจกรรม “สรุปผลโครงการ”" in history


def test_once_sent_only_the_planner_changes_files_and_once_accepted_nobody(client, world, report):
    report.state = "submitted"
    report.save()
    client.force_login(world.owner_a)
    response = _add(client, report)
    assert response.status_code == 400 and "รายงานนี้ส่งแล้ว" in response.json()["message"]
    client.force_login(world.planner)
    assert _add(client, report).json()["ok"]
    photo = Attachment.objects.get()
    report.state = "accepted"
    report.save()
    for user in (world.owner_a, world.planner):
        client.force_login(user)
        assert _add(client, report, "IMG_2.jpg").status_code == 400
        response = client.post(reverse("evidence:delete", args=[photo.pk]),
                               headers={"x-requested-with": "XMLHttpRequest"})
        assert "ได้รับการตรวจรับแล้ว" in response.json()["message"]
    assert Attachment.objects.count() == 1


def test_another_office_and_other_members(client, world, report):
    client.force_login(world.owner_a)
    _add(client, report)
    photo = Attachment.objects.get()
    client.force_login(world.other_planner)
    assert client.get(reverse("evidence:download", args=[photo.pk])).status_code == 404
    assert _add(client, report).status_code == 404
    client.force_login(world.owner_b)
    assert client.get(reverse("evidence:thumbnail", args=[photo.pk])).status_code == 200
    assert _add(client, report).status_code == 403
    assert Attachment.objects.count() == 1
