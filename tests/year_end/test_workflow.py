"""The year-end report's life through its page: prefill, draft, refused and accepted submission,
return with a comment, accept (locked), reopen; access per role and office; stale saves."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import QuarterlyReport, ReportState, YearEndReport
from projects.year_end import services
from projects.year_end.selectors import prefill
from tests import factories

D = Decimal


@pytest.fixture
def project(world):
    p = world.project_a
    factories.AllocationFactory(project=p, amount=D("10000"))
    factories.DisbursementFactory(project=p, amount=D("9000"), date=datetime.date(2024, 3, 1))
    factories.ActivityFactory(project=p, title="อบรมครู", planned_q1=True, planned_q2=True)
    factories.IndicatorFactory(project=p, text="ร้อยละครูที่ผ่านการอบรม", target_value=D("80"))
    q4 = QuarterlyReport.objects.create(project=p, quarter=4, state="accepted", results="อบรมครู 40 คน",
                                        output_progress="อบรมครบ 40 คน", problems="งบประมาณน้อย",
                                        suggestions="ควรจัดต่อเนื่อง")
    q4.indicator_results.create(indicator=p.indicators.get(), value=D("85"))
    p.output_goal = "ครูได้รับการอบรม 40 คน\nครูนำความรู้ไปใช้"
    p.save()
    return p


def url(project):
    return reverse("year_end:report", kwargs={"pk": project.pk})


def _form_data(client, project, **changes):
    """The page's own form as a browser would send it, with `changes`."""
    from tests.support.html_forms import post_forms

    page = client.get(url(project))
    form = next(f for f in post_forms(page.content) if "highlights" in f.values)
    return form.data(**changes)


COMPLETE = {
    "verdict": "achieved", "obj-0-met": "yes", "obj-1-met": "yes",
    "disposition": "returned", "step-0-started_on": "1/11/2566", "step-0-finished_on": "15/3/2567",
}


def test_a_new_report_is_prefilled_from_the_quarterly_reports(project):
    start = prefill(project)
    assert start.values["quantitative_results"] == "อบรมครบ 40 คน"
    assert start.values["problems"] == "งบประมาณน้อย"
    assert [o["text"] for o in start.objectives] == ["ครูได้รับการอบรม 40 คน", "ครูนำความรู้ไปใช้"]
    assert start.steps[0]["title"] == "อบรมครู"
    assert start.steps[0]["planned_period"] == "ไตรมาส 1–2 (ต.ค. 2566 – มี.ค. 2567)"
    assert start.indicators[project.indicators.get().pk]["value"] == D("85")


