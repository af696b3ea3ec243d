"""Reads of document jobs."""

from plans.access import member_or_404
from reports.jobs.models import DocumentJob

# The development plan's files listed on the booklet list (the newest of each plan, kind and year).
RECENT_DEVELOPMENT_PLAN_JOBS = 6


def latest_per_kind(jobs):
    """The newest job of each kind (draft PDF, publish, Excel), from jobs ordered newest first."""
    latest = {}
    for job in jobs:
        latest.setdefault(job.kind, job)
    return sorted(latest.values(), key=lambda job: job.created_at, reverse=True)


def development_plan_jobs_of(user):
    """The newest job of each development plan file of the user's office (the plan document, a year's
    results), newest first: where a member comes back to a PDF they asked for."""
    office = member_or_404(user).office_id
    jobs = (DocumentJob.objects.defer("result").select_related("development_plan", "requested_by")
            .filter(development_plan__office_id=office)[:50])
    latest = {}
    for job in jobs:
        latest.setdefault((job.development_plan_id, job.kind, job.be_year), job)
    return list(latest.values())[:RECENT_DEVELOPMENT_PLAN_JOBS]
