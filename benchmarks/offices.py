"""Benchmark: every office's booklet on Celery workers, with 1 worker and with 2.

    .venv/bin/python benchmarks/offices.py --broker redis://127.0.0.1:6379/13 [--offices 6] [--projects 20]

Builds `--offices` offices of `--projects` projects each (benchmarks/booklet.py's data) in a SQLite
file of a temporary folder, then for 1 and 2 worker processes (`celery -A config worker -c 1`
each, on render_booklet's queue, TIDTAM_NATIONAL_TASK_QUEUE, of this run's own; TIDTAM_PDF_WORKERS=1
so that one office is one process) queues
one reports.office_booklet task per office, as `render_booklet --all-offices` does, and waits for
all. Prints offices per minute for each, their ratio, and what one office cost its worker: seconds,
CPU seconds and the worker process's peak resident memory. The workers are started and warmed up
(fonts loaded) before timing, as they are in service. On 2 shared cores the ratio is at most 2.
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def start_workers(count, env, folder):
    workers = []
    for number in range(count):
        log = folder / f"worker-{count}-{number}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "-l", "info", "-c", "1",
             "-n", f"bench{number}-{env['TIDTAM_TASK_QUEUE']}@%h", "-Q", env["TIDTAM_NATIONAL_TASK_QUEUE"],
             "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        workers.append((process, log))
    for process, log in workers:
        deadline = time.monotonic() + 120
        while "ready." not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"a worker did not start:\n{log.read_text()}")
            time.sleep(0.2)
    return workers


def stop_workers(workers):
    for process, _log in workers:
        os.killpg(process.pid, signal.SIGTERM)
    for process, _log in workers:
        process.wait(timeout=60)


def run(plans, out_folder):
    from reports.tasks import office_booklet

    started = time.perf_counter()
    results = [office_booklet.delay(plan.pk, 6, {}, str(out_folder / f"{plan.pk}.pdf")) for plan in plans]
    done = [result.get(timeout=3600) for result in results]
    return time.perf_counter() - started, done


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--broker", default=os.environ.get("CELERY_BROKER_URL"),
                        help="Redis URL (default: CELERY_BROKER_URL)")
    parser.add_argument("--offices", type=int, default=6)
    parser.add_argument("--projects", type=int, default=20)
    args = parser.parse_args()
    if not args.broker:
        raise SystemExit("give --broker redis://host:6379/N (or set CELERY_BROKER_URL)")

    folder = Path(tempfile.mkdtemp(prefix="tidtam-offices-"))
    db = folder / "offices.sqlite3"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "booklet.py"), "--step", "build", "--db", str(db),
                    "--projects", str(args.projects), "--offices", str(args.offices)], check=True)
    queue = f"tidtam-bench-{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.update(DATABASE_URL=f"sqlite:///{db}", CELERY_BROKER_URL=args.broker, TIDTAM_TASK_QUEUE=queue,
               TIDTAM_NATIONAL_TASK_QUEUE=f"{queue}-national",
               TIDTAM_PDF_WORKERS="1", DJANGO_SETTINGS_MODULE="config.settings")
    os.environ.update(env)
    import django

    django.setup()
    from plans.models import ActionPlan

    plans = list(ActionPlan.objects.select_related("office").order_by("office__name"))
    print(f"{len(plans)} offices of {args.projects} projects each; broker {args.broker}, queue {queue}")
    per_minute = {}
    try:
        for count in (1, 2):
            workers = start_workers(count, env, folder)
            try:
                run(plans[:count], folder)  # warm-up: each worker loads WeasyPrint and the fonts (not counted)
                seconds, done = run(plans, folder)
            finally:
                stop_workers(workers)
            per_minute[count] = 60 * len(plans) / seconds
            by_worker = {}
            for office in done:
                by_worker.setdefault(office["worker"].split("@")[0], []).append(office)
            print(f"{count} worker(s): {len(plans)} offices in {seconds:.1f} s = {per_minute[count]:.1f} offices/min "
                  f"({', '.join(f'{name}: {len(o)}' for name, o in sorted(by_worker.items()))})")
            print(f"   one office: {statistics.median(o['seconds'] for o in done):.2f} s "
                  f"(median; {min(o['seconds'] for o in done):.2f}-{max(o['seconds'] for o in done):.2f}), "
                  f"CPU {statistics.median(o['cpu_seconds'] for o in done):.2f} s, "
                  f"worker process peak RSS {max(o['peak_rss_mb'] for o in done):.0f} MB, "
                  f"PDF {statistics.median(o['bytes'] for o in done) / 1024:.0f} KB")
        print(f"2 workers / 1 worker: {per_minute[2] / per_minute[1]:.2f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
