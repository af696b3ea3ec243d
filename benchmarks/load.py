"""Benchmark: the production server under a bounded load, as an office uses it.

    .venv/bin/python benchmarks/load.py [--seconds 10] [--concurrency 4] [--port 8221] [--keep]

Builds an office of 60 projects with Q1 and Q2 reports (benchmarks/booklet.py's office) in a SQLite
file under /tmp, gives one owner five of its projects (each with 8 activities and 4 indicators) and
an open Q3 window, then starts the production server (gunicorn, 2 workers, DJANGO_DEBUG=0) on
loopback, logs in as the owner and drives a fixed-duration load with `--concurrency` client threads
on each page in turn: the owner's home (โครงการของฉัน), the Q3 report form of one project, and the
reporting board. Prints, per page, requests per second, the p50/p95/p99 response times, the
workers' CPU time per request (steadier than the times when the machine is busy; workers that
gunicorn's --max-requests replaced during the page are counted too) and how many were replaced.

Targets (issue #12): owner home >= 150 req/s, report form >= 60 req/s, p99 <= 250 ms; every page
p95 <= 100 ms at 60 projects. The client runs on the same (shared) machine as the server, so the
figures are lower than the server alone would give; compare runs on the same machine.
"""

import argparse
import datetime
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

OWNER = "loadowner"
PASSWORD = "load-benchmark-password"


def build(db_path):
    import booklet

    booklet.build(db_path, 60)
    from django.contrib.auth import get_user_model

    from plans.models import ActionPlan, Membership, ReportingWindow, Role
    from projects.models import Activity, Indicator, Project

    user = get_user_model().objects.create_user(OWNER, password=PASSWORD, first_name="เจ้าของ", last_name="โครงการ")
    plan = ActionPlan.objects.get()
    Membership.objects.create(user=user, office=plan.office, role=Role.STAFF)
    mine = list(Project.objects.filter(action_plan=plan).order_by("display_order")[:5])
    for project in mine:
        project.owners.add(user)
        Activity.objects.bulk_create(
            Activity(project=project, title=f"กิจกรรมเพิ่มเติมที่ {i} ของ {project.code}", display_order=10 + i,
                     planned_q3=True)
            for i in range(5)
        )
        Indicator.objects.bulk_create(
            Indicator(project=project, text=f"ตัวชี้วัดเพิ่มเติมที่ {i}", target_value=90, target_unit="ร้อยละ",
                      display_order=10 + i)
            for i in range(2)
        )
    ReportingWindow.objects.create(action_plan=plan, quarter=3, deadline=datetime.date.today() + datetime.timedelta(30))
    return mine[0].pk


class Client:
    """Cookies and CSRF by hand: the standard library only, one connection per request (gunicorn's
    sync workers close every connection)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        conn.close()
        return response.status, response.getheader("Location"), data

    def login(self):
        status, _, page = self.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urlencode({"username": OWNER, "password": PASSWORD, "csrfmiddlewaretoken": token})
        status, location, _ = self.request(
            "POST", "/accounts/login/", body,
            {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{self.port}/"},
        )
        if status != 302:
            raise SystemExit(f"login failed: {status}")


def drive(port, cookies, path, seconds, concurrency):
    times, errors = [], []
    stop = time.monotonic() + seconds

    def worker():
        client = Client(port)
        client.cookies = dict(cookies)
        while time.monotonic() < stop:
            started = time.perf_counter()
            status, _, _ = client.request("GET", path)
            elapsed = time.perf_counter() - started
            (times if status == 200 else errors).append(elapsed if status == 200 else status)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors, time.monotonic() - began


def workers_cpu_seconds(master_pid):
    """CPU time (user + system) used so far by the server's worker processes, those running and those
    that have exited: per request, steadier than the response times on a shared, busy machine.

    gunicorn replaces a worker after --max-requests (config/gunicorn.conf.py, as in production): the
    running workers' counters then start again from zero, and the replaced worker's time is counted in
    the master's cutime/cstime (the time of children it has waited for). Counting only the running
    workers, as this once did, printed a negative CPU per request for the board. A replacement's start-up
    (loading the application) is counted too, in the page during which it happened (the "replaced"
    column); TIDTAM_MAX_REQUESTS=0 in the environment turns replacing off."""
    clock = os.sysconf("SC_CLK_TCK")
    fields = _stat(master_pid)
    total = int(fields[13]) + int(fields[14]) if fields else 0  # cutime, cstime: workers already reaped
    for stat in Path("/proc").glob("[0-9]*/stat"):
        fields = _stat(stat.parent.name)
        if fields and int(fields[1]) == master_pid:  # ppid; a worker not yet reaped still shows its times
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / clock


def workers_of(master_pid):
    """The pids of the server's workers now."""
    return {int(stat.parent.name) for stat in Path("/proc").glob("[0-9]*/stat")
            if (fields := _stat(stat.parent.name)) and int(fields[1]) == master_pid}


