"""The quarterly report workflow: owners report, planners review, reminders go out."""
