"""Who may see and change a year-end report: as its project (projects/access.py; rules in plans/access.py)."""

from projects.access import load_project_report
from projects.models import YearEndReport


def load_year_end(user, pk, *, for_write=False):
    """A year-end report of the user's office (404 otherwise); for writing, its project's planner or owners (403)."""
    return load_project_report(YearEndReport, user, pk, for_write=for_write)
