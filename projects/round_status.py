"""A project's status in a round, and whether a quarter's report is missed: defined once, here.

The booklet and the dashboard (reports.figures), the planner's board, an owner's home and the
reminders all ask these two questions; none of them answers it on its own.

- Status in a round (booklet.md): the status of the project's latest handed-in report in the round.
  When the round's closing quarter has no report, the project is ไม่รายงาน (not reported), unless
  its latest report says it was completed (ดำเนินการเสร็จสิ้นแล้ว): a finished project has nothing
  more to report, so its status carries forward until the owner reports again.
- Missed (เลยกำหนด): the quarter's deadline has passed, the project is not cancelled, its report
  for the quarter is not handed in (none, a draft, or returned for fixing and not sent again), and
  it is not a completed project carried forward. Open or closed window alike: closing a window does
  not make a missing report less missing.
"""

from __future__ import annotations

from dataclasses import dataclass

# Reports an owner has handed in; a draft is still the owner's.
COUNTED_REPORT_STATES = ("submitted", "returned", "accepted")
# A report in one of these states is in the planner's hands: never missed.
HANDED_IN_STATES = ("submitted", "accepted")
NOT_REPORTED = "not_reported"
COMPLETED = "completed"


@dataclass(frozen=True)
class RoundStatus:
    status: str  # a ProgressStatus value or NOT_REPORTED
    report: object | None  # the report the status comes from
    carried: bool  # True when it comes from an earlier quarter's "completed" report

    @property
    def carried_from(self):
        return self.report.quarter if self.carried else None


def status_in_round(reports, quarter) -> RoundStatus:
    """`reports`: the project's reports (any order, any state); `quarter`: the round's closing quarter."""
    counted = sorted(
        (r for r in reports if r.state in COUNTED_REPORT_STATES and r.quarter <= quarter), key=lambda r: r.quarter
    )
    if counted and counted[-1].quarter == quarter:
        return RoundStatus(counted[-1].status, counted[-1], False)
    if counted and counted[-1].status == COMPLETED:
        return RoundStatus(COMPLETED, counted[-1], True)
    return RoundStatus(NOT_REPORTED, None, False)


def completed_before(reports, quarter) -> bool:
    """True when the project finished in an earlier quarter and has not reported `quarter`: nobody chases it."""
    return status_in_round(reports, quarter).carried


def is_missed(window, project, reports, today) -> bool:
    """Is the project's report for `window`'s quarter missed on `today`? `reports`: all of its reports."""
    if getattr(project, "cancelled", False) or today <= window.deadline:
        return False
    own = next((r for r in reports if r.quarter == window.quarter), None)
    if own is not None and own.state in HANDED_IN_STATES:
        return False
    return not completed_before(reports, window.quarter)


def needs_report(project, reports, quarter) -> bool:
    """Should the owner still hand in a report for `quarter` (for reminders)? Ignores deadlines."""
    if getattr(project, "cancelled", False):
        return False
    own = next((r for r in reports if r.quarter == quarter), None)
    if own is not None and own.state in HANDED_IN_STATES:
        return False
    return not completed_before(reports, quarter)
