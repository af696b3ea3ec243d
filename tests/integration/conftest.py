"""Real Celery workers on Redis for the tests marked celery_worker (.ci/run runs them on PostgreSQL).

TIDTAM_TEST_BROKER_URL names the Redis database (e.g. redis://127.0.0.1:6379/13). Each test session
uses its own queue, so two runs on one Redis do not take each other's tasks. A worker is a real
`celery -A config worker` process on the test database; `start()` can start several and `kill()`
kills one like a machine going down (the whole process group, SIGKILL).
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.browser.conftest import browser_type_launch_args, login  # noqa: F401  (the browser test here)

ROOT = Path(__file__).resolve().parent.parent.parent
BROKER_URL = os.environ.get("TIDTAM_TEST_BROKER_URL", "")
# Redis gives a vanished worker's task to another after this long (the production default is 600 s).
VISIBILITY_TIMEOUT_S = 4
# One queue per test session (Celery caches the queue it sends to once it has sent a task).
QUEUE = f"tidtam-test-{uuid.uuid4().hex[:10]}"


def pytest_collection_modifyitems(config, items):
    if BROKER_URL:
        return
    skip = pytest.mark.skip(reason="set TIDTAM_TEST_BROKER_URL=redis://... to run with real workers (.ci/run does)")
    for item in items:
        if item.get_closest_marker("celery_worker"):
            item.add_marker(skip)


def database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    def __init__(self, queue, log_dir):
        self.queue, self.log_dir, self.processes = queue, log_dir, []

    def env(self, **extra):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DJANGO_SETTINGS"))}
        env.update(DATABASE_URL=database_url(), CELERY_BROKER_URL=BROKER_URL, TIDTAM_TASK_QUEUE=self.queue,
                   TIDTAM_TASK_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT_S), TIDTAM_PDF_WORKERS="1", **extra)
        return env

    def start(self, concurrency=1, app="config", **extra):
        name = f"w{len(self.processes) + 1}-{self.queue}@%h"
        log = self.log_dir / f"worker-{len(self.processes) + 1}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", app, "worker", "-l", "info", "-n", name,
             "-c", str(concurrency), "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=self.env(**extra), stdout=log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill() takes its pool processes too
        )
        process.log = log
        self.processes.append(process)
        deadline = time.monotonic() + 60
        while "ready." not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the worker did not start:\n{log.read_text()}")
            time.sleep(0.1)
        return process

    def kill(self, process):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()

    def logs(self):
        return "\n".join(f"--- {p.log.name}\n{p.log.read_text()[-3000:]}" for p in self.processes)


@pytest.fixture
def workers(transactional_db, tmp_path):
    """Sends this test's tasks to its own queue on TIDTAM_TEST_BROKER_URL; starts no worker by itself."""
    from config.celery import app

    queue = QUEUE
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url", "result_backend",
                                             "task_default_queue")}
    app.conf.update(task_always_eager=False, broker_url=BROKER_URL, result_backend=BROKER_URL,
                    task_default_queue=queue)
    pool = Workers(queue, tmp_path)
    yield pool
    pool.stop_all()
    with app.connection_for_write() as connection_:  # a retry still waiting must not reach the next test
        connection_.default_channel.queue_purge(queue)
    app.conf.update(saved)


def wait_for(predicate, timeout, what, workers=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"waited {timeout} s for {what}" + (f"\n{workers.logs()}" if workers else ""))
