from decimal import Decimal

from django.urls import reverse

from tests import factories


def test_it_lets_the_owner_add_a_sub_activity_with_planned_quarters(client, world):
    main = factories.ActivityFactory(project=world.project_a, title="อบรม")
    client.force_login(world.owner_a)
    client.post(
        reverse("projects:activities", args=[world.project_a.pk]),
        {"title": "อบรมรุ่นที่ 1", "parent": main.pk, "planned_q2": "on", "budget_note": "๑๒,๕๐๐"},
    )
    sub = world.project_a.activities.get(title="อบรมรุ่นที่ 1")
    assert sub.parent == main
    assert sub.planned_quarters == [2]
    assert sub.budget_note == Decimal("12500")


def test_it_reorders_activities(client, world):
    first = factories.ActivityFactory(project=world.project_a, title="หนึ่ง")
    factories.ActivityFactory(project=world.project_a, title="สอง")
    client.force_login(world.planner)
    client.post(reverse("projects:activity_move", args=[world.project_a.pk, first.pk]), {"direction": "down"})
    assert [a.title for a in world.project_a.activities.order_by("display_order")] == ["สอง", "หนึ่ง"]


def test_it_does_not_let_another_owner_change_the_activities(client, world):
    activity = factories.ActivityFactory(project=world.project_a)
    client.force_login(world.owner_b)
    response = client.post(reverse("projects:activity_delete", args=[world.project_a.pk, activity.pk]))
    assert response.status_code == 403
    assert world.project_a.activities.filter(pk=activity.pk).exists()


def test_it_adds_an_indicator_with_a_numeric_target(client, world):
    client.force_login(world.owner_a)
    client.post(
        reverse("projects:indicators", args=[world.project_a.pk]),
        {"text": "ครูผ่านการอบรม", "target_value": "80", "target_unit": "ร้อยละ"},
    )
    indicator = world.project_a.indicators.get()
    assert (indicator.target_value, indicator.target_unit) == (Decimal("80"), "ร้อยละ")


def test_it_asks_for_a_target_in_thai(client, world):
    client.force_login(world.owner_a)
    response = client.post(reverse("projects:indicators", args=[world.project_a.pk]), {"text": "ไม่มีเป้า"})
    assert "กรุณากรอกค่าเป้าหมายเป็นตัวเลข (พร้อมหน่วยนับ) หรือเป็นข้อความ" in response.content.decode()
