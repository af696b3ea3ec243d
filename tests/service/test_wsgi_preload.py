"""gunicorn loads the application in its master and forks the workers from it (preload_app): loading
config/wsgi.py must load the views (so a replaced worker need not) and must open no database connection (a
connection opened before the fork would be shared by every worker)."""

import os
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LOAD = """
import sys
import config.wsgi
from django.db import connections
print("views loaded:", "projects.views" in sys.modules and "reports.dashboard" in sys.modules)
print("connections open:", sum(c.connection is not None for c in connections.all()))
"""


def test_loading_the_application_loads_the_views_and_opens_no_database_connection():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "0",
           "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    out = subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert "views loaded: True" in out
    assert "connections open: 0" in out


def test_gunicorn_preloads_unless_turned_off(monkeypatch):
    conf = ROOT / "config" / "gunicorn.conf.py"
    monkeypatch.delenv("TIDTAM_PRELOAD", raising=False)
    assert runpy.run_path(str(conf))["preload_app"] is True
    monkeypatch.setenv("TIDTAM_PRELOAD", "0")
    assert runpy.run_path(str(conf))["preload_app"] is False
