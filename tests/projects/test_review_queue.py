"""Review in one pass (issue #19, item 2): after accepting or returning a report the planner lands on
the next report waiting in the same quarter; the checked reports of a quarter are accepted at once,
each through the one-report service (audited one by one)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from plans.models import ReportingWindow
from projects.models import QuarterlyReport, ReportState
from projects.reporting.services import CONTRIBUTION_FIELDS, NO_EFFECT_SENTENCE, ReportInput, report_submit
from tests import factories


@pytest.fixture
def window(world):
    return ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))


def submit(project, user, quarter=2):
    return report_submit(project=project, quarter=quarter, user=user, data=ReportInput(values={
        "status": "in_progress", "results": "ผล", "spent_amount": Decimal("0"),
        **{name: NO_EFFECT_SENTENCE for name in CONTRIBUTION_FIELDS},
    }))


@pytest.fixture
def five(world, window):
    """Five submitted reports of quarter 2, in the plan's order."""
    projects = [world.project_a, world.project_b]
    for _ in range(3):
        projects.append(factories.ProjectFactory(action_plan=world.plan, group=world.group,
                                                 strategy=world.strategy, owners=[world.owner_a]))
    for order, project in enumerate(projects):
        project.display_order = order
        project.save(update_fields=["display_order"])
    return [submit(p, world.planner) for p in projects]


def report_url(report):
    return reverse("reporting:report", kwargs={"pk": report.project_id, "quarter": report.quarter})


def waiting_url(world, quarter=2):
    return reverse("reporting:waiting", kwargs={"plan_pk": world.plan.pk, "quarter": quarter})


def review(client, report, action="accept", comment=""):
    report.refresh_from_db()
    return client.post(reverse("reporting:review", kwargs={"pk": report.pk}),
                       {"action": action, "comment": comment, "version": report.version})


def test_it_goes_straight_to_the_next_waiting_report_after_accept_and_return(client, world, five):
    client.force_login(world.planner)
    response = review(client, five[0])
    assert response.url == report_url(five[1])
    response = review(client, five[1], action="return", comment="เพิ่มภาพกิจกรรม")
    assert response.url == report_url(five[2])


def test_it_says_none_are_left_after_the_last_one(client, world, five):
    client.force_login(world.planner)
    for report in five:
        response = review(client, report)
    assert response.url == waiting_url(world)
    body = client.get(response.url).content.decode()
    assert "ไม่มีรายงานที่รอตรวจในไตรมาสนี้แล้ว" in body
    assert set(QuarterlyReport.objects.values_list("state", flat=True)) == {ReportState.ACCEPTED}


def test_it_stays_on_the_report_when_the_review_is_refused(client, world, five):
    client.force_login(world.planner)
    response = review(client, five[0], action="return", comment="")
    assert response.url == report_url(five[0])


def test_it_shows_a_next_link_and_the_count_on_a_waiting_report(client, world, five):
    client.force_login(world.planner)
    body = client.get(report_url(five[3])).content.decode()
    assert 'id="next-waiting"' in body and report_url(five[4]) in body
    assert "รอตรวจในไตรมาสนี้ ๕ ฉบับ" in body
    # The last one wraps round to the first still waiting.
    assert report_url(five[0]) in client.get(report_url(five[4])).content.decode()


def test_it_lists_the_quarters_waiting_reports_for_the_planner(client, world, five):
    five[0].state = ReportState.ACCEPTED
    five[0].save()
    client.force_login(world.planner)
    body = client.get(waiting_url(world)).content.decode()
    assert f'id="report-{five[1].pk}"' in body and f'id="report-{five[0].pk}"' not in body


def test_it_accepts_the_checked_reports_one_by_one_each_audited(client, world, five):
    client.force_login(world.planner)
    checked = five[:3]
    data = {"report": [r.pk for r in checked], **{f"version-{r.pk}": r.version for r in checked}}
    response = client.post(reverse("reporting:accept_checked", kwargs={"plan_pk": world.plan.pk, "quarter": 2}),
                           data, follow=True)
    assert "ตรวจรับรายงานแล้ว ๓ ฉบับ" in response.content.decode()
    states = {r.pk: r.state for r in QuarterlyReport.objects.all()}
    assert [states[r.pk] for r in five] == ["accepted"] * 3 + ["submitted"] * 2
    for report in checked:
        latest = report.history.latest()
        assert (latest.history_change_reason, latest.history_user) == ("ตรวจรับรายงาน", world.planner)


