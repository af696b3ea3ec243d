"""L2: numbers outside a column's range are a Thai form error on every database (SQLite enforces
nothing; PostgreSQL answered 500), and huge ids in forms or URLs never overflow."""

import pytest
from django.urls import reverse

from plans.models import Group
from projects.models import Project
from tests.support.html_forms import the_form


@pytest.mark.parametrize("value", ["32768", "-1", "99999999999999999999999"])
def test_a_project_display_order_out_of_range_is_refused(client, world, value):
    client.force_login(world.planner)
    url = reverse("projects:edit", kwargs={"pk": world.project_a.pk})
    form = the_form(client.get(url), containing="display_order")
    response = client.post(url, form.data(display_order=value))
    assert response.status_code == 200
    assert "display_order" in response.context["form"].errors
    assert Project.objects.get(pk=world.project_a.pk).display_order == world.project_a.display_order


def test_a_group_display_order_out_of_range_is_refused(client, world):
    client.force_login(world.planner)
    url = reverse("plans:group_create")
    form = the_form(client.get(url), containing="display_order")
    response = client.post(url, form.data(name="กลุ่มใหม่", short_name="ใหม่", abbreviation="ใม",
                                          display_order="32768"))
    assert response.status_code == 200
    assert not Group.objects.filter(name="กลุ่มใหม่").exists()


@pytest.mark.parametrize("field", ["version", "strategy", "group", "owners"])
def test_a_huge_id_or_version_in_a_form_is_not_a_server_error(client, world, field):
    client.force_login(world.planner)
    url = reverse("projects:edit", kwargs={"pk": world.project_a.pk})
    form = the_form(client.get(url), containing="display_order")
    response = client.post(url, form.data(**{field: "9" * 30}))
    assert response.status_code == 200
