"""Copying a year's plan into the next year: the plan row comes from `plans`, its projects from here."""

import re

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
    old_year = source.fiscal_year.be_year
    for project in source.projects.filter(cancelled=False).select_related("strategy"):
        project_copy_into(project=project, action_plan=target, keep_strategy=keeps_strategies,
                          code=code_for_year(project.code, old_year, be_year))
    return target


def code_for_year(code, old_year, new_year):
    """A project code carried into `new_year`: a leading year ("2567-..." or "67-...", followed by a
    separator) becomes the new year's ("2568-...", "68-..."); any other code stays as it is."""
    for old, new in ((str(old_year), str(new_year)), (str(old_year)[-2:], str(new_year)[-2:])):
        if re.match(rf"{old}(?=[-/._ ])", code):
            return new + code[len(old):]
    return code
