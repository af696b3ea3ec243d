"""What another person saved meanwhile, as rows for the project form's conflict table."""

from projects.models import Project


def _describe(value):
    if value is True:
        return "ใช่"
    if value is False:
        return "ไม่ใช่"
    if value in (None, ""):
        return "-"
    return str(value)


def stale_changes(stale):
    """Rows (label, what the other person saved, what this user typed) for the page."""
    rows = []
    for name, (theirs, ours) in stale.changes.items():
        label = Project._meta.get_field(name).verbose_name
        rows.append((label, _describe(theirs), _describe(ours)))
    return rows
