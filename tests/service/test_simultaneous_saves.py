"""Two people saving at once on the embedded SQLite database: both saves land, none fails with
"database is locked" (immediate transactions and a busy timeout). Also holds on PostgreSQL."""

import threading

import pytest
from django.db import connection

from projects.models import QuarterlyReport
from projects.reporting.services import ReportInput, report_save_draft
from tests.projects.test_report_services import open_window

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 20


def test_two_owners_saving_at_the_same_moment_both_succeed(world):
    open_window(world.plan)
    errors = []

    def save(project, user, text, barrier):
        try:
            barrier.wait()
            report_save_draft(project=project, quarter=2, user=user, data=ReportInput(values={"results": text}))
        except Exception as exc:  # collected: the assertion below names it
            errors.append(repr(exc))
        finally:
            connection.close()

    for round_ in range(ROUNDS):
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(target=save, args=(world.project_a, world.owner_a, f"ก รอบ {round_}", barrier)),
            threading.Thread(target=save, args=(world.project_b, world.owner_b, f"ข รอบ {round_}", barrier)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    last = ROUNDS - 1
    assert QuarterlyReport.objects.get(project=world.project_a).results == f"ก รอบ {last}"
    assert QuarterlyReport.objects.get(project=world.project_b).results == f"ข รอบ {last}"
