"""Achievement counts for the annual report: project indicators and projects at the year's end.

The one place these counts are made (the annual report, its Excel and any page call these).

Rules:
- An indicator's verdict comes from plans/achievement.assess through projects.year_end.verdicts;
  nobody types "achieved".
- Only assessed indicators (achieved + not achieved) are the base of a percent. A target of N/A is
  not assessed; an indicator without a result (no year-end report counted, or no result in it) is
  not reported: unknown, never a miss. Percent = achieved ÷ assessed × 100, half-up to 2 places
  (`plans.thai_formats.percent_of`); None (printed "-") when nothing was assessed.
- Which year-end reports count: accepted ones (`accepted_only=True`, the published report); with
  `accepted_only=False` also the ones sent and not yet reviewed (submitted / returned) — for previews.
  Drafts never count.
- Cancelled projects are counted nowhere (as in the booklet: no longer part of the plan's work).
- A project with no indicators adds nothing to any indicator count; its own tally is empty
  (total 0, percent None, `sentence` says "ไม่มีตัวชี้วัด"). It still counts among the projects,
  by its year-end report's verdict.
- A project's verdict (for the registers) is the verdict of its counted year-end report
  (บรรลุ / ไม่บรรลุ, with the reason); without one it is not reported. Project percents are of the
  projects with a verdict: "บรรลุ 31 จาก 31 โครงการ ร้อยละ 100.00".
- The development plan's indicators (targets vs results of the plan's fiscal year) come from
  plans.devplan_selectors.targets_vs_results, the same rule and the same Tally.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from plans.achievement import ACHIEVED, NOT_ACHIEVED, NOT_REPORTED
from plans.devplan_selectors import Tally, targets_vs_results
from plans.thai_formats import format_number, format_percent, percent_of
from projects.models import Indicator, Project, ReportState, YearEndIndicatorResult, YearEndReport, YearEndVerdict
from projects.year_end.verdicts import indicator_verdict

COUNTED_STATES = {True: (ReportState.ACCEPTED,),
                  False: (ReportState.ACCEPTED, ReportState.SUBMITTED, ReportState.RETURNED)}


@dataclass
class IndicatorRow:
    project: Project
    indicator: Indicator
    result: YearEndIndicatorResult | None
    verdict: object  # plans.achievement.Verdict

    @property
    def miss_reason(self):
        return self.result.miss_reason if self.result is not None else ""


@dataclass
class ProjectVerdict:
    project: Project
    report: YearEndReport | None  # the counted year-end report, or None
    status: str  # ACHIEVED / NOT_ACHIEVED / NOT_REPORTED
    indicators: Tally  # the project's own indicator tally

    @property
    def reason(self):
        return self.report.verdict_reason if self.status == NOT_ACHIEVED else ""


@dataclass
class ProjectTally:
    """Projects by verdict; percents of the projects with a verdict."""

    achieved: int = 0
    not_achieved: int = 0
    not_reported: int = 0

    def add(self, status):
        setattr(self, status, getattr(self, status) + 1)

    @property
    def assessed(self):
        return self.achieved + self.not_achieved

    @property
    def total(self):
        return self.assessed + self.not_reported

    @property
    def achieved_percent(self):
        return percent_of(self.achieved, self.assessed)


@dataclass
class Achievement:
    """Everything the annual report counts about achievement for one action plan."""

    indicators: list  # IndicatorRow, in the plan's order of projects
    overall: Tally
    by_project: dict  # project id -> Tally
    by_strategy: list  # (Strategy, Tally), in strategy order, strategies with projects only
    by_group: list  # (Group, Tally), in group order
    projects: list  # ProjectVerdict, in the plan's order (cancelled projects left out)
    projects_in_plan: ProjectTally = field(default_factory=ProjectTally)
    projects_added: ProjectTally = field(default_factory=ProjectTally)  # added during the year
    projects_all: ProjectTally = field(default_factory=ProjectTally)


def _projects(action_plan):
    return list(Project.objects.filter(action_plan=action_plan, cancelled=False)
                .select_related("strategy", "group").prefetch_related("owners")
                .order_by("display_order", "code", "pk"))


def achievement(action_plan, *, accepted_only=True):
    """The achievement figures of `action_plan` (a fixed number of queries whatever its size)."""
    projects = _projects(action_plan)
    reports = {r.project_id: r for r in YearEndReport.objects.filter(
        project__action_plan=action_plan, state__in=COUNTED_STATES[bool(accepted_only)])}
    results = {(r.report_id, r.indicator_id): r for r in YearEndIndicatorResult.objects.filter(
        report__in=list(reports.values()))}
    indicators = defaultdict(list)
    for indicator in Indicator.objects.filter(project__in=projects).order_by("project_id", "display_order", "pk"):
        indicators[indicator.project_id].append(indicator)

    rows, overall, by_project = [], Tally(), {}
    strategies, groups = {}, {}
    by_strategy, by_group = defaultdict(Tally), defaultdict(Tally)
    verdicts = []
    figures = Achievement(indicators=rows, overall=overall, by_project=by_project, by_strategy=[], by_group=[],
                          projects=verdicts)
    for project in projects:
        report = reports.get(project.pk)
        tally = by_project[project.pk] = Tally()
        strategies[project.strategy_id] = project.strategy
        groups[project.group_id] = project.group
        for indicator in indicators[project.pk]:
            result = results.get((report.pk, indicator.pk)) if report is not None else None
            verdict = indicator_verdict(indicator, result)
            rows.append(IndicatorRow(project, indicator, result, verdict))
            for each in (tally, overall, by_strategy[project.strategy_id], by_group[project.group_id]):
                each.add(verdict.status)
        status = NOT_REPORTED
        if report is not None and report.verdict:
            status = ACHIEVED if report.verdict == YearEndVerdict.ACHIEVED else NOT_ACHIEVED
        verdicts.append(ProjectVerdict(project, report, status, tally))
        (figures.projects_added if project.added_mid_year else figures.projects_in_plan).add(status)
        figures.projects_all.add(status)
    # Every strategy and group with projects gets a line, a zero one when its projects have no indicators.
    figures.by_strategy = sorted(((strategies[pk], by_strategy.get(pk) or Tally()) for pk in strategies),
                                 key=lambda pair: (pair[0].number, pair[0].pk))
    figures.by_group = sorted(((groups[pk], by_group.get(pk) or Tally()) for pk in groups),
                              key=lambda pair: (pair[0].display_order, pair[0].pk))
    return figures


def development_plan_tally(action_plan):
    """The development plan's indicators for the plan's fiscal year (targets vs results): a Tally of the
    top-level indicators, composites judged from their sub-indicators (reports/devplan's own report)."""
    return targets_vs_results(action_plan.development_plan, action_plan.fiscal_year.be_year).overall


def combined(*tallies):
    """Project indicators and development-plan indicators counted together (one Tally)."""
    total = Tally()
    for tally in tallies:
        total.achieved += tally.achieved
        total.not_achieved += tally.not_achieved
        total.not_assessed += tally.not_assessed
        total.not_reported += tally.not_reported
    return total


def sentence(tally, *, noun="ตัวชี้วัด", digits="thai"):
    """"บรรลุ ๔๗ จาก ๔๙ ตัวชี้วัด ร้อยละ ๙๕.๙๒" (the base is the assessed ones); "ไม่มีตัวชี้วัด…" when none."""
    if tally.assessed == 0:
        return f"ไม่มี{noun}ที่ประเมินได้"
    return (f"บรรลุ {format_number(tally.achieved, digits)} จาก {format_number(tally.assessed, digits)} {noun} "
            f"ร้อยละ {format_percent(tally.achieved_percent, digits)}")
