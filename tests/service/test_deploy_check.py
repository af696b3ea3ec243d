"""`manage.py check --deploy` is clean when the HTTPS variables are set."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEY = "k7Qw-2rT9zXv_8LmN4pB6sYc1HdJ0eFgUaWi3oKxRlMnZbVqCt5"  # only for this test


def check_deploy(**env):
    full = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    full.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=KEY, DJANGO_ALLOWED_HOSTS="tidtam.office.go.th", **env)
    done = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=full, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout + done.stderr


def test_check_deploy_is_clean_with_the_https_settings():
    code, out = check_deploy(DJANGO_HTTPS="1", DJANGO_HSTS_PRELOAD="1", DJANGO_PROXY_SSL_HEADER="1",
                             DJANGO_CSRF_TRUSTED_ORIGINS="https://tidtam.office.go.th")
    assert code == 0, out
    assert "no issues" in out


def test_check_deploy_names_what_is_missing_without_them():
    code, out = check_deploy()
    assert code != 0
    for warning in ("W004", "W008", "W012", "W016"):
        assert warning in out
