from datetime import date, datetime

import pytest

from plans.thai_calendar import (
    ROUNDS,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    FiscalQuarter,
    be_year,
    ce_year,
    fiscal_year_bounds,
    fiscal_year_of,
    quarter_bounds,
    quarter_of,
    quarter_of_round,
    quarters_of,
    round_bounds,
    round_months_of_quarter,
)


def test_it_lists_twelve_month_names_in_calendar_order():
    assert len(THAI_MONTHS) == len(THAI_MONTHS_SHORT) == 12
    assert (THAI_MONTHS[0], THAI_MONTHS[2], THAI_MONTHS[11]) == ("มกราคม", "มีนาคม", "ธันวาคม")
    assert (THAI_MONTHS_SHORT[2], THAI_MONTHS_SHORT[9]) == ("มี.ค.", "ต.ค.")


def test_it_converts_between_be_and_ce_years():
    assert be_year(date(2024, 3, 31)) == 2567
    assert ce_year(2567) == 2024
    assert be_year(datetime(2024, 1, 1, 23, 59)) == 2567


@pytest.mark.parametrize(
    ("day", "fiscal_year", "quarter"),
    [
        (date(2023, 9, 30), 2566, 4),
        (date(2023, 10, 1), 2567, 1),
        (date(2023, 12, 31), 2567, 1),
        (date(2024, 1, 1), 2567, 2),
        (date(2024, 2, 29), 2567, 2),
        (date(2024, 3, 31), 2567, 2),
        (date(2024, 4, 1), 2567, 3),
        (date(2024, 6, 30), 2567, 3),
        (date(2024, 7, 1), 2567, 4),
        (date(2024, 9, 30), 2567, 4),
        (date(2024, 10, 1), 2568, 1),
    ],
)
def test_it_places_edge_dates_in_the_right_fiscal_year_and_quarter(day, fiscal_year, quarter):
    assert fiscal_year_of(day) == fiscal_year
    assert quarter_of(day) == quarter


@pytest.mark.parametrize("month", range(1, 13))
def test_it_puts_every_month_in_the_quarter_listed_in_the_domain_docs(month):
    expected = {10: 1, 11: 1, 12: 1, 1: 2, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 4, 8: 4, 9: 4}
    assert quarter_of(date(2024, month, 15)) == expected[month]


def test_it_treats_a_datetime_like_its_date():
    assert fiscal_year_of(datetime(2023, 10, 1, 0, 0)) == 2567
    assert quarter_of(datetime(2023, 12, 31, 23, 59)) == 1


def test_it_gives_fiscal_year_bounds_from_october_to_september():
    assert fiscal_year_bounds(2567) == (date(2023, 10, 1), date(2024, 9, 30))


@pytest.mark.parametrize(
    ("quarter", "bounds"),
    [
        (1, (date(2023, 10, 1), date(2023, 12, 31))),
        (2, (date(2024, 1, 1), date(2024, 3, 31))),
        (3, (date(2024, 4, 1), date(2024, 6, 30))),
        (4, (date(2024, 7, 1), date(2024, 9, 30))),
    ],
)
def test_it_gives_quarter_bounds(quarter, bounds):
    assert quarter_bounds(2567, quarter) == bounds


@pytest.mark.parametrize(
    ("months", "end"),
    [(3, date(2023, 12, 31)), (6, date(2024, 3, 31)), (9, date(2024, 6, 30)), (12, date(2024, 9, 30))],
)
def test_it_makes_rounds_cumulative_from_the_fiscal_year_start(months, end):
    assert round_bounds(2567, months) == (date(2023, 10, 1), end)


def test_it_maps_rounds_and_quarters_both_ways():
    assert ROUNDS == (3, 6, 9, 12)
    assert [round_months_of_quarter(q) for q in range(1, 5)] == [3, 6, 9, 12]
    assert [quarter_of_round(m) for m in ROUNDS] == [1, 2, 3, 4]


@pytest.mark.parametrize("months", [0, 1, 4, 5, 13, 24, -3])
def test_it_rejects_a_round_that_is_not_3_6_9_or_12_months(months):
    with pytest.raises(ValueError):
        quarter_of_round(months)
    with pytest.raises(ValueError):
        round_bounds(2567, months)


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_it_rejects_a_quarter_outside_1_to_4(quarter):
    with pytest.raises(ValueError):
        quarter_bounds(2567, quarter)
    with pytest.raises(ValueError):
        round_months_of_quarter(quarter)
    with pytest.raises(ValueError):
        FiscalQuarter(2567, quarter)


@pytest.mark.parametrize("bad", [True, 1.0, "1", None])
def test_it_rejects_a_quarter_that_is_not_an_int(bad):
    with pytest.raises(TypeError):
        quarter_bounds(2567, bad)


@pytest.mark.parametrize("fiscal_year", [2024, 1, 2399, 2701])
def test_it_rejects_a_ce_looking_fiscal_year(fiscal_year):
    with pytest.raises(ValueError, match="Buddhist Era"):
        fiscal_year_bounds(fiscal_year)
    with pytest.raises(ValueError):
        quarter_bounds(fiscal_year, 1)
    with pytest.raises(ValueError):
        quarters_of(fiscal_year)


def test_it_rejects_something_that_is_not_a_date():
    with pytest.raises(TypeError):
        fiscal_year_of("2024-01-01")


def test_it_describes_a_fiscal_quarter():
    quarter = FiscalQuarter(2567, 2)
    assert (quarter.start, quarter.end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert quarter.round_months == 6
    assert quarter.contains(date(2024, 2, 29))
    assert quarter.contains(date(2024, 1, 1)) and quarter.contains(date(2024, 3, 31))
    assert not quarter.contains(date(2023, 12, 31))
    assert not quarter.contains(date(2024, 4, 1))
    assert quarter.contains(datetime(2024, 3, 31, 23, 59))


def test_it_finds_the_fiscal_quarter_of_a_date():
    assert FiscalQuarter.of_date(date(2023, 10, 1)) == FiscalQuarter(2567, 1)
    assert FiscalQuarter.of_date(date(2023, 9, 30)) == FiscalQuarter(2566, 4)


def test_it_keeps_a_fiscal_quarter_immutable_hashable_and_ordered():
    quarter = FiscalQuarter(2567, 1)
    with pytest.raises(AttributeError):
        quarter.number = 2
    assert len({quarter, FiscalQuarter(2567, 1)}) == 1
    assert FiscalQuarter(2566, 4) < FiscalQuarter(2567, 1) < FiscalQuarter(2567, 2)


def test_it_lists_the_four_quarters_of_a_fiscal_year_that_tile_it():
    quarters = quarters_of(2567)
    assert [q.number for q in quarters] == [1, 2, 3, 4]
    assert {q.fiscal_year for q in quarters} == {2567}
    assert quarters[0].start == fiscal_year_bounds(2567)[0]
    assert quarters[-1].end == fiscal_year_bounds(2567)[1]
    for earlier, later in zip(quarters, quarters[1:], strict=False):
        assert (later.start - earlier.end).days == 1


def test_it_agrees_with_itself_for_every_day_of_a_leap_fiscal_year():
    start, end = fiscal_year_bounds(2567)
    day = start
    count = 0
    while day <= end:
        quarter = FiscalQuarter.of_date(day)
        assert quarter.fiscal_year == 2567 and quarter.contains(day)
        day = date.fromordinal(day.toordinal() + 1)
        count += 1
    assert count == 366
