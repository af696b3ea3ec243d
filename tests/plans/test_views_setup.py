from django.urls import reverse

from plans.models import ActionPlan, Group, Strategy


def test_it_lets_the_planner_add_a_group(client, world):
    client.force_login(world.planner)
    response = client.post(
        reverse("plans:group_create"),
        {
            "name": "กลุ่มส่งเสริมการจัดการศึกษา",
            "short_name": "ส่งเสริมฯ",
            "abbreviation": "กสศ.",
            "display_order": 3,
        },
    )
    assert response.url == reverse("plans:groups")
    assert Group.objects.filter(office=world.office, abbreviation="กสศ.").exists()


def test_it_shows_a_thai_message_for_a_duplicate_group_abbreviation(client, world):
    client.force_login(world.planner)
    response = client.post(
        reverse("plans:group_create"),
        {"name": "อีกกลุ่ม", "short_name": "อื่น", "abbreviation": world.group.abbreviation, "display_order": 1},
    )
    assert f"อักษรย่อ “{world.group.abbreviation}” ถูกใช้กับกลุ่มอื่นแล้ว" in response.content.decode()


def test_it_explains_why_a_group_with_projects_cannot_be_deleted(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("plans:group_delete", args=[world.group.pk]), follow=True)
    assert "ยังมีโครงการที่กลุ่มนี้รับผิดชอบ" in response.content.decode()
    assert Group.objects.filter(pk=world.group.pk).exists()


def test_it_lets_the_planner_number_a_new_strategy(client, world):
    client.force_login(world.planner)
    client.post(
        reverse("plans:strategy_create"),
        {"development_plan": world.plan.development_plan_id, "number": 9, "title": "กลยุทธ์ใหม่"},
    )
    assert Strategy.objects.get(development_plan=world.plan.development_plan, number=9).title == "กลยุทธ์ใหม่"


def test_it_does_not_show_another_offices_group(client, world):
    client.force_login(world.other_planner)
    assert client.get(reverse("plans:group_edit", args=[world.group.pk])).status_code == 404


def test_it_copies_last_years_plan_from_the_page(client, world):
    client.force_login(world.planner)
    response = client.post(
        reverse("plans:action_plan_copy"), {"source": world.plan.pk, "be_year": 2568}, follow=True
    )
    new_plan = ActionPlan.objects.get(office=world.office, fiscal_year__be_year=2568)
    assert new_plan.projects.count() == 2
    assert "คัดลอกแผนไปยังปีงบประมาณ พ.ศ. ๒๕๖๘ แล้ว (๒ โครงการ)" in response.content.decode()


def test_it_explains_why_a_plan_cannot_be_created_for_a_year_out_of_the_development_plan(client, world):
    client.force_login(world.planner)
    response = client.post(
        reverse("plans:action_plan_create"),
        {"be_year": 2575, "development_plan": world.plan.development_plan_id},
    )
    assert "ไม่ครอบคลุมปีงบประมาณ พ.ศ. ๒๕๗๕" in response.content.decode()
