"""Every figure of the booklet, the Excel export and the dashboard: computed here, once.

One fixed set of queries loads an action plan's projects with everything a round needs
(`load_round`); the rest is plain Python over those rows, so the number of queries does not
grow with the number of projects. The dashboard's figures (`summary`) sum the money in the database
and go through the same rules. Pages, the PDF, Excel and the dashboard import from here and never
add or divide money themselves.

Rules (booklet.md, domain.md):
- A round of 3/6/9/12 months covers the fiscal year's quarters 1..q (`thai_calendar`).
- A project's status in a round is the status of its *submitted* report (submitted, returned or
  accepted) for the round's closing quarter; without one the project is ไม่รายงาน (not reported)
  even if it reported an earlier quarter: the owner has not reported for this round. Its earlier
  report blocks are still printed. Drafts are the owner's work in progress and do not count.
- Disbursed (เบิกจ่าย) = finance-recorded Disbursement rows, quarter by date. Owner-reported
  spending (ใช้จ่าย) = QuarterlyReport.spent_amount; a quarter without it is unknown (None),
  never zero, and sums say how many projects they leave out.
- Cancelled projects (ยกเลิกโครงการ) are listed in the register with their reason but counted
  in no table, total or percent: they are no longer part of the plan's work.
- Percent = part ÷ whole × 100, half-up to 2 decimals (`thai_formats.percent_of`); every
  percent's base is named in its column heading.

The package reads in the order the figures are made: `rows` loads them, `compute` turns them into
figures, `types` and `tables` hold the results (a project's figures; the booklet's tables).
"""

from reports.figures.compute import (
    booklet_figures,
    current_round,
    figures_from_rows,
    money_summary,
    overdue_reports,
    project_figures,
)
from reports.figures.rows import load_round
from reports.figures.tables import (
    BookletFigures,
    DigestEntry,
    GroupRow,
    MoneyLine,
    MoneySummary,
    QuarterPoint,
    Section,
    StatusCounts,
    status_counts,
)
from reports.figures.types import (
    COUNTED_REPORT_STATES,
    GROUPINGS,
    NOT_REPORTED,
    NOTHING_SAID,
    STATUS_LABELS,
    STATUS_ORDER,
    STATUS_SHORT,
    ZERO,
    ProjectFigures,
    ReportBlock,
    Round,
    pct,
    said,
)

__all__ = [
    "BookletFigures",
    "COUNTED_REPORT_STATES",
    "DigestEntry",
    "GROUPINGS",
    "GroupRow",
    "MoneyLine",
    "MoneySummary",
    "NOTHING_SAID",
    "NOT_REPORTED",
    "ProjectFigures",
    "QuarterPoint",
    "ReportBlock",
    "Round",
    "STATUS_LABELS",
    "STATUS_ORDER",
    "STATUS_SHORT",
    "Section",
    "StatusCounts",
    "ZERO",
    "booklet_figures",
    "current_round",
    "figures_from_rows",
    "load_round",
    "money_summary",
    "overdue_reports",
    "pct",
    "project_figures",
    "said",
    "status_counts",
]