def test_it_refuses_in_thai_the_checked_reports_not_waiting_and_accepts_the_others(client, world, five):
    returned = five[0]
    returned.state = ReportState.RETURNED
    returned.save()
    changed = five[1]
    read_version = changed.version
    QuarterlyReport.objects.filter(pk=changed.pk).update(version=read_version + 1)
    client.force_login(world.planner)
    data = {"report": [returned.pk, changed.pk, five[2].pk, "junk"],
            f"version-{changed.pk}": read_version, f"version-{five[2].pk}": "x"}
    response = client.post(reverse("reporting:accept_checked", kwargs={"plan_pk": world.plan.pk, "quarter": 2}),
                           data, follow=True)
    body = response.content.decode()
    assert "ไม่ได้อยู่ในสถานะรอตรวจ" in body
    assert "ถูกแก้ไขโดยผู้อื่น" in body
    states = dict(QuarterlyReport.objects.values_list("pk", "state"))
    assert states[returned.pk] == "returned"
    assert states[changed.pk] == "submitted"
    assert states[five[2].pk] == "accepted"


@pytest.mark.parametrize("junk", ["²", "๑", "9" * 30, "-1", "1e3"])
def test_an_id_or_version_no_column_holds_is_ignored_not_a_server_error(client, world, five, junk):
    """str.isdigit() says yes to "²" and to thirty nines; int() or the database then said 500."""
    client.force_login(world.planner)
    data = {"report": [junk, five[0].pk], f"version-{five[0].pk}": junk, f"version-{junk}": "1"}
    response = client.post(reverse("reporting:accept_checked", kwargs={"plan_pk": world.plan.pk, "quarter": 2}),
                           data, follow=True)
    assert response.status_code == 200
    assert QuarterlyReport.objects.get(pk=five[0].pk).state == ReportState.ACCEPTED


def test_it_asks_to_check_something_when_nothing_is_checked(client, world, five):
    client.force_login(world.planner)
    response = client.post(reverse("reporting:accept_checked", kwargs={"plan_pk": world.plan.pk, "quarter": 2}),
                           {}, follow=True)
    assert "ยังไม่ได้เลือกรายงาน" in response.content.decode()


def test_it_ignores_reports_of_another_office(client, world, five):
    other = submit(world.other_project, world.other_planner)
    client.force_login(world.planner)
    client.post(reverse("reporting:accept_checked", kwargs={"plan_pk": world.plan.pk, "quarter": 2}),
                {"report": [other.pk]})
    other.refresh_from_db()
    assert other.state == ReportState.SUBMITTED


def _loads(client, method, url, data=None):
    """Page loads of one action: the request and each redirect it follows."""
    response = getattr(client, method)(url, data or {}, follow=True)
    return 1 + len(response.redirect_chain), response


def test_reviewing_five_reports_takes_fewer_page_loads(client, world, five):
    """Before: per report open it from the board, POST (+ redirect back to the same report), back to
    the board = 4 loads, plus the board once. After: the list, the first report, then POST + redirect
    to the next report = 2 loads each. The figures are printed for the issue's note."""
    client.force_login(world.planner)
    loads, response = _loads(client, "get", waiting_url(world))
    loads_one, response = _loads(client, "get", report_url(five[0]))
    loads += loads_one
    for report in five:
        assert response.request["PATH_INFO"] == report_url(report)
        report.refresh_from_db()
        step, response = _loads(client, "post", reverse("reporting:review", kwargs={"pk": report.pk}),
                                {"action": "accept", "version": report.version})
        loads += step
    assert "ไม่มีรายงานที่รอตรวจ" in response.content.decode()
    before = 1 + 5 * 4
    print(f"\nreview of 5 reports: before {before} page loads, after {loads} (one pass)")
    assert loads == 12 < before
