"""The directors' dashboard: the current round's figures (from reports/figures/summary.py: the plan's and the
groups' sums, the status counts) and overdue reports; and the office's own budget by expenditure category
(budget.office_budget), shown apart from the projects' money."""

from budget.office_budget import office_budget_of_plan
from reports import charts
from reports.figures import Round, current_round
from reports.figures.summary import dashboard_figures, overdue_of


def dashboard_context(plan, today, months=None):
    """The round `months` of `plan` (`?round=`), by default the round being reported on."""
    rnd = Round(plan.fiscal_year.be_year, months) if months else current_round(plan, today)
    fig = dashboard_figures(plan, rnd)  # sums and statuses, not each project's figures
    return {
        "fig": fig,
        "rnd": rnd,
        "status_chart": charts.status_bars(fig.status),
        "money_chart": charts.money_columns(fig.money),
        "group_chart": charts.group_bars(fig.groups),
        "overdue": overdue_of(fig, today),
        # The office's money (all categories, as finance entered it), not the plan's projects' money.
        "office_budget": office_budget_of_plan(plan),
    }
