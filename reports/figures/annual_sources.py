"""What the annual report takes from the other year-end modules, read in one place.

- The project's year-end report (verdict, results, problems, suggestions): `year_ends(projects)`.
- The project indicators' achievement counts: `indicator_tallies(rows)`.
- The office budget by expenditure category: `office_budget(plan)`.

Until those modules exist on this branch the annual report falls back to what the quarterly reports
hold (the last counted report's texts; no verdict) and prints no office budget table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reports.figures.types import said

ACHIEVED, NOT_ACHIEVED, NOT_REPORTED = "achieved", "not_achieved", "not_reported"
VERDICT_LABELS = {ACHIEVED: "บรรลุ", NOT_ACHIEVED: "ไม่บรรลุ", NOT_REPORTED: "ยังไม่รายงาน"}


@dataclass
class YearEnd:
    """A project's year-end, as the annual report prints it."""

    verdict: str = NOT_REPORTED
    verdict_reason: str = ""
    results_quantitative: str = ""
    results_qualitative: str = ""
    problems: str = ""
    suggestions: str = ""
    remaining_disposition: str = ""
    next_year: str = ""
    report: object = None  # the year-end report row, when there is one
    photos_source: list = field(default_factory=list)

    @property
    def verdict_label(self):
        return VERDICT_LABELS[self.verdict]


def year_ends(rows):
    """{project_id: YearEnd} for the rows (ProjectFigures of the 12-month round)."""
    result = {}
    for row in rows:
        latest = row.latest_report
        result[row.project.pk] = YearEnd(
            results_quantitative=said(latest.results) if latest else "",
            problems=said(latest.problems) if latest else "",
            suggestions=said(latest.suggestions) if latest else "",
        )
    return result


def indicator_tallies(rows):
    """{project_id: Tally} of the project indicators' year-end verdicts; None until the counting module lands."""
    return None


def office_budget(plan):
    """The office's budget table by expenditure category for the plan's year, or None."""
    return None