def _stat(pid):
    """/proc/<pid>/stat's fields after the command name (fields[0] is the state), or None when gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def wait_until_up(port, proc):
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit("the server stopped at start-up")
        try:
            Client(port).request("GET", "/accounts/login/")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=8221)
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()

    db_path = f"/tmp/tidtam-load-{os.getpid()}.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    project_id = build(db_path)

    env = dict(os.environ, DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
               DJANGO_ALLOWED_HOSTS="127.0.0.1", DATABASE_URL=f"sqlite:///{db_path}",
               TIDTAM_BIND=f"127.0.0.1:{args.port}", TIDTAM_WORKERS="2")
    env.update(TIDTAM_ACCESS_LOG="", TIDTAM_LOG_LEVEL="WARNING")
    # As `make serve` starts it (config/gunicorn.conf.py), with 2 workers on loopback.
    gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "--config", "config/gunicorn.conf.py"]
    if not (ROOT / "config/gunicorn.conf.py").exists():  # measuring a checkout from before `make serve`
        gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "--workers", "2", "--bind",
                    f"127.0.0.1:{args.port}", "--log-level", "warning", "--no-control-socket"]
    # As `make serve`: hashed, compressed static files for WhiteNoise.
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env,
                   check=True)
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env)
    try:
        wait_until_up(args.port, server)
        client = Client(args.port)
        client.login()
        pages = [
            ("owner home", "/plan/my-projects/"),
            ("report form", f"/reporting/projects/{project_id}/q3/"),
            ("board", "/plan/board/"),
        ]
        print(f"gunicorn x2, {args.concurrency} clients, {args.seconds:g} s per page, 60 projects (SQLite)")
        print(f"{'page':<12} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6} {'CPU ms/req':>11} "
              f"{'replaced':>8}")
        for name, path in pages:
            status, _, _ = client.request("GET", path)
            if status != 200:
                raise SystemExit(f"{name} answered {status}")
            drive(args.port, client.cookies, path, 1, args.concurrency)  # warm up both workers
            cpu_before, workers_before = workers_cpu_seconds(server.pid), workers_of(server.pid)
            times, errors, spent = drive(args.port, client.cookies, path, args.seconds, args.concurrency)
            time.sleep(0.2)  # let the master reap a worker that has just been replaced
            cpu = (workers_cpu_seconds(server.pid) - cpu_before) * 1000 / max(1, len(times) + len(errors))
            replaced = len(workers_before - workers_of(server.pid))  # workers gunicorn replaced meanwhile
            ms = [t * 1000 for t in times]
            print(f"{name:<12} {len(times) / spent:7.1f} {statistics.median(ms):7.1f} {percentile(ms, 95):7.1f} "
                  f"{percentile(ms, 99):7.1f} {len(errors):6d} {cpu:11.1f} {replaced:8d}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(db_path + suffix).unlink(missing_ok=True)
        else:
            print(f"database kept: {db_path}")


if __name__ == "__main__":
    main()
