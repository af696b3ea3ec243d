"""Benchmark: a large office (1,000 projects, Q1 and Q2 reported, Q3 open) on PostgreSQL, page by page.

    DATABASE_URL=postgres://... .venv/bin/python benchmarks/large_office.py [--projects 1000] [--runs 15] [--keep]

Builds the office in the test database of DATABASE_URL (test_<name>, as the test suite does; the
named database itself is not touched; --keep keeps it for the next run) with benchmarks/booklet.py's
office and a planner, a director, finance and an owner of five projects, then requests each page in
this process through Django's test client (no network), `--runs` times after two warm-ups, and prints
p50/p95 (wall clock), the median CPU time of this process (steadier than the wall clock on a busy
machine; the database's own time is not in it) and the SQL queries of one request; then the "what
needs me" inbox alone per role (issue #19), which every page of a member computes for its navigation.
Targets (issue #12) at 1,000 projects: dashboard p95
<= 200 ms, every list page p95 <= 300 ms; at 60 projects every page p95 <= 100 ms. The booklet preview shows
the summaries and loads the register's lines group by group, each section's list of projects, each project's
section and the digest from their own URLs when opened: all are timed.
"""

import argparse
import datetime
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def setup(keep, n_projects, no_analyze=False):
    # As in production: debugging off (no SQL log kept, no template debugging).
    os.environ.update(DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="0",
                      DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="testserver")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("set DATABASE_URL to a PostgreSQL database (its test_ database is used)")
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keep)
    from plans.models import Office

    if not Office.objects.exists():
        build(n_projects)
    elif keep:
        print("(reusing the kept database)")
    # A server's autovacuum analyses the tables after a bulk load; without statistics PostgreSQL plans for a
    # dozen projects where there are a thousand (this machine runs PostgreSQL with autovacuum off).
    # --no-analyze measures as the notes before stop 22 did.
    if not no_analyze:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return original_name


def build(n_projects):
    import booklet
    from django.contrib.auth import get_user_model

    from plans.models import ActionPlan, Membership, ReportingWindow, Role
    from projects.models import Project
    from reports.models import Booklet

    booklet.populate(n_projects)
    plan = ActionPlan.objects.get()
    users = {}
    for name, role in (("planner", Role.PLANNER), ("director", Role.DIRECTOR), ("finance", Role.FINANCE),
                       ("owner", Role.STAFF)):
        users[name] = get_user_model().objects.create_user(name, password="x")
        Membership.objects.create(user=users[name], office=plan.office, role=role)
    for project in Project.objects.filter(action_plan=plan).order_by("display_order")[:5]:
        project.owners.add(users["owner"])
    today = datetime.date.today()
    for quarter in (1, 2, 3):
        ReportingWindow.objects.create(action_plan=plan, quarter=quarter, deadline=today + datetime.timedelta(30))
    Booklet.objects.create(action_plan=plan, months=6, created_by=users["planner"])


def measure(runs):
    from django.conf import settings
    from django.test.utils import override_settings

    # No collectstatic here: plain static file names (the pages are the same otherwise).
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from projects.models import Project
    from reports.models import Booklet
    from reports.preview import summary_figures

    project = Project.objects.filter(owners__username="owner").order_by("display_order").first()
    # A project the 6-month booklet prints in full (every project of this office reported Q1 and Q2).
    reported = Project.objects.filter(reports__quarter=2).order_by("display_order").first()
    booklet = Booklet.objects.get()
    fig = summary_figures(booklet.params())
    group = fig.groups[0].group  # the first group's lines of the register
    section = max(fig.sections, key=lambda s: len(s.rows))  # the longest list
    pages = [
        ("director", "dashboard", "/booklets/dashboard/"),
        ("planner", "board (list)", "/plan/board/"),
        ("planner", "projects (list)", "/projects/"),
        ("finance", "disbursements (list)", "/budget/disbursements/"),
        ("planner", "booklets (list)", "/booklets/"),
        ("owner", "my projects (list)", "/plan/my-projects/"),
        ("owner", "report form", f"/reporting/projects/{project.pk}/q3/"),
        ("planner", "project detail", f"/projects/{project.pk}/"),
        ("planner", "booklet preview", f"/booklets/{booklet.pk}/preview/"),
        # Its parts, loaded when a section is opened (issue #12): a project's section and the digest.
        ("planner", "preview: one project", f"/booklets/{booklet.pk}/preview/projects/{reported.pk}/"),
        ("planner", "preview: digest", f"/booklets/{booklet.pk}/preview/digest/"),
        # The register's lines of one group and one section's list of projects, loaded on demand too.
        ("planner", "preview: register grp", f"/booklets/{booklet.pk}/preview/register/groups/{group.pk}/"),
        ("planner", "preview: section list", f"/booklets/{booklet.pk}/preview/sections/{section.key}/"),
    ]
    clients = {}
    print(f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms':>8} {'queries':>8}")
    for who, name, url in pages:
        if who not in clients:
            clients[who] = Client()
            clients[who].force_login(get_user_model().objects.get(username=who))
        client = clients[who]
        for _ in range(2):
            assert client.get(url).status_code == 200, (name, url)
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        times, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{name:<24} {statistics.median(times):8.0f} {p95:8.0f} {statistics.median(cpu):8.0f} {len(queries):8d}")
    measure_inbox(runs)


def measure_inbox(runs):
    """The inbox alone (issue #19): what every page of a member adds for the navigation's counts."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from reports.inbox import inbox_for

    for who in ("planner", "owner", "finance", "director"):
        user = get_user_model().objects.get(username=who)
        queries, times, cpu = [], [], []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            inbox_for(user)
        for _ in range(runs):
            user.__dict__.pop("_tidtam_membership", None)
            started, started_cpu = time.perf_counter(), time.process_time()
            inbox_for(user)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        name = f"inbox ({who})"
        print(f"{name:<24} {statistics.median(times):8.0f} {p95:8.0f} {statistics.median(cpu):8.0f} {len(queries):8d}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the test database")
    parser.add_argument("--default-gc", action="store_true",
                        help="Python's default collector thresholds instead of the web process's (config/gc_tuning.py)")
    parser.add_argument("--no-analyze", action="store_true",
                        help="leave the tables without planner statistics (as measured before stop 22)")
    args = parser.parse_args()
    original_name = setup(args.keep, args.projects, args.no_analyze)
    if not args.default_gc:  # as config/wsgi.py sets it for every web worker
        from config.gc_tuning import tune

        tune()
    from django.db import connection

    from projects.models import Project

    gc_label = "Python's default collector" if args.default_gc else "the web process's collector settings"
    print(f"{Project.objects.count()} projects, PostgreSQL, in-process test client, {args.runs} runs per page, "
          f"{gc_label}, {'no planner statistics' if args.no_analyze else 'tables analysed'}")
    try:
        measure(args.runs)
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
