"""Thai calendar arithmetic: Buddhist Era years, fiscal years, quarters and rounds.

Pure Python on purpose (no Django import) so reports, management commands and tests
can use it without settings.

Facts encoded here:
- พุทธศักราช (พ.ศ., Buddhist Era) year = CE year + 543.
- ปีงบประมาณ (fiscal year) N, a BE year, runs 1 Oct of BE N-1 to 30 Sep of BE N,
  so a date in Oct-Dec belongs to the NEXT BE year's fiscal year.
- ไตรมาส (quarters): Q1 Oct-Dec, Q2 Jan-Mar, Q3 Apr-Jun, Q4 Jul-Sep.
- รอบ (reporting rounds) of 3/6/9/12 months run from the fiscal year's start to the end
  of Q1/Q2/Q3/Q4: progress booklets are cumulative, not per quarter.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

BE_OFFSET = 543

# Years outside this range are almost certainly CE years typed or passed by mistake
# (2024 instead of 2567), so they are refused rather than silently shifted 543 years.
MIN_BE_YEAR = 2400
MAX_BE_YEAR = 2700

# Index with month - 1 (THAI_MONTHS[0] is January / มกราคม).
THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

# รอบ ๓ / ๖ / ๙ / ๑๒ เดือน
ROUNDS = (3, 6, 9, 12)

FISCAL_YEAR_START_MONTH = 10  # October


def _check_int(value: object, what: str) -> int:
    # bool is an int subclass; True as a quarter is always a bug.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, got {value!r}")
    return value


def _check_fiscal_year(fy: object) -> int:
    fy = _check_int(fy, "fiscal year")
    if not MIN_BE_YEAR <= fy <= MAX_BE_YEAR:
        raise ValueError(
            f"fiscal year {fy} is not a Buddhist Era year ({MIN_BE_YEAR}-{MAX_BE_YEAR}); "
            f"did you pass a CE year? Use be_year()."
        )
    return fy


def _check_quarter(q: object) -> int:
    q = _check_int(q, "quarter")
    if not 1 <= q <= 4:
        raise ValueError(f"quarter must be 1-4, got {q}")
    return q


def _as_date(d: object) -> datetime.date:
    # A datetime is a date subclass, but comparing one with a plain date raises TypeError.
    if isinstance(d, datetime.datetime):
        return d.date()
    if isinstance(d, datetime.date):
        return d
    raise TypeError(f"expected a date, got {d!r}")


def be_year(d: datetime.date) -> int:
    """BE (พ.ศ.) calendar year of a date."""
    return _as_date(d).year + BE_OFFSET


def ce_year(be: int) -> int:
    """CE (ค.ศ.) year of a BE year."""
    return _check_int(be, "BE year") - BE_OFFSET


def fiscal_year_of(d: datetime.date) -> int:
    """Fiscal year (ปีงบประมาณ, BE) a date belongs to; Oct-Dec count toward next year."""
    d = _as_date(d)
    return be_year(d) + (1 if d.month >= FISCAL_YEAR_START_MONTH else 0)


def quarter_of(d: datetime.date) -> int:
    """Fiscal quarter 1..4 of a date (Q1 = Oct-Dec)."""
    d = _as_date(d)
    return (d.month - FISCAL_YEAR_START_MONTH) % 12 // 3 + 1


def fiscal_year_bounds(fy: int) -> tuple[datetime.date, datetime.date]:
    """First and last day (inclusive) of fiscal year fy (BE)."""
    ce = ce_year(_check_fiscal_year(fy))
    return datetime.date(ce - 1, 10, 1), datetime.date(ce, 9, 30)


def quarter_bounds(fy: int, q: int) -> tuple[datetime.date, datetime.date]:
    """First and last day (inclusive) of quarter q of fiscal year fy."""
    ce = ce_year(_check_fiscal_year(fy))
    q = _check_quarter(q)
    # Q1 starts in October of the previous CE year; Q2-Q4 in Jan/Apr/Jul of the CE year.
    start_month = (FISCAL_YEAR_START_MONTH - 1 + 3 * (q - 1)) % 12 + 1
    year = ce - 1 if q == 1 else ce
    end_month = start_month + 2
    last_day = calendar.monthrange(year, end_month)[1]
    return datetime.date(year, start_month, 1), datetime.date(year, end_month, last_day)


def round_months_of_quarter(q: int) -> int:
    """Length in months of the round ending with quarter q (Q2 -> รอบ ๖ เดือน)."""
    return 3 * _check_quarter(q)


def quarter_of_round(months: int) -> int:
    """Quarter that closes a round of 3/6/9/12 months."""
    months = _check_int(months, "round months")
    if months not in ROUNDS:
        raise ValueError(f"round must be one of {ROUNDS} months, got {months}")
    return months // 3


def round_bounds(fy: int, months: int) -> tuple[datetime.date, datetime.date]:
    """Fiscal-year start to the end of the round's last quarter (cumulative)."""
    q = quarter_of_round(months)
    return fiscal_year_bounds(fy)[0], quarter_bounds(fy, q)[1]


@dataclass(frozen=True, order=True)
class FiscalQuarter:
    """One quarter (ไตรมาส) of a fiscal year; ordering follows time."""

    fiscal_year: int
    number: int

    def __post_init__(self) -> None:
        _check_fiscal_year(self.fiscal_year)
        _check_quarter(self.number)

    @classmethod
    def of_date(cls, d: datetime.date) -> FiscalQuarter:
        return cls(fiscal_year_of(d), quarter_of(d))

    @property
    def start(self) -> datetime.date:
        return quarter_bounds(self.fiscal_year, self.number)[0]

    @property
    def end(self) -> datetime.date:
        return quarter_bounds(self.fiscal_year, self.number)[1]

    @property
    def round_months(self) -> int:
        return round_months_of_quarter(self.number)

    def contains(self, d: datetime.date) -> bool:
        return self.start <= _as_date(d) <= self.end


def quarters_of(fy: int) -> tuple[FiscalQuarter, ...]:
    """The four quarters of fiscal year fy, in order (a tuple, so it can be iterated twice)."""
    _check_fiscal_year(fy)
    return tuple(FiscalQuarter(fy, q) for q in range(1, 5))
