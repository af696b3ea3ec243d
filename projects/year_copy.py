"""Copying a year's plan into the next year: the plan row comes from `plans`, its projects from here."""

from django.db import transaction

from plans import services as plan_services
from plans.models import FiscalYear
from projects.services import project_copy_into


@transaction.atomic
def action_plan_copy(*, source, fiscal_year, by=None, development_plan=None):
    """Start next year's plan from `source`: same projects (codes kept), owners, strategies,
    alignment, activities and indicators.

    Not copied, because they belong to the year that is over: reports, disbursements, allocations
    and the spending plan (the new year's budget is decided anew), cancelled projects, year-bound
    policy alignment (a policy of year N does not apply to N+1), and the mid-year flags (a project
    copied into a new plan is part of it from the start). `fiscal_year` is a BE year (int) or a
    FiscalYear.
    """
    be_year = fiscal_year.be_year if isinstance(fiscal_year, FiscalYear) else int(fiscal_year)
    development_plan = development_plan or source.development_plan
    target = plan_services.action_plan_create(
        office=source.office, be_year=be_year, development_plan=development_plan, by=by
    )
    keeps_strategies = development_plan.pk == source.development_plan_id
    for project in source.projects.filter(cancelled=False).select_related("strategy"):
        project_copy_into(project=project, action_plan=target, keep_strategy=keeps_strategies)
    return target
