"""`make serve` from this checkout, as an office starts it: DJANGO_DEBUG=0, a strong key, the allowed
hosts; the login page comes styled (every stylesheet 200 text/css, compressed), /healthz answers.
On SQLite (a fresh file) and, when DATABASE_URL names PostgreSQL, on that database too.

Marked `serve` (about half a minute each): left out of the default run, `.ci/run` runs them."""

import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.serve

DATABASES = ["sqlite"] + (["postgresql"] if os.environ.get("DATABASE_URL", "").startswith("postgres") else [])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read()


def start(env, port, log):
    server = subprocess.Popen(["make", "serve"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return server
        try:
            fetch(f"http://127.0.0.1:{port}/healthz")
            return server
        except OSError:
            time.sleep(0.5)
    return server


@pytest.mark.parametrize("database", DATABASES)
def test_make_serve_serves_the_login_page_styled(database, tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TIDTAM_", "PYTEST_"))}
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="127.0.0.1",
               TIDTAM_BIND=f"127.0.0.1:{port}", TIDTAM_WORKERS="2", TIDTAM_MEDIA_ROOT=str(tmp_path / "media"))
    if database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        server = start(env, port, log)
        try:
            assert server.poll() is None, log_path.read_text()
            status, _, page = fetch(f"http://127.0.0.1:{port}/accounts/login/")
            assert status == 200 and "เข้าสู่ระบบ".encode() in page
            sheets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', page)
            assert len(sheets) == 2, page
            for sheet in sheets:
                assert re.search(rb"\.[0-9a-f]{12}\.css$", sheet), f"{sheet} has no hashed name"
                status, headers, _ = fetch(f"http://127.0.0.1:{port}{sheet.decode()}", **{"Accept-Encoding": "gzip"})
                assert status == 200
                assert headers["Content-Type"].startswith("text/css")
                assert headers["Content-Encoding"] == "gzip"
                assert "immutable" in headers["Cache-Control"]
            status, _, body = fetch(f"http://127.0.0.1:{port}/healthz")
            assert status == 200 and b'"migrations": "applied"' in body
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)


def test_make_serve_refuses_a_weak_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TIDTAM_"))}
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="short", DJANGO_ALLOWED_HOSTS="127.0.0.1",
               DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    done = subprocess.run(["make", "serve"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY must be a random secret of at least 50 characters" in done.stdout + done.stderr
    assert not (tmp_path / "db.sqlite3").exists(), "nothing was started"
