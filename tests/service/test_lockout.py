"""Login throttling (django-axes): per username + address, a cool-off of minutes, reset on success."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings

from tests import factories

LOGIN = "/accounts/login/"


def attempt(client, username, password, url=LOGIN):
    return client.post(url, {"username": username, "password": password})


def signed_in(client):
    return "_auth_user_id" in client.session


def pass_the_cool_off():
    """Time passes: the failed attempts are older than the cool-off."""
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time
                                 - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))


def test_wrong_passwords_lock_the_username_from_that_address_for_the_cool_off_only(world, client):
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5 and settings.AXES_COOLOFF_TIME == timedelta(minutes=15)
    for _ in range(limit - 1):
        assert attempt(client, "owner_a", "wrong").status_code == 200  # the form again, with its error
    response = attempt(client, "owner_a", "wrong")
    assert response.status_code == 429
    page = response.content.decode()
    assert "ระงับการเข้าสู่ระบบของบัญชีนี้ชั่วคราว" in page and "15 นาที" in page

    response = attempt(client, "owner_a", "demo")  # the right password is refused while locked
    assert response.status_code == 429 and not signed_in(client)

    # A colleague behind the same router (same address) is not locked out.
    other = client.__class__()
    assert attempt(other, "owner_b", "demo").status_code == 302 and signed_in(other)

    pass_the_cool_off()
    response = attempt(client, "owner_a", "demo")
    assert response.status_code == 302 and signed_in(client)
    assert not AccessAttempt.objects.filter(username="owner_a").exists(), "a success resets the count"


def test_the_same_username_from_another_address_is_not_locked(world, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "owner_a", "wrong")
    elsewhere = client.__class__(REMOTE_ADDR="10.0.0.9")
    assert attempt(elsewhere, "owner_a", "demo").status_code == 302


def test_a_success_resets_the_failures(world, client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "owner_a", "wrong")
    assert attempt(client, "owner_a", "demo").status_code == 302
    client.post("/accounts/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "owner_a", "wrong").status_code == 200
    assert attempt(client, "owner_a", "demo").status_code == 302


def test_the_admin_login_is_throttled_too(db, client):
    factories.UserFactory(username="root", is_staff=True, is_superuser=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = attempt(client, "root", "wrong", url="/admin/login/")
    assert response.status_code == 429
    assert attempt(client, "root", "demo", url="/admin/login/").status_code == 429


def test_the_planner_sees_the_offices_sign_ins_and_failures_and_can_lift_a_lock(world, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "owner_a", "wrong")
    attempt(client, "planner2", "wrong")  # another office's user: not shown
    assert AccessFailureLog.objects.count() == settings.AXES_FAILURE_LIMIT + 1
    planner = client.__class__(REMOTE_ADDR="10.0.0.2")
    assert attempt(planner, "planner1", "demo").status_code == 302
    assert AccessLog.objects.filter(username="planner1").exists()

    page = planner.get("/accounts/login-attempts/").content.decode()
    assert "owner_a" in page and "รหัสผ่านผิด" in page and "ถูกระงับ" in page and "สำเร็จ" in page
    assert "planner2" not in page
    assert 'id="locked-accounts"' in page

    planner.post("/accounts/login-attempts/", {"username": "owner_a"})
    assert attempt(client, "owner_a", "demo").status_code == 302


@pytest.mark.parametrize("who", ["director", "owner_a", "finance"])
def test_only_the_planner_sees_the_sign_ins(world, client, who):
    client.force_login(getattr(world, who))
    assert client.get("/accounts/login-attempts/").status_code == 403
