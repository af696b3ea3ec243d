import pytest
from django.core.exceptions import ValidationError

from plans.concurrency import StaleEdit
from projects import services
from tests import factories


def _values(project, **changes):
    return {**{name: getattr(project, name) for name in services.PROJECT_FIELDS}, **changes}


def test_it_refuses_a_strategy_of_another_development_plan(world):
    foreign = factories.StrategyFactory()
    with pytest.raises(ValidationError) as refused:
        services.project_update(
            project=world.project_a,
            expected_version=world.project_a.version,
            values=_values(world.project_a, strategy=foreign),
        )
    assert "กลยุทธ์ที่เลือกไม่อยู่ในแผนพัฒนาการศึกษา" in refused.value.message_dict["strategy"][0]


def test_it_refuses_a_code_already_used_in_the_plan(world):
    with pytest.raises(ValidationError) as refused:
        services.project_update(
            project=world.project_a,
            expected_version=world.project_a.version,
            values=_values(world.project_a, code=world.project_b.code),
        )
    assert "มีอยู่แล้วในแผนนี้" in refused.value.message_dict["code"][0]


def test_it_refuses_an_owner_from_another_office(world):
    with pytest.raises(ValidationError) as refused:
        services.project_update(
            project=world.project_a,
            expected_version=world.project_a.version,
            values=_values(world.project_a),
            owners=[world.other_planner],
        )
    assert "ต้องเป็นบุคลากรของหน่วยงานนี้" in refused.value.message_dict["owners"][0]


def test_it_refuses_a_save_based_on_an_older_version_and_says_what_changed(world):
    project = world.project_a
    opened_at = project.version
    services.project_update(
        project=project, expected_version=opened_at, values=_values(project, title="ชื่อที่คนแรกแก้")
    )
    with pytest.raises(StaleEdit) as stale:
        services.project_update(
            project=project,
            expected_version=opened_at,
            values=_values(project, title="ชื่อที่คนที่สองแก้"),
            owners=[world.owner_b],
        )
    assert stale.value.changes["title"] == ("ชื่อที่คนแรกแก้", "ชื่อที่คนที่สองแก้")
    assert "owners" in stale.value.changes
    project.refresh_from_db()
    assert project.title == "ชื่อที่คนแรกแก้"
    assert set(project.owners.all()) == {world.owner_a, world.head_a}


def test_it_requires_a_reason_to_cancel_or_add_mid_year(world):
    with pytest.raises(ValidationError) as refused:
        services.project_set_status(
            project=world.project_a,
            expected_version=world.project_a.version,
            added_mid_year=True,
            cancelled=True,
        )
    assert set(refused.value.message_dict) == {"added_mid_year_reason", "cancelled_reason"}


def test_it_cancels_a_project_with_its_reason(world):
    services.project_set_status(
        project=world.project_a,
        expected_version=world.project_a.version,
        added_mid_year=False,
        cancelled=True,
        cancelled_reason="ไม่ได้รับงบประมาณ",
    )
    world.project_a.refresh_from_db()
    assert world.project_a.cancelled
    assert world.project_a.cancelled_reason == "ไม่ได้รับงบประมาณ"


def test_it_adds_activities_in_order_and_moves_them(world):
    first = services.activity_save(project=world.project_a, values={"title": "หนึ่ง"})
    second = services.activity_save(project=world.project_a, values={"title": "สอง"})
    services.activity_move(activity=second, direction=-1)
    assert [a.title for a in world.project_a.activities.order_by("display_order")] == ["สอง", "หนึ่ง"]
    assert first.pk != second.pk


def test_it_nests_sub_activities_only_one_level(world):
    main = services.activity_save(project=world.project_a, values={"title": "หลัก"})
    sub = services.activity_save(project=world.project_a, values={"title": "ย่อย", "parent": main})
    with pytest.raises(ValidationError, match="ซ้อนได้เพียงชั้นเดียว"):
        services.activity_save(project=world.project_a, values={"title": "ย่อยของย่อย", "parent": sub})


def test_it_refuses_a_parent_activity_of_another_project(world):
    foreign = factories.ActivityFactory(project=world.project_b)
    with pytest.raises(ValidationError, match="ไม่ใช่ของโครงการนี้"):
        services.activity_save(project=world.project_a, values={"title": "x", "parent": foreign})


def test_it_requires_a_target_for_an_indicator(world):
    with pytest.raises(ValidationError, match="กรุณากรอกค่าเป้าหมาย"):
        services.indicator_save(project=world.project_a, text="ตัวชี้วัด")


def test_it_requires_a_unit_for_a_numeric_target(world):
    with pytest.raises(ValidationError, match="กรุณาระบุหน่วยนับ"):
        services.indicator_save(project=world.project_a, text="ตัวชี้วัด", target_value=80)


def test_it_accepts_a_target_in_words(world):
    indicator = services.indicator_save(project=world.project_a, text="คุณภาพ", target_text="ระดับดีเยี่ยม")
    assert indicator.target_text == "ระดับดีเยี่ยม"
