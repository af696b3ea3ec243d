"""Projects and the development plan: which strategy indicators a project serves (003's form §1.3),
and a strategy's projects across the years of its plan with their budget and status.

Reads projects (and their allocations through the ORM relation), so it lives in `projects`, above `plans`.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, Sum

from plans.models import StrategyIndicator
from projects.models import Project, QuarterlyReport


def indicators_for(project):
    """The indicators of the project's development plan, in plan order."""
    return (StrategyIndicator.objects.filter(strategy__development_plan=project.action_plan.development_plan_id)
            .select_related("strategy").order_by("strategy__number", "display_order", "code"))


@transaction.atomic
def project_set_strategy_indicators(*, project, indicators, by=None):
    allowed = set(indicators_for(project).values_list("pk", flat=True))
    if any(indicator.pk not in allowed for indicator in indicators):
        raise ValidationError("เลือกได้เฉพาะตัวชี้วัดของแผนพัฒนาการศึกษาที่แผนปฏิบัติการปีนี้อ้างอิง")
    project.strategy_indicators.set(indicators)
    return project


@dataclass
class YearOfStrategy:
    be_year: int
    projects: list = field(default_factory=list)

    @property
    def allocated(self):
        return sum((p.allocated or Decimal(0) for p in self.projects), Decimal(0))


def strategy_projects(strategy):
    """Per fiscal year, the projects filed under `strategy` or serving one of its indicators, each with
    `allocated` (sum of its allocations; its activities' budgets are inside it) and `latest_report`."""
    projects = (
        Project.objects.filter(Q(strategy=strategy) | Q(strategy_indicators__strategy=strategy))
        .filter(action_plan__office_id=strategy.development_plan.office_id)
        .distinct()
        .select_related("group", "action_plan__fiscal_year")
        .prefetch_related(
            Prefetch("reports", queryset=QuarterlyReport.objects.order_by("quarter"), to_attr="reports_in_order"),
            Prefetch("strategy_indicators", queryset=StrategyIndicator.objects.filter(strategy=strategy),
                     to_attr="served_indicators"),
        )
        .annotate(allocated=Sum("allocations__amount"))
        .order_by("-action_plan__fiscal_year__be_year", "display_order", "code")
    )
    years = defaultdict(list)
    for project in projects:
        project.latest_report = project.reports_in_order[-1] if project.reports_in_order else None
        years[project.action_plan.fiscal_year.be_year].append(project)
    return [YearOfStrategy(be_year=year, projects=rows) for year, rows in years.items()]
