"""What a process of the portal loads at start-up: the web process (Django set up, every URL's view
imported) leaves out Celery, pypdf, pillow_heif and ctypes, about 30 MB of every process (the booklet
benchmark's peak memory, issue #10); each is loaded where it is used, and works there."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.evidence import samples

ROOT = Path(__file__).resolve().parent.parent
LEFT_OUT = ["celery", "kombu", "billiard", "pypdf", "pillow_heif", "fontTools", "weasyprint", "ctypes"]


def run(code, tmp_path):
    """`code` run after the web process's start-up (config.wsgi, then the URL conf) in a fresh interpreter;
    its last line of output, read as JSON."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_"))}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'start_up.sqlite3'}"
    start_up = ("import json, sys; import config.wsgi; from django.urls import get_resolver; "
                "get_resolver().url_patterns\n")
    done = subprocess.run([sys.executable, "-c", start_up + code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_web_process_starts_without_celery_pypdf_or_pillow_heif(tmp_path):
    loaded = run(f"print(json.dumps(sorted(m for m in {LEFT_OUT!r} if m in sys.modules)))", tmp_path)
    assert loaded == []


@pytest.mark.parametrize("module, task", [("projects.tasks", "send_mail_task"), ("reports.tasks", "document_job")])
def test_a_task_queued_from_the_web_process_goes_through_the_portals_celery_app(tmp_path, module, task):
    """Celery is loaded with the first task queued, and the task is queued through config.celery's app (its
    broker and settings), not through Celery's default app."""
    apps = run(f"import celery; from {module} import {task}; "
               f"print(json.dumps([{task}.app.main, celery.current_app.main]))", tmp_path)
    assert apps == ["tidtam", "tidtam"]


def test_a_heic_photo_opens_in_a_process_that_had_not_loaded_pillow_heif(tmp_path):
    photo = tmp_path / "IMG_0001.HEIC"
    photo.write_bytes(samples.heic())
    checked = run(
        "from projects.evidence import files; before = 'pillow_heif' in sys.modules; "
        f"c = files.check(open({str(photo)!r}, 'rb').read(), 'IMG_0001.HEIC'); "
        "print(json.dumps([before, c.kind, c.type, c.width, c.height]))",
        tmp_path)
    assert checked == [False, "photo", "jpeg", 400, 300]
