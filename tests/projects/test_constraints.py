"""What must always hold is enforced by the database, not only by forms."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from plans.models import FiscalYear
from projects.models import QuarterlyReport
from tests import factories

pytestmark = pytest.mark.django_db


def assert_refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_it_allows_one_report_per_project_and_quarter():
    report = factories.QuarterlyReportFactory(quarter=2)
    assert_refused(lambda: QuarterlyReport.objects.create(project=report.project, quarter=2))
    QuarterlyReport.objects.create(project=report.project, quarter=3)


def test_it_refuses_a_fifth_quarter():
    project = factories.ProjectFactory()
    assert_refused(lambda: QuarterlyReport.objects.create(project=project, quarter=5))
    assert_refused(lambda: factories.SpendingPlanFactory(project=project, quarter=0))


def test_it_keeps_project_codes_unique_within_a_plan_only():
    project = factories.ProjectFactory(code="67-01")
    assert_refused(lambda: factories.ProjectFactory(action_plan=project.action_plan, code="67-01",
                                                    group=project.group, strategy=project.strategy))
    other_year_plan = factories.ActionPlanFactory(
        office=project.action_plan.office, fiscal_year=FiscalYear.objects.create(be_year=2568),
        development_plan=project.action_plan.development_plan,
    )
    factories.ProjectFactory(action_plan=other_year_plan, code="67-01", group=project.group,
                             strategy=project.strategy)


def test_it_refuses_negative_money():
    project = factories.ProjectFactory()
    assert_refused(lambda: factories.AllocationFactory(project=project, amount=Decimal("-1")))
    assert_refused(lambda: factories.SpendingPlanFactory(project=project, amount=Decimal("-0.01")))
    assert_refused(lambda: factories.DisbursementFactory(project=project, amount=Decimal("0")))
    assert_refused(lambda: factories.QuarterlyReportFactory(project=project, spent_amount=Decimal("-5")))


def test_it_allows_one_allocation_per_source():
    allocation = factories.AllocationFactory()
    assert_refused(lambda: factories.AllocationFactory(project=allocation.project, source=allocation.source))
    factories.AllocationFactory(project=allocation.project, source=factories.budget_source("obec"))


def test_it_requires_a_reason_to_cancel_a_project():
    project = factories.ProjectFactory()
    project.cancelled = True
    assert_refused(project.save)
    project.cancelled_reason = "ยุบรวมกับโครงการอื่น"
    project.save()


def test_it_stores_an_unreported_amount_as_unknown_not_zero():
    report = factories.QuarterlyReportFactory()
    report.refresh_from_db()
    assert report.spent_amount is None


def test_it_keeps_fiscal_years_in_the_buddhist_era():
    assert_refused(lambda: FiscalYear.objects.create(be_year=2024))


def test_it_derives_fiscal_year_dates():
    year = factories.fiscal_year(2567)
    assert (year.start_date.isoformat(), year.end_date.isoformat()) == ("2023-10-01", "2024-09-30")
    assert [q.number for q in year.quarters] == [1, 2, 3, 4]
