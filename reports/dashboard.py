"""The directors' dashboard: the current round's figures (from reports/figures/) and overdue reports."""

from reports import charts
from reports.figures import booklet_figures, current_round, overdue_reports


def dashboard_context(plan, today):
    rnd = current_round(plan, today)
    fig = booklet_figures(plan, rnd)
    return {
        "fig": fig,
        "rnd": rnd,
        "status_chart": charts.status_bars(fig.status),
        "money_chart": charts.money_columns(fig.money),
        "group_chart": charts.group_bars(fig.groups),
        "overdue": overdue_reports(plan, fig.rows, today),
    }
