"""Time validating and importing an action plan of 1,000 projects with 5 activities each.

    .venv/bin/python benchmarks/import_plan.py [--projects 1000] [--activities 5]
    BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432 .venv/bin/python benchmarks/import_plan.py

Builds a throw-away database (SQLite, or a PostgreSQL database tidtam_bench_import created and
dropped on the server named by BENCH_POSTGRES), migrated, a workbook in the template layout, then times
check_plan_import (read + check + preview) and plan_import_apply (check again + write, history
included), and a second import of the same file (nothing to change). Target: ≤ 10 s for the import.
"""

import argparse
import gc
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
POSTGRES = os.environ.get("BENCH_POSTGRES", "").rstrip("/")
PG_NAME = "tidtam_bench_import"
_db = tempfile.NamedTemporaryFile(suffix=".sqlite3", delete=False)
os.environ["DATABASE_URL"] = f"{POSTGRES}/{PG_NAME}" if POSTGRES else f"sqlite:///{_db.name}"


def _postgres(statement):
    import psycopg2

    connection = psycopg2.connect(f"{POSTGRES}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(statement)
    connection.close()


if POSTGRES:
    _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}")
    _postgres(f"CREATE DATABASE {PG_NAME}")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from openpyxl import load_workbook  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--activities", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)

    from plans.models import Role
    from projects.models import Activity, Project
    from projects.workbooks.plan_import import check_plan_import, plan_import_apply
    from projects.workbooks.plan_workbook import (
        ACTIVITIES,
        ALLOCATIONS,
        INDICATORS,
        PROJECTS,
        SPENDING,
        build_plan_workbook,
    )
    from tests import factories

    plan = factories.ActionPlanFactory()
    group = factories.GroupFactory(office=plan.office)
    strategy = factories.StrategyFactory(development_plan=plan.development_plan)
    planner = factories.UserFactory(username="bench_planner")
    factories.MembershipFactory(user=planner, office=plan.office, role=Role.PLANNER)

    book = load_workbook(io.BytesIO(build_plan_workbook(plan, with_data=False)))
    for n in range(1, args.projects + 1):
        code = f"B{n:04d}"
        book[PROJECTS].append(
            [
                code,
                f"โครงการทดสอบความเร็ว {n}",
                str(strategy.number),
                group.name,
                "bench_planner",
                n,
                "หลักการ",
                "ผลผลิต",
                "ผลลัพธ์",
                "1/10/2566",
                "30/9/2567",
            ]
        )
        for a in range(1, args.activities + 1):
            book[ACTIVITIES].append(
                [code, str(a), f"กิจกรรม {a}", "✓" if a % 2 else None, "✓", None, None, f"{a * 1000:,}"]
            )
        book[INDICATORS].append([code, 1, "ร้อยละของครูที่ผ่านการอบรม", 80, "ร้อยละ"])
        book[ALLOCATIONS].append([code, "งบ สพป.", 50000 + n])
        book[SPENDING].append([code, 10000, "๒๐,๐๐๐", 15000.5, None])
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    rows = args.projects * (args.activities + 4)
    print(
        f"workbook: {len(data) / 1024:,.0f} KB, {args.projects:,} projects, "
        f"{args.projects * args.activities:,} activities, ~{rows:,} rows"
    )

    started = time.perf_counter()
    check = check_plan_import(action_plan=plan, file_name="bench.xlsx", data=data)
    validate = time.perf_counter() - started
    assert check.ok, [str(e) for e in check.errors[:5]]
    print(f"validate + preview: {validate:.2f} s ({len(check.created):,} rows to create)")
    # Upload and confirm are separate requests: nothing of the preview stays in memory.
    del check, book, buffer
    gc.collect()

    started = time.perf_counter()
    plan_import_apply(action_plan=plan, file_name="bench.xlsx", data=data, user=planner)
    apply = time.perf_counter() - started
    print(f"import (check again + write with history): {apply:.2f} s")
    assert Project.objects.filter(action_plan=plan).count() == args.projects
    assert Activity.objects.filter(project__action_plan=plan).count() == args.projects * args.activities
    gc.collect()

    started = time.perf_counter()
    again = check_plan_import(action_plan=plan, file_name="bench.xlsx", data=data)
    second = time.perf_counter() - started
    assert not again.has_writes
    print(f"second check of the same file (nothing to change): {second:.2f} s")
    print(f"TOTAL validate + import: {validate + apply:.2f} s (target ≤ 10 s)")


if __name__ == "__main__":
    try:
        print(f"database: {'PostgreSQL' if POSTGRES else 'SQLite'}")
        main()
    finally:
        os.unlink(_db.name)
        if POSTGRES:
            from django.db import connections

            connections.close_all()
            _postgres(f"DROP DATABASE IF EXISTS {PG_NAME}")
