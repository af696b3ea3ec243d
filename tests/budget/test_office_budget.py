"""The office's budget by expenditure category (issue #17): the one computation (budget.office_budget)
and its writes (budget.office_budget_services), with 004's and 002's figures."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from budget.models import OfficeBudget, OfficeBudgetLine
from budget.office_budget import compute, office_budget_of_plan, office_budget_table
from budget.office_budget_services import LineInput, check_office_budget, office_budget_set
from plans.concurrency import StaleEdit
from plans.thai_formats import format_money, format_percent
from tests import factories
from tests.budget import reference_004 as ref

TODAY = datetime.date(2024, 11, 1)


def _inputs(lines):
    return {c: LineInput(*amounts) for c, amounts in lines.items()}


def _printed(row):
    return (format_money(row.allocated, digits="arabic"), format_money(row.disbursed, digits="arabic"),
            format_money(row.remaining, digits="arabic"), format_percent(row.percent, digits="arabic"))


@pytest.fixture
def plan_2565(world):
    return factories.ActionPlanFactory(office=world.office, fiscal_year=factories.fiscal_year(2565),
                                       development_plan=world.plan.development_plan)


def test_004_totals_from_its_categories():
    table = compute([_line(c, *a) for c, a in ref.LINES.items()], be_year=2565, as_of=ref.AS_OF)
    assert _printed(table.total) == ref.TOTAL
    for row in table.rows:
        assert _printed(row)[2:] == ref.PRINTED[row.category]
    # งบกลาง on its own line, outside the total; its remaining and percent as computed (see reference_004).
    assert table.central.label == "งบกลาง"
    assert _printed(table.central) == ("5,851,800.00", "5,851,795.80", "4.20", "100.00")
    assert [r.label for r in table.rows] == ["งบบุคลากร", "งบดำเนินงาน", "งบลงทุน", "งบเงินอุดหนุน", "งบรายจ่ายอื่น"]
    assert not table.has_committed


def test_002_remaining_leaves_out_what_is_committed_by_purchase_order():
    # 002, FY2566: งบดำเนินงาน 13,327,528.00 allocated, 12,472,366.27 disbursed, 379,571.00 committed.
    table = compute([_line("operating", "13327528.00", "12472366.27", "379571.00"),
                     _line("personnel", "12159000.00", "11874194.04", "0"),
                     _line("other", "35313480.00", "33914895.35", "1097000.00")],
                    be_year=2566, as_of=datetime.date(2023, 9, 30))
    operating = table.rows[1]
    assert operating.remaining == Decimal("475590.73")
    assert table.rows[0].percent == Decimal("97.66")  # 002's percent: disbursed / allocated
    assert table.rows[2].remaining == Decimal("301584.65") and table.rows[2].percent == Decimal("96.04")
    assert table.has_committed
    assert table.total.committed == Decimal("1476571.00")


def test_nothing_allocated_has_no_percent():
    table = compute([_line("investment", "0", "0", "0")], be_year=2567, as_of=datetime.date(2024, 9, 30))
    assert table.rows[0].percent is None
    assert table.total.percent is None


def test_percent_is_rounded_half_up():
    # 1 / 8 = 12.5 % exactly; 1 / 800 = 0.125 % → 0.13 half-up (banker's rounding would give 0.12).
    table = compute([_line("operating", "800", "1", "0")], be_year=2567, as_of=datetime.date(2024, 9, 30))
    assert table.rows[0].percent == Decimal("0.13")


def _line(category, allocated, disbursed, committed):
    return OfficeBudgetLine(category=category, allocated=Decimal(allocated), disbursed=Decimal(disbursed),
                            committed=Decimal(committed))


def test_the_service_stores_004_and_the_read_api_gives_its_totals(world, plan_2565):
    office_budget_set(office=world.office, fiscal_year=plan_2565.fiscal_year, as_of=ref.AS_OF,
                      lines=_inputs(ref.LINES), user=world.finance, expected_version=0, today=TODAY)
    table = office_budget_of_plan(plan_2565)
    assert _printed(table.total) == ref.TOTAL
    assert table.as_of == ref.AS_OF and table.be_year == 2565
    assert office_budget_table(office=world.office, fiscal_year=plan_2565.fiscal_year) == table
    # Another year, another office: nothing.
    assert office_budget_of_plan(world.plan) is None
    assert office_budget_of_plan(world.other_plan) is None


def test_a_save_keeps_history_and_blank_rows_remove_their_line(world):
    fy = world.plan.fiscal_year
    office_budget_set(office=world.office, fiscal_year=fy, as_of=datetime.date(2024, 3, 31),
                      lines={"operating": LineInput(Decimal("100"), Decimal("40"), None),
                             "central": LineInput(Decimal("10"), None, None)},
                      user=world.finance, expected_version=0, today=TODAY)
    budget = OfficeBudget.objects.get(office=world.office, fiscal_year=fy)
    office_budget_set(office=world.office, fiscal_year=fy, as_of=datetime.date(2024, 6, 30),
                      lines={"operating": LineInput(Decimal("100"), Decimal("70"), Decimal("5")),
                             "central": LineInput()},
                      user=world.planner, expected_version=budget.version, reason="ตามรายงาน GFMIS", today=TODAY)
    budget.refresh_from_db()
    assert budget.version == 2 and budget.as_of == datetime.date(2024, 6, 30)
    assert list(budget.lines.values_list("category", flat=True)) == ["operating"]
    assert budget.history.count() == 2
    assert budget.history.first().history_user == world.planner
    assert "ตามรายงาน GFMIS" in budget.history.first().history_change_reason
    operating = budget.lines.get()
    assert [h.disbursed for h in operating.history.all()] == [Decimal("70"), Decimal("40")]
    assert OfficeBudgetLine.history.filter(category="central", history_type="-").exists()


def test_a_save_made_from_an_older_version_is_refused_and_writes_nothing(world):
    fy = world.plan.fiscal_year
    kwargs = {"office": world.office, "fiscal_year": fy, "as_of": datetime.date(2024, 3, 31), "today": TODAY}
    office_budget_set(lines={"operating": LineInput(Decimal("100"))}, user=world.finance, expected_version=0,
                      **kwargs)
    with pytest.raises(StaleEdit) as stale:
        office_budget_set(lines={"operating": LineInput(Decimal("999"))}, user=world.planner, expected_version=0,
                          **kwargs)
    assert "งบดำเนินงาน" in stale.value.changes
    assert OfficeBudgetLine.objects.get().allocated == Decimal("100")


@pytest.mark.parametrize(("lines", "as_of", "key", "words"), [
    ({"operating": LineInput(Decimal("100"), Decimal("90"), Decimal("20"))}, None, "operating_disbursed",
     "เกินงบประมาณที่ได้รับจัดสรร 100.00 บาท (เกิน 10.00 บาท)"),
    ({"investment": LineInput(None, Decimal("5"))}, None, "investment_allocated", "กรุณากรอกงบประมาณที่ได้รับจัดสรร"),
    ({"other": LineInput(Decimal("-1"))}, None, "other_allocated", "ต้องไม่ติดลบ"),
    ({"other": LineInput(Decimal("1000000000000"))}, None, "other_allocated", "มากเกินกว่าที่รับได้"),
    ({"other": LineInput(Decimal("1.005"))}, None, "other_allocated", "ทศนิยมเกิน 2 ตำแหน่ง"),
    ({}, None, "__all__", "อย่างน้อยหนึ่งงบรายจ่าย"),
    ({"other": LineInput(Decimal("1"))}, datetime.date(2024, 10, 1), "as_of", "ไม่อยู่ในปีงบประมาณ พ.ศ. 2567"),
    ({"other": LineInput(Decimal("1"))}, datetime.date(2024, 9, 30), "as_of", "ต้องไม่เลยวันนี้"),
])
def test_what_cannot_be_saved_is_said_in_thai(lines, as_of, key, words):
    errors = check_office_budget(be_year=2567, as_of=as_of or datetime.date(2024, 3, 31), lines=lines,
                                 today=datetime.date(2024, 6, 1))
    assert words in errors[key], errors


def test_the_largest_amount_fits_the_column(world):
    """999,999,999,999.99 (14 digits) is stored whole on SQLite and PostgreSQL alike."""
    big = Decimal("999999999999.99")
    office_budget_set(office=world.office, fiscal_year=world.plan.fiscal_year, as_of=datetime.date(2024, 3, 31),
                      lines={"subsidy": LineInput(big, big, Decimal("0"))}, user=world.finance,
                      expected_version=0, today=TODAY)
    assert OfficeBudgetLine.objects.get().allocated == big


def test_invalid_input_writes_nothing(world):
    with pytest.raises(ValidationError):
        office_budget_set(office=world.office, fiscal_year=world.plan.fiscal_year, as_of=datetime.date(2024, 3, 31),
                          lines={"subsidy": LineInput(Decimal("1"), Decimal("2"))}, user=world.finance,
                          expected_version=0, today=TODAY)
    assert not OfficeBudget.objects.exists()


def test_the_office_history_page_lists_office_budget_changes(client, world):
    office_budget_set(office=world.office, fiscal_year=world.plan.fiscal_year, as_of=datetime.date(2024, 3, 31),
                      lines={"subsidy": LineInput(Decimal("1000"), Decimal("10"))}, user=world.finance,
                      expected_version=0, reason="ตามรายงานไตรมาส", today=TODAY)
    client.force_login(world.director)
    html = client.get(reverse("reports:office_history")).content.decode()
    assert "งบประมาณของสำนักงาน งบเงินอุดหนุน ปีงบประมาณ ๒๕๖๗" in html
    assert "ตามรายงานไตรมาส" in html
    client.force_login(world.other_planner)
    assert "งบเงินอุดหนุน" not in client.get(reverse("reports:office_history")).content.decode()