def test_owner_drafts_sends_planner_returns_then_accepts(client, world, project):
    for user in (world.owner_a, world.planner):
        user.email = f"{user.username}@example.org"
        user.save()
    client.force_login(world.owner_a)
    assert client.post(url(project), _form_data(client, project, action="draft")).status_code == 302
    report = YearEndReport.objects.get(project=project)
    assert report.state == ReportState.DRAFT and report.steps.count() == 1 and report.objectives.count() == 2

    # Incomplete: verdict, objectives' "met" and the remaining money's disposition are missing.
    response = client.post(url(project), _form_data(client, project, action="submit"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "กรุณาเลือกว่าโครงการบรรลุหรือไม่บรรลุเป้าหมาย" in page
    # In the office's digits (Thai), as the rest of the page.
    assert "กรุณาเลือกว่าวัตถุประสงค์ข้อ ๑ บรรลุหรือไม่" in page
    assert "งบประมาณคงเหลือ (คงเหลือ ๑,๐๐๐.๐๐ บาท)" in page
    assert YearEndReport.objects.get(project=project).state == ReportState.DRAFT

    response = client.post(url(project), _form_data(client, project, action="submit", **COMPLETE))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and report.verdict == "achieved"
    assert report.steps.get().started_on == datetime.date(2023, 11, 1)

    client.force_login(world.planner)
    review = reverse("year_end:review", kwargs={"pk": report.pk})
    page = client.get(url(project)).content.decode()
    assert 'id="review"' in page and "ผล ๘๕.๐๐ ≥ เป้าหมาย ๘๐.๐๐" in page
    client.post(review, {"action": "return", "comment": "", "version": report.version})
    assert YearEndReport.objects.get(pk=report.pk).state == ReportState.SUBMITTED  # a return needs a comment
    client.post(review, {"action": "return", "comment": "กรุณาระบุวันที่เผยแพร่", "version": report.version})
    report.refresh_from_db()
    assert report.state == ReportState.RETURNED and report.review_comment == "กรุณาระบุวันที่เผยแพร่"

    client.force_login(world.owner_a)
    assert "กรุณาระบุวันที่เผยแพร่" in client.get(url(project)).content.decode()
    client.post(url(project), _form_data(client, project, action="submit", **COMPLETE))
    report.refresh_from_db()
    client.force_login(world.planner)
    response = client.post(review, {"action": "accept", "version": report.version})
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED
    assert response.url == reverse("year_end:waiting", kwargs={"plan_pk": world.plan.pk})

    # Locked: the owner's post is refused and changes nothing.
    client.force_login(world.owner_a)
    response = client.post(url(project), {**COMPLETE, "highlights": "แก้หลังตรวจรับ", "action": "draft"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.highlights != "แก้หลังตรวจรับ"
    from projects.notifications.models import Mail

    subjects = list(Mail.objects.order_by("pk").values_list("subject", flat=True))
    code = project.code
    assert subjects == [f"[Tidtam] รายงานสิ้นสุดโครงการ {code} ส่งมาแล้ว รอตรวจ",
                        f"[Tidtam] รายงานสิ้นสุดโครงการ {code} ถูกส่งกลับให้แก้ไข",
                        f"[Tidtam] รายงานสิ้นสุดโครงการ {code} ส่งมาแล้ว รอตรวจ",
                        f"[Tidtam] รายงานสิ้นสุดโครงการ {code} ได้รับการตรวจรับแล้ว"]
    history = [h.history_change_reason for h in report.history.all()]
    assert "ตรวจรับรายงานสิ้นสุดโครงการ" in history and "ส่งกลับ: กรุณาระบุวันที่เผยแพร่" in history


def _input(project, **values):
    indicator = project.indicators.get()
    base = {"verdict": "achieved", "quantitative_results": "อบรมครู 40 คน", "disposition": "returned"}
    return services.YearEndInput(values={**base, **values}, objectives=[{"text": "อบรมครู", "met": True}],
                                 indicators={indicator.pk: {"value": D("85"), "text": ""}})


def test_a_missed_indicator_needs_its_reason_and_a_missed_project_its_reason(world, project):
    indicator = project.indicators.get()
    data = _input(project, verdict="not_achieved")
    data.indicators[indicator.pk] = {"value": D("70"), "text": "", "miss_reason": ""}
    errors = services.submission_errors(project, data)
    assert errors["verdict_reason"] == "กรุณาระบุสาเหตุที่โครงการไม่บรรลุเป้าหมาย"
    assert errors[f"ind-{indicator.pk}-miss_reason"].startswith("ตัวชี้วัด “ร้อยละครูที่ผ่านการอบรม” ไม่บรรลุค่าเป้าหมาย")
    data.indicators[indicator.pk]["miss_reason"] = "ครูติดภารกิจสอบ"
    data.values["verdict_reason"] = "ครูเข้าอบรมไม่ครบ"
    assert services.submission_errors(project, data) == {}


def test_the_remaining_money_is_checked_against_the_budget_selectors(world, project):
    # Allocated 10,000 − disbursed 9,000 = 1,000 left.
    assert services.submission_errors(project, _input(project, disposition="none"))["disposition"].startswith(
        "โครงการยังมีงบประมาณคงเหลือ 1,000.00 บาท")
    errors = services.submission_errors(project, _input(project, disposition="moved", moved_to=world.project_b,
                                                        moved_amount=D("1000.01")))
    assert errors["moved_amount"] == "จำนวนเงินที่นำไปใช้ (1,000.01 บาท) มากกว่างบประมาณคงเหลือ 1,000.00 บาท"
    assert services.submission_errors(project, _input(project, disposition="moved", moved_to=world.project_b,
                                                      moved_amount=D("1000"))) == {}
    errors = services.submission_errors(project, _input(project, disposition="carried_on", carried_amount=D("500")))
    assert set(errors) == {"carried_activities", "carried_reason"}


def test_a_save_based_on_an_older_version_is_refused(client, world, project):
    client.force_login(world.owner_a)
    client.post(url(project), _form_data(client, project, action="draft"))
    old = _form_data(client, project, action="draft", highlights="ของเจ้าของ ก")
    client.force_login(world.planner)
    client.post(url(project), _form_data(client, project, action="draft", highlights="ของนักวิเคราะห์"))
    client.force_login(world.owner_a)
    response = client.post(url(project), old)
    assert response.status_code == 200
    assert "มีผู้อื่นบันทึกรายงานนี้หลังจากที่คุณเปิดหน้านี้" in response.content.decode()
    assert YearEndReport.objects.get(project=project).highlights == "ของนักวิเคราะห์"


def test_who_may_read_and_write(client, world, project):
    for user, read, write in ((world.owner_b, 200, 403), (world.director, 200, 403),
                              (world.other_planner, 404, 404)):
        client.force_login(user)
        assert client.get(url(project)).status_code == read
        assert client.post(url(project), {"action": "draft"}).status_code == write
    assert not YearEndReport.objects.exists()


def test_a_reader_sees_the_report_not_the_form(client, world, project):
    client.force_login(world.owner_a)
    client.post(url(project), _form_data(client, project, action="submit", **COMPLETE))
    client.force_login(world.director)
    page = client.get(url(project)).content.decode()
    assert 'id="report-readonly"' in page and 'id="year-end-form"' not in page
    assert "บรรลุเป้าหมายของโครงการ" in page and "สิ้นสุดโครงการแล้ว ขอส่งคืนงบประมาณคงเหลือ" in page


def test_links_from_the_project_page_the_owner_home_and_the_queue(client, world, project):
    from plans.models import ReportingWindow

    ReportingWindow.objects.create(action_plan=world.plan, quarter=4, deadline=datetime.date(2024, 10, 10))
    client.force_login(world.owner_a)
    assert url(project) in client.get(reverse("projects:detail", kwargs={"pk": project.pk})).content.decode()
    assert url(project) in client.get(reverse("plans:my_projects")).content.decode()
    client.post(url(project), _form_data(client, project, action="submit", **COMPLETE))
    client.force_login(world.planner)
    queue = client.get(reverse("year_end:waiting", kwargs={"plan_pk": world.plan.pk})).content.decode()
    assert url(project) in queue and 'id="start-review"' in queue
