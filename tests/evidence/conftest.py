import datetime
from pathlib import Path

import pytest

from plans.models import ReportingWindow
from tests import factories


@pytest.fixture
def report(world):
    """Owner A's draft report of quarter 2, with the quarter's window open."""
    ReportingWindow.objects.create(action_plan=world.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    return factories.QuarterlyReportFactory(project=world.project_a, quarter=2)


@pytest.fixture
def stored_files(media_root):
    def listing():
        return sorted(str(p.relative_to(media_root)) for p in Path(media_root).rglob("*") if p.is_file())

    return listing
