"""M9: owners and alignment changes are in the project's history (before → after); deletions show
their values; an office history page (planners and directors) lists office-level changes with names
and local Buddhist-era dates."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from plans import services as plan_services
from projects import services
from tests import factories


def test_changing_only_the_owners_leaves_a_history_entry_with_before_and_after(client, world):
    world.owner_a.first_name, world.owner_b.first_name = "สมชาย", "สมหญิง"
    world.owner_a.save()
    world.owner_b.save()
    services.project_update(project=world.project_a, expected_version=world.project_a.version, values={},
                            owners=[world.owner_b], alignment=None, by=world.planner)
    client.force_login(world.director)
    page = client.get(reverse("reporting:history", kwargs={"pk": world.project_a.pk})).content.decode()
    assert "ผู้รับผิดชอบโครงการ" in page
    assert "สมชาย" in page and "สมหญิง" in page


def test_changing_only_the_alignment_leaves_a_history_entry(client, world):
    from plans.models import AlignmentItem

    item = AlignmentItem.objects.filter(be_year__isnull=True).first() or AlignmentItem.objects.create(
        kind=AlignmentItem._meta.get_field("kind").choices[0][0], code="X1", title="ยุทธศาสตร์ทดสอบ")
    services.project_update(project=world.project_a, expected_version=world.project_a.version, values={},
                            owners=None, alignment=[item], by=world.planner)
    client.force_login(world.planner)
    page = client.get(reverse("reporting:history", kwargs={"pk": world.project_a.pk})).content.decode()
    assert "ความสอดคล้อง" in page and str(item)[:20] in page


def test_a_deletion_shows_the_values_deleted(client, world):
    factories.AllocationFactory(project=world.project_a)
    disbursement = factories.DisbursementFactory(project=world.project_a, source=factories.budget_source("office"),
                                                 amount=Decimal("4321"), reference="ขบ 77")
    from budget.services import disbursement_delete

    disbursement_delete(disbursement=disbursement, user=world.finance, reason="ซ้ำ")
    client.force_login(world.planner)
    page = client.get(reverse("reporting:history", kwargs={"pk": world.project_a.pk})).content.decode()
    assert "๔,๓๒๑.๐๐" in page  # in the office's interface digits (Thai by default)


@pytest.mark.parametrize(("user", "status"), [("planner", 200), ("director", 200), ("finance", 403),
                                             ("owner_a", 403)])
def test_the_office_history_page_is_for_planners_and_directors(client, world, user, status):
    client.force_login(getattr(world, user))
    assert client.get(reverse("reports:office_history")).status_code == status


def test_the_office_history_page_lists_office_changes_with_names_and_be_dates(client, world):
    world.planner.first_name = "วิภา"
    world.planner.save()
    group = plan_services.group_create(office=world.office, name="กลุ่มส่งเสริมการศึกษาทางไกล",
                                       short_name="ทางไกล", abbreviation="กทก", by=world.planner)
    group.history.update(history_user=world.planner)
    plan_services.reporting_window_open(action_plan=world.plan, quarter=3, deadline=datetime.date(2024, 7, 10),
                                        by=world.planner)
    plan_services.group_delete(group=group, by=world.planner)
    other_group = factories.GroupFactory(office=world.other_office, name="กลุ่มของสำนักงานอื่น")
    client.force_login(world.director)
    page = client.get(reverse("reports:office_history")).content.decode()
    assert "กลุ่มส่งเสริมการศึกษาทางไกล" in page and "วิภา" in page
    assert "ลบ" in page and "ไตรมาสที่ ๓" in page
    assert str(datetime.date.today().year + 543) in page or "๒๕" in page
    assert other_group.name not in page
