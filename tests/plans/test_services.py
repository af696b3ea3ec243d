import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import ActionPlan, AlignmentItem, AlignmentKind, Group, ReportingWindow
from projects.models import Project
from projects.year_copy import action_plan_copy
from tests import factories


def test_it_creates_an_action_plan_for_a_year_the_development_plan_covers(world):
    plan = services.action_plan_create(
        office=world.office, be_year=2568, development_plan=world.plan.development_plan
    )
    assert plan.fiscal_year.be_year == 2568


def test_it_refuses_a_year_outside_the_development_plan(world):
    with pytest.raises(ValidationError, match="ไม่ครอบคลุมปีงบประมาณ พ.ศ. 2571"):
        services.action_plan_create(
            office=world.office, be_year=2571, development_plan=world.plan.development_plan
        )


def test_it_refuses_a_second_plan_for_the_same_year(world):
    with pytest.raises(ValidationError, match="มีแผนปฏิบัติการปีงบประมาณ พ.ศ. 2567 อยู่แล้ว"):
        services.action_plan_create(
            office=world.office, be_year=2567, development_plan=world.plan.development_plan
        )


def _rich_project(world):
    project = world.project_a
    main = factories.ActivityFactory(project=project, title="อบรมครู", planned_q2=True)
    factories.ActivityFactory(project=project, parent=main, title="อบรมรุ่นที่ 1")
    factories.IndicatorFactory(project=project, text="ครูผ่านการอบรม")
    factories.AllocationFactory(project=project, amount=Decimal("50000"))
    factories.QuarterlyReportFactory(project=project, quarter=1)
    national = AlignmentItem.objects.create(kind=AlignmentKind.NATIONAL_STRATEGY, code="3", title="คน")
    policy = AlignmentItem.objects.create(
        kind=AlignmentKind.OBEC_POLICY, code="1", title="นโยบาย", be_year=2567
    )
    project.alignment.set([national, policy])
    project.added_mid_year, project.added_mid_year_reason = True, "เพิ่มตามนโยบาย"
    project.save()
    return project, national


def test_it_copies_projects_activities_indicators_owners_and_national_alignment_into_the_new_year(world):
    project, national = _rich_project(world)
    target = action_plan_copy(source=world.plan, fiscal_year=2568)
    copy = target.projects.get(code=project.code)
    assert copy.pk != project.pk
    assert set(copy.owners.all()) == {world.owner_a, world.head_a}
    assert list(copy.alignment.all()) == [national]
    titles = {(a.title, a.parent.title if a.parent else None) for a in copy.activities.all()}
    assert titles == {("อบรมครู", None), ("อบรมรุ่นที่ 1", "อบรมครู")}
    assert [i.text for i in copy.indicators.all()] == ["ครูผ่านการอบรม"]
    assert not copy.added_mid_year


def test_it_does_not_copy_money_reports_or_cancelled_projects(world):
    _rich_project(world)
    world.project_b.cancelled, world.project_b.cancelled_reason = True, "ยกเลิก"
    world.project_b.save()
    target = action_plan_copy(source=world.plan, fiscal_year=2568)
    assert [p.code for p in target.projects.all()] == [world.project_a.code]
    copy = target.projects.get()
    assert not copy.allocations.exists()
    assert not copy.reports.exists()


def test_it_refuses_to_copy_into_a_year_that_already_has_a_plan_and_writes_nothing(world):
    factories.ActionPlanFactory(
        office=world.office,
        development_plan=world.plan.development_plan,
        fiscal_year=factories.fiscal_year(2568),
    )
    before = Project.objects.count()
    with pytest.raises(ValidationError):
        action_plan_copy(source=world.plan, fiscal_year=2568)
    assert Project.objects.count() == before
    assert ActionPlan.objects.filter(office=world.office).count() == 2


def test_it_refuses_a_group_name_the_office_already_has(world):
    with pytest.raises(ValidationError, match="มีกลุ่มชื่อ"):
        services.group_create(office=world.office, name=world.group.name, short_name="x", abbreviation="ใหม่.")


def test_it_refuses_to_delete_a_group_that_still_has_projects(world):
    with pytest.raises(ValidationError, match="ยังมีโครงการที่กลุ่มนี้รับผิดชอบ"):
        services.group_delete(group=world.group)
    assert Group.objects.filter(pk=world.group.pk).exists()


def test_it_refuses_a_strategy_number_already_used_in_the_plan(world):
    with pytest.raises(ValidationError, match=f"มีกลยุทธ์ที่ {world.strategy.number} อยู่แล้ว"):
        services.strategy_save(
            development_plan=world.strategy.development_plan, number=world.strategy.number, title="ซ้ำ"
        )


def test_it_reopens_a_closed_quarter_with_a_new_deadline(world):
    window = services.reporting_window_open(
        action_plan=world.plan, quarter=1, deadline=datetime.date(2024, 1, 15)
    )
    services.reporting_window_close(window=window)
    reopened = services.reporting_window_open(
        action_plan=world.plan, quarter=1, deadline=datetime.date(2024, 1, 31)
    )
    assert reopened.pk == window.pk
    assert reopened.is_open
    assert ReportingWindow.objects.get(pk=window.pk).deadline == datetime.date(2024, 1, 31)


def test_it_refuses_a_deadline_before_the_quarter_starts(world):
    with pytest.raises(ValidationError, match="กำหนดส่งต้องไม่ก่อนวันเริ่มไตรมาส"):
        services.reporting_window_open(
            action_plan=world.plan, quarter=2, deadline=datetime.date(2023, 12, 31)
        )
