"""The dashboard's line for the office's own budget (issue #17): the disbursed percent of all the
office's money as of its date, labelled as office money, apart from the projects' money."""

import re

from django.urls import reverse

from budget.office_budget_services import LineInput, office_budget_set
from tests import factories
from tests.budget import reference_004 as ref


def _line(response):
    html = re.sub(r"\s+", " ", response.content.decode())
    return re.search(r'id="office-budget-line">(.*?)</div></div>', html).group(1)


def test_the_dashboard_shows_the_office_budget_as_office_money(client, world):
    plan = factories.ActionPlanFactory(office=world.office, fiscal_year=factories.fiscal_year(2565),
                                       development_plan=world.plan.development_plan)
    office_budget_set(office=world.office, fiscal_year=plan.fiscal_year, as_of=ref.AS_OF,
                      lines={c: LineInput(*a) for c, a in ref.LINES.items()}, user=world.finance,
                      expected_version=0)
    client.force_login(world.director)
    line = _line(client.get(reverse("reports:dashboard"), {"year": 2565}))
    assert "ร้อยละ ๙๙.๗๗" in line
    assert "๓๑๗,๔๘๙,๘๒๒.๕๖ จาก ๓๑๘,๒๒๓,๙๓๘.๐๐ บาท" in line
    assert "ณ วันที่ ๓๐ กันยายน พ.ศ. ๒๕๖๕" in line
    assert "เงินของสำนักงาน ไม่ใช่งบโครงการ" in line
    # The year without figures says so; it never shows another year's.
    other_year = _line(client.get(reverse("reports:dashboard"), {"year": 2567}))
    assert "ยังไม่ได้บันทึก" in other_year and "๙๙.๗๗" not in other_year


def test_the_projects_money_is_labelled_as_such(client, world):
    client.force_login(world.director)
    html = client.get(reverse("reports:dashboard")).content.decode()
    assert "(งบประมาณโครงการตามแผนปฏิบัติการ)" in html
