import datetime

from django.urls import reverse

from plans.models import ReportingWindow
from projects.models import ReportState
from tests import factories

PAST = datetime.date(2000, 1, 15)
FUTURE = datetime.date(2099, 1, 15)


def _board(client, user, **params):
    client.force_login(user)
    return client.get(reverse("plans:board"), params)


def test_it_says_when_no_quarter_is_open(client, world):
    page = _board(client, world.planner).content.decode()
    assert "ยังไม่ได้เปิดรับรายงานไตรมาสใด" in page


def test_it_shows_each_projects_report_state_for_the_quarter(client, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=FUTURE)
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, state=ReportState.SUBMITTED)
    # A report of another quarter does not count for this one.
    factories.QuarterlyReportFactory(project=world.project_b, quarter=2, state=ReportState.ACCEPTED)
    response = _board(client, world.planner)
    groups, total = response.context["groups"], response.context["total"]
    states = {row.project.pk: row.state for g in groups for row in g.rows}
    assert states == {world.project_a.pk: ReportState.SUBMITTED, world.project_b.pk: "none"}
    assert dict((key, n) for key, _, n in total.counts)["submitted"] == 1
    assert dict((key, n) for key, _, n in total.counts)["none"] == 1


def test_it_marks_unsubmitted_reports_overdue_after_the_deadline(client, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=PAST)
    factories.QuarterlyReportFactory(project=world.project_a, quarter=1, state=ReportState.SUBMITTED)
    factories.QuarterlyReportFactory(project=world.project_b, quarter=1, state=ReportState.RETURNED)
    response = _board(client, world.planner)
    overdue = {row.project.pk: row.overdue for g in response.context["groups"] for row in g.rows}
    assert overdue == {world.project_a.pk: False, world.project_b.pk: True}
    assert response.context["total"].overdue == 1
    assert "table-danger" in response.content.decode()


def test_it_counts_projects_per_group(client, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=FUTURE)
    other_group = factories.GroupFactory(office=world.office)
    factories.ProjectFactory(action_plan=world.plan, group=other_group, strategy=world.strategy)
    response = _board(client, world.planner)
    sizes = {g.group.pk: len(g.rows) for g in response.context["groups"]}
    assert sizes == {world.group.pk: 2, other_group.pk: 1}


def test_it_leaves_cancelled_projects_off_the_board(client, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=FUTURE)
    world.project_b.cancelled, world.project_b.cancelled_reason = True, "งบถูกตัด"
    world.project_b.save()
    response = _board(client, world.planner)
    assert [row.project.pk for g in response.context["groups"] for row in g.rows] == [world.project_a.pk]


def test_it_opens_a_quarter_with_a_buddhist_era_deadline(client, world):
    client.force_login(world.planner)
    response = client.post(reverse("plans:window_open"), {"quarter": "2", "deadline": "15/04/2567"})
    assert response.status_code == 302
    window = ReportingWindow.objects.get(action_plan=world.plan, quarter=2)
    assert window.deadline == datetime.date(2024, 4, 15)
    assert window.is_open


def test_it_refuses_to_open_a_quarter_that_is_already_open(client, world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=FUTURE)
    client.force_login(world.planner)
    response = client.post(reverse("plans:window_open"), {"quarter": "2", "deadline": "15/04/2567"})
    assert response.status_code == 200
    assert "ไตรมาสที่ ๒ เปิดรับรายงานอยู่แล้ว" in response.content.decode()


def test_it_closes_a_quarter(client, world):
    window = ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=FUTURE)
    client.force_login(world.planner)
    client.post(reverse("plans:window_close", args=[window.pk]))
    window.refresh_from_db()
    assert not window.is_open


def test_it_does_not_let_a_director_close_a_quarter(client, world):
    window = ReportingWindow.objects.create(action_plan=world.plan, quarter=1, deadline=FUTURE)
    client.force_login(world.director)
    assert client.post(reverse("plans:window_close", args=[window.pk])).status_code == 403
    window.refresh_from_db()
    assert window.is_open


def test_it_sends_a_planner_without_a_plan_to_set_one_up(client, db):
    office = factories.OfficeFactory()
    planner = factories.UserFactory(username="new_planner")
    factories.MembershipFactory(user=planner, office=office, role="planner")
    response = _board(client, planner)
    assert response.url == reverse("plans:setup")


def test_the_window_form_offers_the_next_quarter_to_open(client, world):
    """Issue 19: after Q1 and Q2 were opened, the form starts at Q3, not Q1."""
    client.force_login(world.planner)
    assert client.get(reverse("plans:window_open")).context["form"]["quarter"].value() == 1
    for quarter in (1, 2):
        ReportingWindow.objects.create(action_plan=world.plan, quarter=quarter, deadline=FUTURE)
    assert client.get(reverse("plans:window_open")).context["form"]["quarter"].value() == 3
