"""`manage.py render_booklet`: the demo office's 6-month PDF, checked as a director reads it.

Expected demo figures are the register's (shared/docs/demo-office.md): 26 projects, 5 completed,
12 in progress, 2 not started, 7 not reported (4, 5, 8, 10, 11, 12, 13); allocated 1,288,109,
disbursed by finance 666,412, owner-reported spending 391,627.
Percents by hand: 5/26 = 19.23, 12/26 = 46.15, 2/26 = 7.69, 7/26 = 26.92; 666,412 / 1,288,109 = 51.74.
"""

import re
import shutil
import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdftotext(path):
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"[ \t]+", " ", out.stdout)


def pdffonts(path):
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()}


@pytest.fixture
def demo(db):
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        call_command("seed_demo", stdout=StringIO())


def test_it_renders_the_demo_offices_six_month_booklet(demo, tmp_path):
    out = StringIO()
    path = tmp_path / "demo.pdf"
    call_command("render_booklet", office=["สพป.สมุทรสาคร"], year=2567, round=6, output=str(path), stdout=out)
    assert str(path) in out.getvalue()
    text = pdftotext(path)
    # Status counts, in the summary chart's labels.
    for count, percent in [("๕", "๑๙.๒๓"), ("๑๒", "๔๖.๑๕"), ("๒", "๗.๖๙"), ("๗", "๒๖.๙๒")]:
        assert f"{count} โครงการ ({percent})" in text
    # The status table's rows in order: completed, in progress, not started, not reported, total.
    assert re.search(r"๕ ๑๙\.๒๓\n.*๑๒ ๔๖\.๑๕\n.*๒ ๗\.๖๙\n.*๗ ๒๖\.๙๒\n.*๒๖ ๑๐๐\.๐๐", text)
    assert "๑,๒๘๘,๑๐๙.๐๐" in text  # allocated
    assert "๖๖๖,๔๑๒.๐๐" in text  # disbursed by finance through Q2
    assert "๓๙๑,๖๒๗.๐๐" in text  # owner-reported spending (table 4's total)
    assert "๕๑.๗๔" in text  # disbursed as a percent of the allocation
    assert pdffonts(path) == {"Laksaman", "Laksaman-Bold"}


def test_it_needs_an_office_placeholder_to_write_many_offices(world, tmp_path):
    with pytest.raises(CommandError, match=r"\{office\}"):
        call_command("render_booklet", all_offices=True, year=2567, round=6, output=str(tmp_path / "x.pdf"))


def test_it_says_which_office_has_no_plan(world, tmp_path):
    with pytest.raises(CommandError, match="ไม่พบแผนปฏิบัติการของหน่วยงาน “ไม่มี”"):
        call_command("render_booklet", office=["ไม่มี"], year=2567, round=6, output=str(tmp_path / "x.pdf"))


def test_all_offices_is_one_task_per_office(world, tmp_path, monkeypatch):
    from reports import tasks

    queued, delay = [], tasks.office_booklet.delay

    def record(plan_id, months, overrides, output):
        queued.append((plan_id, months, output))
        return delay(plan_id, months, overrides, output)

    monkeypatch.setattr(tasks.office_booklet, "delay", record)
    out = StringIO()
    call_command("render_booklet", all_offices=True, year=2567, round=6, digits="arabic",
                 output=str(tmp_path / "{office}-{round}.pdf"), stdout=out)
    offices = {world.office.short_name, world.other_plan.office.short_name}
    assert sorted(plan for plan, _m, _o in queued) == sorted([world.plan.pk, world.other_plan.pk])
    for name in offices:
        assert (tmp_path / f"{name}-6.pdf").read_bytes().startswith(b"%PDF")
    assert "2 หน่วยงาน" in out.getvalue()
    assert not list(tmp_path.glob(".*.part"))


def test_every_office_goes_to_a_queue_of_its_own_that_planners_jobs_do_not_wait_on(settings):
    """A national run is hundreds of tasks: they wait on render_booklet's queue, which the workers of
    planners' booklet jobs and mail (the default queue) do not read."""
    from kombu import Connection

    from config.celery import app
    from reports import tasks

    assert settings.TIDTAM_NATIONAL_TASK_QUEUE != settings.CELERY_TASK_DEFAULT_QUEUE
    route = app.amqp.router.route
    assert route({}, "reports.office_booklet", (), {})["queue"].name == settings.TIDTAM_NATIONAL_TASK_QUEUE
    for planners in ("reports.document_job", "projects.send_mail"):
        assert route({}, planners, (), {})["queue"].name == settings.CELERY_TASK_DEFAULT_QUEUE

    # Sent for real (to an in-memory broker): the message lands on the national queue, none on the other.
    eager, broker = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager, app.conf.broker_url = False, "memory://"
    try:
        with Connection("memory://") as connection:
            national = connection.SimpleQueue(settings.TIDTAM_NATIONAL_TASK_QUEUE)
            planners = connection.SimpleQueue(settings.CELERY_TASK_DEFAULT_QUEUE)
            tasks.office_booklet.apply_async((1, 6, {}, "/tmp/x.pdf"), connection=connection)
            message = national.get(timeout=5)
            assert message.headers["task"] == "reports.office_booklet"
            message.ack()
            assert planners.qsize() == 0
    finally:
        app.conf.task_always_eager, app.conf.broker_url = eager, broker


def test_with_a_broker_and_no_worker_on_its_queue_it_says_so_instead_of_waiting_forever(world, tmp_path, settings,
                                                                                       monkeypatch):
    from reports import tasks
    from reports.management.commands import render_booklet

    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(render_booklet, "national_queue_served", lambda: False)
    queued = []
    monkeypatch.setattr(tasks.office_booklet, "delay", lambda *args: queued.append(args))
    output = str(tmp_path / "{office}.pdf")
    with pytest.raises(CommandError, match="ยังไม่มี worker รับคิว .*make worker-national"):
        call_command("render_booklet", all_offices=True, year=2567, round=6, output=output)
    assert not queued
    # Queued without waiting: a warning, and the tasks wait on the queue for a worker.
    err = StringIO()
    call_command("render_booklet", all_offices=True, year=2567, round=6, output=output, no_wait=True,
                 stdout=StringIO(), stderr=err)
    assert "คำเตือน: ยังไม่มี worker รับคิว" in err.getvalue() and len(queued) == 2
    # A worker on the queue: no refusal.
    monkeypatch.setattr(render_booklet, "national_queue_served", lambda: True)
    call_command("render_booklet", all_offices=True, year=2567, round=6, output=output, no_wait=True,
                 stdout=StringIO(), stderr=(err := StringIO()))
    assert "คำเตือน" not in err.getvalue()


def test_it_asks_the_workers_which_queues_they_read(settings, monkeypatch):
    from celery import current_app

    from reports.management.commands.render_booklet import national_queue_served

    class Inspect:
        def __init__(self, answer):
            self.answer = answer

        def active_queues(self):
            return self.answer

    national = {"name": settings.TIDTAM_NATIONAL_TASK_QUEUE}
    for answer, served in [(None, False), ({"w1@h": [{"name": "tidtam"}]}, False),
                           ({"w1@h": [{"name": "tidtam"}], "n@h": [national]}, True)]:
        monkeypatch.setattr(current_app.control, "inspect", lambda timeout, answer=answer: Inspect(answer))
        assert national_queue_served() is served
