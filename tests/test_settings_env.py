"""Settings come from the environment and refuse values they cannot understand."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_list, env_str

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k7Qw-2rT9zXv_8LmN4pB6sYc1HdJ0eFgUaWi3oKxRlMnZbVqCt5"  # 51 characters, only for these tests


def run_settings(**env):
    """Import the settings in a fresh interpreter with `env` and return (exit code, output)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    full_env.update(env)
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup(); " \
           "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'], settings.DEBUG)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=60)
    return done.returncode, done.stdout + done.stderr


def test_it_defaults_to_sqlite_in_the_project():
    code, out = run_settings()
    assert code == 0, out
    assert "django.db.backends.sqlite3 True" in out


def test_it_reads_a_postgres_url():
    code, out = run_settings(DATABASE_URL="postgres://postgres@127.0.0.1:5432/anything")
    assert code == 0, out
    assert "django.db.backends.postgresql" in out


@pytest.mark.parametrize("url", ["mysql://root@localhost/x", "nonsense"])
def test_it_refuses_a_database_url_it_cannot_use(url):
    code, out = run_settings(DATABASE_URL=url)
    assert code != 0
    assert "DATABASE_URL" in out


def test_it_refuses_a_debug_value_that_is_not_yes_or_no():
    code, out = run_settings(DJANGO_DEBUG="maybe")
    assert code != 0
    assert "DJANGO_DEBUG" in out


def test_it_demands_a_real_secret_key_in_production():
    code, out = run_settings(DJANGO_DEBUG="0")
    assert code != 0
    assert "DJANGO_SECRET_KEY" in out
    code, out = run_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="s3cret-from-the-vault", DJANGO_ALLOWED_HOSTS="x")
    assert code != 0, "a 21-character key is refused"
    assert "at least 50 characters" in out
    code, out = run_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="a" * 60, DJANGO_ALLOWED_HOSTS="x")
    assert code != 0, "a key of one repeated character is refused"
    code, out = run_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=STRONG_KEY)
    assert code != 0, "production without DJANGO_ALLOWED_HOSTS is refused"
    assert "DJANGO_ALLOWED_HOSTS" in out
    code, out = run_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=STRONG_KEY, DJANGO_ALLOWED_HOSTS="tidtam.go.th")
    assert code == 0, out


def test_it_reads_booleans_and_lists(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    monkeypatch.setenv("X_HOSTS", "a.example, b.example ,")
    assert env_bool("X_FLAG", default=False) is True
    assert env_list("X_HOSTS", default=[]) == ["a.example", "b.example"]
    assert env_str("X_MISSING", default="d") == "d"
    with pytest.raises(ImproperlyConfigured, match="X_MISSING"):
        env_str("X_MISSING", default=None)


def test_it_speaks_thai_in_bangkok(settings):
    assert settings.LANGUAGE_CODE == "th"
    assert settings.TIME_ZONE == "Asia/Bangkok"


def _connection_settings(**env):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "TIDTAM_DB"))}
    full_env.update(DATABASE_URL="postgres://postgres@127.0.0.1:5432/anything", **env)
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup(); " \
           "from django.conf import settings; d = settings.DATABASES['default']; " \
           "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_connections_are_kept_by_the_production_server_only():
    """runserver (DEBUG) starts a thread per request: a kept connection per thread ran PostgreSQL out of
    connections after about a hundred pages. gunicorn's workers keep theirs, checked before reuse."""
    assert _connection_settings() == ["0", "False"]
    production = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": STRONG_KEY, "DJANGO_ALLOWED_HOSTS": "x"}
    assert _connection_settings(**production) == ["60", "True"]
    assert _connection_settings(**production, TIDTAM_DB_CONN_MAX_AGE="0") == ["0", "False"]
    assert _connection_settings(TIDTAM_DB_CONN_MAX_AGE="30") == ["30", "True"]
