"""Point 4 of issue #10: the status chart says "percent of all projects", so its bars are on a 100 % scale."""

from decimal import Decimal as D

from reports import charts
from reports.figures import StatusCounts


def test_status_bars_are_percent_of_all_projects():
    status = StatusCounts(counts={"completed": 1, "in_progress": 3, "not_started": 0, "not_reported": 0}, total=4)
    lengths = {bar.key: bar.length for bar in charts.status_bars(status)}
    assert lengths["in_progress"] == D("75.0")  # 3 of 4, not the full width of the largest bar
    assert lengths["completed"] == D("25.0")
