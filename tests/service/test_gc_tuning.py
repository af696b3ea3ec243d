"""The web process's garbage collector (config/gc_tuning.py) is set when gunicorn loads config/wsgi.py."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from config.gc_tuning import THRESHOLDS

ROOT = Path(__file__).resolve().parents[2]


def test_loading_the_wsgi_application_sets_the_collector_and_freezes_start_up_objects():
    # In a process of its own: freezing the test process's objects would change the suite.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "0",
           "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    out = subprocess.run(
        [sys.executable, "-c", "import gc, config.wsgi; print(gc.get_threshold(), gc.get_freeze_count() > 10000)"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True).stdout.split("\n")[-2]
    assert out == f"{THRESHOLDS} True"


def test_a_celery_worker_process_freezes_its_start_up_objects_and_keeps_pythons_thresholds():
    # A re-publish in a Celery worker process paid full collections walking Django and every module.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    script = ("import gc, django; django.setup(); import config.celery, reports.tasks; "
              "from celery.signals import worker_process_init; before = gc.get_freeze_count(), gc.get_threshold(); "
              "worker_process_init.send(sender=None); "
              "print(before[0], gc.get_freeze_count() > 10000, before[1] == gc.get_threshold())")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout.split("\n")[-2]
    assert out == "0 True True"
