"""/healthz for a load balancer; every user changes their own password; session expiry."""

from unittest import mock

import pytest
from django.db.migrations.executor import MigrationExecutor


def test_healthz_answers_ok_without_login(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "applied"}


def test_healthz_answers_503_when_a_migration_is_missing(db, client):
    pending = [(mock.Mock(app_label="plans", name="0099_new"), False)]
    pending[0][0].name = "0099_new"
    with mock.patch.object(MigrationExecutor, "migration_plan", return_value=pending):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["pending_migrations"] == ["plans.0099_new"]


def test_healthz_answers_503_when_the_database_does_not(db, client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OSError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert "unreachable" in response.json()["database"]


@pytest.mark.parametrize("who", ["planner", "director", "finance", "owner_a"])
def test_every_user_changes_their_password(world, client, who):
    user = getattr(world, who)
    client.force_login(user)
    page = client.get("/accounts/password/").content.decode()
    assert "เปลี่ยนรหัสผ่าน" in page
    response = client.post("/accounts/password/", {
        "old_password": "demo", "new_password1": "Kh0ngSamuthSakhon!", "new_password2": "Kh0ngSamuthSakhon!"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Kh0ngSamuthSakhon!")
    assert client.get("/").status_code == 302  # still signed in on this browser


def test_the_password_validators_still_refuse_a_weak_password(world, client):
    client.force_login(world.owner_a)
    response = client.post("/accounts/password/", {"old_password": "demo", "new_password1": "12345678",
                                                   "new_password2": "12345678"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "รหัสผ่านนี้ใช้กันทั่วไปจนเดาได้ง่าย" in page and "รหัสผ่านเป็นตัวเลขล้วน" in page
    assert "ยาวอย่างน้อย 8 ตัวอักษร" in page
    for english in ("Your password", "This password", "Enter the same"):
        assert english not in page
    response = client.post("/accounts/password/", {"old_password": "wrong", "new_password1": "Kh0ngSamuthSakhon!",
                                                   "new_password2": "Kh0ngSamuthSakhon?"})
    page = response.content.decode()
    assert "รหัสผ่านเดิมไม่ถูกต้อง" in page and "ทั้งสองช่องไม่ตรงกัน" in page
    assert "didn’t match" not in page and "incorrectly" not in page
    world.owner_a.refresh_from_db()
    assert world.owner_a.check_password("demo")


def test_session_expiry_on_browser_close_is_configurable():
    from tests.test_settings_env import run_settings

    code, out = run_settings(DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE="1")
    assert code == 0, out
    import subprocess
    import sys

    from tests.test_settings_env import ROOT

    done = subprocess.run(
        [sys.executable, "-c", "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='config.settings';"
         "django.setup();from django.conf import settings as s;print(s.SESSION_EXPIRE_AT_BROWSER_CLOSE)"],
        cwd=ROOT, env={"DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "True", done.stderr
