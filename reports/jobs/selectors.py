"""Reads of booklet jobs."""


def latest_per_kind(jobs):
    """The newest job of each kind (draft PDF, publish, Excel), from jobs ordered newest first."""
    latest = {}
    for job in jobs:
        latest.setdefault(job.kind, job)
    return sorted(latest.values(), key=lambda job: job.created_at, reverse=True)
