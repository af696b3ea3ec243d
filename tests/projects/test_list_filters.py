"""Filters on the board, the project list and finance's list (issue #19, item 3): group, state,
quarter, owner and text from the URL; paging and the year picker keep them; what cannot be used is
said in Thai and dropped, never a 500."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from plans.models import ReportingWindow
from projects import filters as list_filters
from tests import factories


@pytest.fixture
def office(world):
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    world.other_group = factories.GroupFactory(office=world.office, name="กลุ่มส่งเสริมการศึกษาทางไกล")
    world.project_c = factories.ProjectFactory(action_plan=world.plan, group=world.other_group,
                                               strategy=world.strategy, owners=[world.owner_b],
                                               title="นิเทศติดตามโรงเรียนขนาดเล็ก")
    factories.QuarterlyReportFactory(project=world.project_a, quarter=2, state="submitted", status="in_progress")
    return world


def codes(response, world):
    body = response.content.decode()
    return {p.code for p in (world.project_a, world.project_b, world.project_c) if f">{p.code}<" in body
            or f">{p.code}</a>" in body}


@pytest.mark.parametrize("name", ["plans:board", "projects:list", "budget:disbursements"])
def test_group_owner_and_text_filter_each_list(client, office, name):
    client.force_login(office.planner)
    url = reverse(name)
    assert codes(client.get(url, {"group": office.other_group.pk}), office) == {office.project_c.code}
    assert codes(client.get(url, {"owner": office.owner_b.pk}), office) == {office.project_b.code,
                                                                          office.project_c.code}
    assert codes(client.get(url, {"q": "ขนาดเล็ก"}), office) == {office.project_c.code}
    assert codes(client.get(url, {"q": office.project_a.code}), office) == {office.project_a.code}


def test_the_board_filters_by_state_including_overdue(client, office):
    client.force_login(office.planner)
    url = reverse("plans:board")
    assert codes(client.get(url, {"quarter": 2, "state": "submitted"}), office) == {office.project_a.code}
    assert codes(client.get(url, {"quarter": 2, "state": "overdue"}), office) == {office.project_b.code,
                                                                                 office.project_c.code}


def test_the_project_list_filters_by_status_in_the_asked_quarter(client, office):
    factories.QuarterlyReportFactory(project=office.project_b, quarter=1, state="accepted", status="not_started")
    client.force_login(office.planner)
    url = reverse("projects:list")
    assert codes(client.get(url, {"status": "in_progress"}), office) == {office.project_a.code}
    assert codes(client.get(url, {"status": "not_started", "quarter": 1}), office) == {office.project_b.code}


def test_finance_filters_quarters_without_a_disbursement(client, office):
    for project in (office.project_a, office.project_b):
        factories.SpendingPlanFactory(project=project, quarter=2, amount=Decimal("1000"))
    factories.DisbursementFactory(project=office.project_a, date=datetime.date(2024, 2, 1), amount=Decimal("10"))
    client.force_login(office.finance)
    url = reverse("budget:disbursements")
    assert codes(client.get(url, {"quarter": 2, "state": "missing"}), office) == {office.project_b.code}
    assert codes(client.get(url, {"quarter": 2, "state": "disbursed"}), office) == {office.project_a.code}


@pytest.mark.parametrize("name", ["plans:board", "projects:list", "budget:disbursements"])
def test_paging_and_the_year_picker_keep_the_filter(client, office, monkeypatch, name):
    monkeypatch.setattr(list_filters, "PAGE_SIZE", 1)
    client.force_login(office.planner)
    body = client.get(reverse(name), {"owner": office.owner_b.pk, "q": "โ"}).content.decode()
    pages = re.findall(r'class="page-link"[^>]*href="\?([^"]+)"', body)
    assert pages, "two projects on pages of one: a pager"
    assert all(f"owner={office.owner_b.pk}" in p and "q=%E0%B9%82" in p and "year=2567" in p for p in pages)
    second = client.get(reverse(name) + "?" + pages[-1].replace("&amp;", "&"))
    assert "หน้าที่ ๒ จาก ๒" in second.content.decode()
    picker = second.content.decode().split('class="d-flex flex-wrap align-items-center gap-2 year-picker"')[1]
    picker = picker.split("</form>")[0]
    assert f'name="owner" value="{office.owner_b.pk}"' in picker and 'name="page"' not in picker


@pytest.mark.parametrize("name", ["plans:board", "projects:list", "budget:disbursements"])
@pytest.mark.parametrize(("params", "said"), [
    ({"group": "99999"}, "ตัวกรอง “กลุ่ม” ใช้ไม่ได้"),
    ({"owner": "²"}, "ตัวกรอง “ผู้รับผิดชอบ” ใช้ไม่ได้"),
    ({"state": "x" * 500, "status": "x" * 500}, "ตัวกรอง “สถานะ” ใช้ไม่ได้"),
    ({"quarter": "9" * 50}, "ตัวกรอง “ไตรมาส” ใช้ไม่ได้"),
    ({"page": "๙" * 30}, "จึงแสดงหน้าที่ 1"),
    ({"page": "99999999999999999999"}, "จึงแสดงหน้าที่ 1"),
])
def test_a_value_that_cannot_be_used_is_said_in_thai_and_dropped(client, office, name, params, said):
    client.force_login(office.planner)
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    assert said in response.content.decode()
    assert office.project_c.code in response.content.decode()  # shown without the filter


def test_a_group_of_another_office_is_not_used(client, office):
    foreign = factories.GroupFactory(office=office.other_office)
    client.force_login(office.planner)
    response = client.get(reverse("projects:list"), {"group": foreign.pk})
    assert "ตัวกรอง “กลุ่ม” ใช้ไม่ได้" in response.content.decode()
    assert codes(response, office) == {office.project_a.code, office.project_b.code, office.project_c.code}


def test_after_recording_from_the_filtered_list_finance_is_back_on_it(client, office):
    source = factories.budget_source("office")
    factories.AllocationFactory(project=office.project_b, source=source, amount=Decimal("5000"))
    client.force_login(office.finance)
    url = reverse("budget:disbursement_add", kwargs={"pk": office.project_b.pk})
    data = {"date": "15/2/2567", "amount": "1,000", "source": source.pk}
    response = client.post(url, {**data, "back": "year=2567&quarter=2&state=missing&next=//elsewhere.example"})
    assert response["Location"] == reverse("budget:disbursements") + "?year=2567&quarter=2&state=missing"
    # Nothing usable to go back to: the project's page, as before.
    response = client.post(url, {**data, "reference": "2", "back": "next=//elsewhere.example"})
    assert response["Location"] == reverse("budget:project", kwargs={"pk": office.project_b.pk})
