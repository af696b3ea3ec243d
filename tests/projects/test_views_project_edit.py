from decimal import Decimal

from django.urls import reverse

from budget.plan_services import money_version
from projects.models import Project
from tests import factories


def _form(project, **changes):
    data = {
        "version": project.version,
        "code": project.code,
        "title": project.title,
        "strategy": project.strategy_id,
        "group": project.group_id,
        "owners": [o.pk for o in project.owners.all()],
        "display_order": 0,
        "reported_to_national_system": "on",
    }
    data.update(changes)
    return data


def test_it_lets_the_planner_create_a_project_with_owners(client, world):
    client.force_login(world.planner)
    response = client.post(
        reverse("projects:create"),
        {
            "code": "N01",
            "title": "โครงการใหม่",
            "strategy": world.strategy.pk,
            "group": world.group.pk,
            "owners": [world.owner_b.pk],
            "display_order": 5,
            "start_date": "01/10/2566",
        },
    )
    project = Project.objects.get(code="N01")
    assert response.url == reverse("projects:detail", args=[project.pk])
    assert list(project.owners.all()) == [world.owner_b]
    assert project.start_date.year == 2023


def test_it_lets_an_owner_edit_the_details_but_not_who_owns_it(client, world):
    client.force_login(world.owner_a)
    response = client.post(
        reverse("projects:edit", args=[world.project_a.pk]),
        _form(world.project_a, title="ชื่อใหม่", owners=[world.owner_b.pk]),
    )
    assert response.status_code == 302
    world.project_a.refresh_from_db()
    assert world.project_a.title == "ชื่อใหม่"
    assert set(world.project_a.owners.all()) == {world.owner_a, world.head_a}


def test_it_shows_the_later_editor_what_changed_and_keeps_their_input(client, world):
    project = world.project_a
    opened = _form(project)
    client.force_login(world.planner)
    client.post(reverse("projects:edit", args=[project.pk]), {**opened, "title": "ชื่อของนักวิเคราะห์"})
    client.force_login(world.owner_a)
    response = client.post(reverse("projects:edit", args=[project.pk]), {**opened, "title": "ชื่อของเจ้าของ"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "มีผู้อื่นบันทึกโครงการนี้หลังจากที่คุณเปิดหน้านี้" in page
    assert "ชื่อของนักวิเคราะห์" in page
    assert "ชื่อของเจ้าของ" in page  # still in the form
    project.refresh_from_db()
    assert project.title == "ชื่อของนักวิเคราะห์"
    # Saving again, now that they have seen the other change, keeps their version.
    resent = response.context["form"].data
    client.post(reverse("projects:edit", args=[project.pk]), resent)
    project.refresh_from_db()
    assert project.title == "ชื่อของเจ้าของ"


def test_it_says_the_spending_plan_exceeds_the_allocation(client, world):
    client.force_login(world.planner)
    response = client.post(
        reverse("projects:money", args=[world.project_a.pk]),
        {
            "source_1": "10,000",
            "quarter_1": "๘,๐๐๐",
            "quarter_2": "5,000",
            "version": money_version(world.project_a),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "แผนการใช้จ่ายรวม ๑๓,๐๐๐.๐๐ บาท เกินงบประมาณที่ได้รับจัดสรรรวม ๑๐,๐๐๐.๐๐ บาท" in page


def test_it_requires_a_reason_when_cancelling_in_the_form(client, world):
    client.force_login(world.planner)
    response = client.post(
        reverse("projects:status", args=[world.project_a.pk]),
        {"version": world.project_a.version, "cancelled": "on"},
    )
    assert "กรุณาระบุเหตุผลที่ยกเลิกโครงการ" in response.content.decode()
    world.project_a.refresh_from_db()
    assert not world.project_a.cancelled


def test_it_shows_stored_money_the_way_staff_type_it_and_saves_it_back_unchanged(client, world):
    factories.AllocationFactory(project=world.project_a, amount=Decimal("12500"))
    client.force_login(world.planner)
    form = client.get(reverse("projects:money", args=[world.project_a.pk])).context["form"]
    source_field = form.source_fields()[0]
    assert source_field.value() == "12,500.00"
    client.post(reverse("projects:money", args=[world.project_a.pk]), {source_field.html_name: "12,500.00",
                                                                     "version": form["version"].value()})
    assert world.project_a.allocations.get().amount == Decimal("12500")
