"""The planner's people pages (issue #15)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from plans.models import Membership, Role

pytestmark = pytest.mark.django_db

NEW = {
    "username": "somchai.s",
    "title": "นาย",
    "first_name": "สมชาย",
    "last_name": "ใจงาม",
    "position": "นักวิชาการศึกษาชำนาญการ",
    "email": "somchai@example.go.th",
    "role": Role.STAFF,
}


def _add(client, world, **changes):
    client.force_login(world.planner)
    return client.post(reverse("office:person_create"), {**NEW, "group": world.group.pk, **changes})


def test_it_adds_a_person_and_shows_the_temporary_password_once(client, world):
    response = _add(client, world)
    membership = Membership.objects.get(user__username="somchai.s")
    assert response.url == reverse("office:person_edit", args=[membership.pk])
    assert membership.user.get_full_name() == "นายสมชาย ใจงาม"
    assert (membership.office, membership.group, membership.must_change_password) == (world.office, world.group, True)
    page = client.get(response.url).content.decode()
    password = page.split('id="temporary-password-value">')[1].split("<")[0]
    assert membership.user.check_password(password)
    assert "temporary-password-value" not in client.get(response.url).content.decode()


def test_it_refuses_a_username_already_taken_in_any_office(client, world):
    response = _add(client, world, username="PLANNER2")
    assert response.status_code == 200
    assert "ชื่อผู้ใช้ “PLANNER2” มีผู้ใช้แล้ว" in response.content.decode()
    assert not Membership.objects.filter(user__first_name="นายสมชาย").exists()


def test_it_refuses_a_group_of_another_office(client, world):
    other_group = world.other_office.groups.create(name="กลุ่มอื่น", short_name="อื่น", abbreviation="กอ.")
    response = _add(client, world, group=other_group.pk)
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="somchai.s").exists()


def test_it_answers_overlong_names_with_a_message_not_an_error(client, world):
    response = _add(client, world, first_name="ก" * 101, position="ข" * 201)
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="somchai.s").exists()


def test_the_new_person_must_choose_a_password_before_anything_else(client, world):
    _add(client, world)
    password = client.session["tidtam_temporary_password"]["password"]
    client.logout()
    assert client.login(username="somchai.s", password=password)
    assert client.get(reverse("plans:my_projects")).url == reverse("password_change")
    response = client.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": "ส้มตำไก่ย่าง2567", "new_password2": "ส้มตำไก่ย่าง2567"},
    )
    assert response.url == reverse("home")
    assert client.get(reverse("plans:my_projects")).status_code == 200
    assert not Membership.objects.get(user__username="somchai.s").must_change_password


def test_it_edits_roles_and_group(client, world):
    client.force_login(world.planner)
    membership = Membership.objects.get(user=world.owner_b)
    data = {**NEW, "username": "owner_b", "role": Role.DIRECTOR, "extra_roles": [Role.FINANCE], "group": ""}
    response = client.post(reverse("office:person_edit", args=[membership.pk]), data)
    assert response.url == reverse("office:people")
    membership.refresh_from_db()
    assert membership.roles == [Role.DIRECTOR, Role.FINANCE]
    assert membership.group is None
    assert membership.history.first().history_user == world.planner


def test_the_office_keeps_at_least_one_planner(client, world):
    client.force_login(world.planner)
    Membership.objects.filter(user=world.director_planner).update(extra_roles=[])
    membership = Membership.objects.get(user=world.planner)
    data = {**NEW, "username": "planner1", "role": Role.STAFF}
    response = client.post(reverse("office:person_edit", args=[membership.pk]), data)
    assert "ต้องมีนักวิเคราะห์นโยบายและแผนอย่างน้อยหนึ่งคน" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.PLANNER


def test_deactivating_keeps_ownership_and_stops_sign_in(client, world):
    client.force_login(world.planner)
    membership = Membership.objects.get(user=world.owner_a)
    client.post(reverse("office:person_deactivate", args=[membership.pk]))
    world.owner_a.refresh_from_db()
    assert not world.owner_a.is_active
    assert world.owner_a in world.project_a.owners.all()
    assert membership.history.first().history_change_reason == "ปิดการใช้งานบัญชี"
    client.logout()
    assert not client.login(username="owner_a", password="demo")
    assert world.owner_a in world.project_a.owners.all()


def test_a_planner_cannot_deactivate_themselves(client, world):
    client.force_login(world.planner)
    membership = Membership.objects.get(user=world.planner)
    response = client.post(reverse("office:person_deactivate", args=[membership.pk]), follow=True)
    assert "ปิดการใช้งานบัญชีของตนเองไม่ได้" in response.content.decode()
    world.planner.refresh_from_db()
    assert world.planner.is_active


def test_a_temporary_password_replaces_the_forgotten_one(client, world):
    client.force_login(world.planner)
    membership = Membership.objects.get(user=world.owner_a)
    client.post(reverse("office:person_password", args=[membership.pk]))
    password = client.session["tidtam_temporary_password"]["password"]
    world.owner_a.refresh_from_db()
    assert world.owner_a.check_password(password)
    assert not world.owner_a.check_password("demo")


def test_a_one_time_link_sets_the_password_once(client, world):
    client.force_login(world.planner)
    world.owner_a.email = "owner@example.go.th"
    world.owner_a.save()
    membership = Membership.objects.get(user=world.owner_a)
    client.post(reverse("office:person_send_link", args=[membership.pk]))
    assert mail.outbox[0].to == ["owner@example.go.th"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link[link.index("/accounts/"):]
    client.logout()
    form_url = client.get(path).url  # Django hides the token behind a redirect
    data = {"new_password1": "ข้าวเหนียวมะม่วง99", "new_password2": "ข้าวเหนียวมะม่วง99"}
    assert client.post(form_url, data).url == reverse("login")
    world.owner_a.refresh_from_db()
    assert world.owner_a.check_password("ข้าวเหนียวมะม่วง99")
    assert "ลิงก์นี้ใช้ไม่ได้แล้ว" in client.get(path, follow=True).content.decode()


def test_a_link_needs_an_email(client, world):
    client.force_login(world.planner)
    membership = Membership.objects.get(user=world.owner_a)
    response = client.post(reverse("office:person_send_link", args=[membership.pk]), follow=True)
    assert "ยังไม่มีอีเมล" in response.content.decode()
    assert not mail.outbox


def test_the_list_shows_the_office_only_and_finds_by_name(client, world):
    client.force_login(world.planner)
    page = client.get(reverse("office:people")).content.decode()
    assert "owner_a" in page and "planner2" not in page
    page = client.get(reverse("office:people"), {"q": "owner_b"}).content.decode()
    assert "owner_b" in page and "owner_a" not in page


def test_a_group_head_is_a_member_of_the_office(client, world):
    client.force_login(world.planner)
    data = {"name": world.group.name, "short_name": "ทดสอบ", "abbreviation": "กท.", "display_order": 1}
    refused = client.post(reverse("plans:group_edit", args=[world.group.pk]), {**data, "head": world.other_planner.pk})
    assert refused.status_code == 200
    client.post(reverse("plans:group_edit", args=[world.group.pk]), {**data, "head": world.head_a.pk})
    world.group.refresh_from_db()
    assert world.group.head == world.head_a
    assert world.head_a.get_full_name() in client.get(reverse("plans:groups")).content.decode()
