"""M10: an applied upload cannot be confirmed again (it would silently revert later edits), and a
confirm without the preview's fingerprint is refused (it would skip the "preview outdated" guard)."""

from django.urls import reverse

from projects.models import ImportUpload, Project
from tests.projects.test_plan_import_views import _template_with_project, _upload
from tests.support.html_forms import the_form


def _preview_form(client):
    upload = ImportUpload.objects.get()
    return upload, the_form(client.get(reverse("imports:preview", kwargs={"pk": upload.pk})), containing="fingerprint")


def test_an_applied_upload_cannot_be_confirmed_again(client, world):
    client.force_login(world.planner)
    _upload(client, _template_with_project(world, amount="12,500"))
    upload, form = _preview_form(client)
    confirm = reverse("imports:confirm", kwargs={"pk": upload.pk})
    assert client.post(confirm, form.data()).status_code == 302
    project = Project.objects.get(code="N01")
    project.title = "แก้ชื่อภายหลัง"
    project.save()
    project.allocations.update(amount=20000)
    again = client.post(confirm, form.data(), follow=True)
    assert "นำเข้าไปแล้ว" in again.content.decode()
    project.refresh_from_db()
    assert project.title == "แก้ชื่อภายหลัง"
    assert project.allocations.get().amount == 20000


def test_a_confirm_without_the_previews_fingerprint_is_refused(client, world):
    client.force_login(world.planner)
    _upload(client, _template_with_project(world))
    upload, form = _preview_form(client)
    response = client.post(reverse("imports:confirm", kwargs={"pk": upload.pk}), form.data(fingerprint=None))
    assert response.status_code == 200
    assert "ตรวจสอบ" in response.content.decode()
    assert not Project.objects.filter(code="N01").exists()
    upload.refresh_from_db()
    assert upload.applied_at is None
