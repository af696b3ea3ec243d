"""M3: a Word line break (vertical tab) or another control character in one title no longer breaks the
exports: input is normalised (vertical tab → newline, other C0 characters dropped) and the writers
sanitise what is already stored."""

import pytest
from django.urls import reverse

from projects.models import Project
from tests.hardening.workbook_helpers import cells_of, every_workbook

TITLE = "อบรมครู\x0bรุ่นที่ 2\x07\x1f"


@pytest.mark.parametrize("kind", ["plan", "results", "booklet"])
def test_the_exports_write_a_title_stored_with_control_characters(world, kind):
    Project.objects.filter(pk=world.project_a.pk).update(title=TITLE)  # stored before the fix
    values = [c.value for c in cells_of(every_workbook(world)[kind])]
    assert "อบรมครู\nรุ่นที่ 2" in values


def test_an_owner_typing_a_vertical_tab_stores_a_newline(client, world):
    client.force_login(world.owner_a)
    url = reverse("projects:edit", kwargs={"pk": world.project_a.pk})
    response = client.post(url, {"title": TITLE, "version": world.project_a.version,
                                 "reported_to_national_system": "on"})
    assert response.status_code == 302, response.context["form"].errors
    world.project_a.refresh_from_db()
    assert world.project_a.title == "อบรมครู\nรุ่นที่ 2"


def test_a_cell_read_from_an_uploaded_workbook_is_cleaned_too():
    from projects.workbooks.cells import text

    assert text("ก\x0bข\x00ค") == "ก\nขค"
