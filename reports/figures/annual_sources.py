"""What the annual report takes from the other year-end modules, read in one place.

- Projects' verdicts and indicator counts: reports/figures/achievement.py (the one place achievement
  is counted; accepted year-end reports only, as the published report counts them).
- The project's year-end texts (results, problems, suggestions, the remaining budget's fate): its
  counted year-end report. A project without one prints its last counted quarterly report's texts,
  marked as such (`from_quarterly`), and counts as ยังไม่รายงาน.
- The office budget by expenditure category: budget/office_budget.py.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from budget.office_budget import office_budget_of_plan
from plans.achievement import ACHIEVED, NOT_ACHIEVED, NOT_REPORTED
from projects.models import YearEndObjective
from reports.figures.achievement import achievement
from reports.figures.types import said

VERDICT_LABELS = {ACHIEVED: "บรรลุ", NOT_ACHIEVED: "ไม่บรรลุ", NOT_REPORTED: "ยังไม่รายงาน"}

__all__ = ["ACHIEVED", "NOT_ACHIEVED", "NOT_REPORTED", "VERDICT_LABELS", "YearEnd", "load_achievement",
           "office_budget", "year_ends"]


@dataclass
class YearEnd:
    """A project's year-end, as the annual report prints it."""

    verdict: str = NOT_REPORTED
    verdict_reason: str = ""
    results_quantitative: str = ""
    results_qualitative: str = ""
    highlights: str = ""
    problems: str = ""
    suggestions: str = ""
    next_year: str = ""
    report: object = None  # the counted YearEndReport, when there is one
    objectives: list = field(default_factory=list)  # YearEndObjective rows (text, met) of that report
    from_quarterly: bool = False  # texts taken from the last counted quarterly report

    @property
    def verdict_label(self):
        return VERDICT_LABELS[self.verdict]


def load_achievement(action_plan):
    return achievement(action_plan, accepted_only=True)


def year_ends(rows, figures):
    """{project_id: YearEnd} for the rows (ProjectFigures of the 12-month round), from `figures`
    (an achievement.Achievement)."""
    verdicts = {v.project.pk: v for v in figures.projects}
    objectives = defaultdict(list)
    counted = [v.report.pk for v in figures.projects if v.report is not None]
    for objective in YearEndObjective.objects.filter(report_id__in=counted).order_by("report_id", "display_order",
                                                                                       "pk"):
        objectives[objective.report_id].append(objective)
    result = {}
    for row in rows:
        verdict = verdicts.get(row.project.pk)
        report = verdict.report if verdict is not None else None
        if report is not None:
            result[row.project.pk] = YearEnd(
                verdict=verdict.status, verdict_reason=verdict.reason,
                results_quantitative=said(report.quantitative_results),
                results_qualitative=said(report.qualitative_results), highlights=said(report.highlights),
                problems=said(report.problems), suggestions=said(report.suggestions),
                next_year=said(report.next_year_approach), report=report, objectives=objectives[report.pk])
            continue
        latest = row.latest_report
        result[row.project.pk] = YearEnd(
            results_quantitative=said(latest.results) if latest else "",
            problems=said(latest.problems) if latest else "",
            suggestions=said(latest.suggestions) if latest else "",
            from_quarterly=latest is not None)
    return result


def office_budget(plan):
    """The office's budget table by expenditure category for the plan's year (OfficeBudgetTable), or None."""
    return office_budget_of_plan(plan)
