import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import ReportingWindow
from projects.reporting.services import ReportInput, report_save_draft
from tests import factories


def test_it_shows_who_changed_what_from_what_to_what(client, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    activity = factories.ActivityFactory(project=world.project_a, title="อบรมครู")
    report = report_save_draft(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        data=ReportInput(values={"problems": "งบล่าช้า"}),
    )
    report_save_draft(
        project=world.project_a,
        quarter=2,
        user=world.owner_a,
        expected_version=report.version,
        data=ReportInput(
            values={"problems": "ครูติดภารกิจ"},
            activities={activity.pk: {"status": "completed", "text": "จัดแล้ว"}},
        ),
    )
    world.owner_a.first_name = "สมศรี"
    world.owner_a.save()
    client.force_login(world.director)
    body = client.get(reverse("reporting:history", kwargs={"pk": world.project_a.pk})).content.decode()
    assert "ปัญหาและอุปสรรค" in body
    assert "งบล่าช้า" in body and "ครูติดภารกิจ" in body
    assert "สมศรี" in body
    assert "ความก้าวหน้ากิจกรรม" in body and "จัดแล้ว" in body
    assert "บันทึกฉบับร่าง" in body


def _history_queries(client, world):
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("reporting:history", kwargs={"pk": world.project_a.pk}))
    return len(queries)


def test_it_reads_history_in_a_number_of_queries_that_does_not_grow(client, world):
    client.force_login(world.planner)
    counts = []
    for quarters in ((1,), (2, 3, 4)):
        for quarter in quarters:
            activity = factories.ActivityFactory(project=world.project_a)
            report = report_save_draft(
                project=world.project_a,
                quarter=quarter,
                user=world.planner,
                data=ReportInput(values={"results": "ก"}),
            )
            report_save_draft(
                project=world.project_a,
                quarter=quarter,
                user=world.planner,
                expected_version=report.version,
                data=ReportInput(
                    values={"results": "ข"}, activities={activity.pk: {"status": "completed", "text": "ค"}}
                ),
            )
        counts.append(_history_queries(client, world))
    assert counts[0] == counts[1]
