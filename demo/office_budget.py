"""The demo office's own budget by expenditure category for the finished fiscal year 2567 (issue #17).

INVENTED figures (reference 003 prints no such table): plausible for a primary ESA of Samut Sakhon's
size, between 002's 158 million and 004's 318 million, with some money still committed by purchase
order at the year's end, as 002 shows. Not the projects' money: the action plan's projects hold about
1.3 million of it, inside งบดำเนินงาน and งบรายจ่ายอื่น.
"""

import datetime
from decimal import Decimal

from budget.office_budget import office_budget_record
from budget.office_budget_services import LineInput, lines_of, office_budget_set

AS_OF = datetime.date(2024, 9, 30)  # 30 กันยายน 2567, the last day of fiscal year 2567

# category: (allocated, disbursed, committed by purchase order) — invented.
LINES = {
    "personnel": ("14236800.00", "14102455.32", "0.00"),
    "operating": ("15482300.00", "15017894.50", "212400.00"),
    "investment": ("21560000.00", "20835700.00", "598000.00"),
    "subsidy": ("96413250.00", "96398650.00", "0.00"),
    "other": ("18725600.00", "18102384.75", "354800.00"),
    "central": ("1250000.00", "1248760.00", "0.00"),
}


def seed_office_budget(plan, finance):
    """Enter the figures as finance would, once: a second run changes nothing (and adds no history)."""
    wanted = {category: LineInput(*(Decimal(v) for v in amounts)) for category, amounts in LINES.items()}
    record = office_budget_record(office=plan.office, fiscal_year=plan.fiscal_year)
    if record is not None and record.as_of == AS_OF and lines_of(record) == wanted:
        return record
    return office_budget_set(office=plan.office, fiscal_year=plan.fiscal_year, as_of=AS_OF, lines=wanted,
                             user=finance, expected_version=record.version if record else 0,
                             reason="ข้อมูลตัวอย่างของสำนักงานสาธิต")
