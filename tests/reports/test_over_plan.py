"""Point 3 of issue #10: money disbursed above a project's plan is shown apart, never netted silently."""

from decimal import Decimal as D

from reports.context import BookletParams
from reports.figures import Round, booklet_figures
from reports.pdf import render_booklet_html


def test_it_shows_disbursement_over_plan_next_to_plan_minus_disbursed(small):
    money = booklet_figures(small.plan, Round(2567, 6)).money
    # Q2: A planned 4,000 and disbursed 5,000 (1,000 over); others short. Plan − disbursed stays 6,000.
    assert money.quarter.not_disbursed == D("6000")
    assert money.quarter.over_plan == D("1000")
    # Cumulative: A planned 7,000, disbursed 8,000 -> 1,000 over; B planned 3,000, disbursed 1,000.
    assert money.cumulative.over_plan == D("1000")
    html = render_booklet_html(BookletParams(action_plan=small.plan, months=6, digits="arabic"))
    summary = html[html.index('id="summary"'):html.index('id="tables"')]
    row = summary[summary.index("เบิกจ่ายเกินแผน"):]
    row = row[: row.index("</tr>")]
    assert "1,000.00" in row
