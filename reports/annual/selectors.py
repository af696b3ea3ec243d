"""Reads of annual reports, limited to the asking user's office."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.http import Http404

from plans.access import member_or_404
from reports.annual.models import AnnualPublication, AnnualReport
from reports.jobs.models import DocumentJob


def annual_reports_of(user):
    membership = member_or_404(user)
    return AnnualReport.objects.filter(action_plan__office_id=membership.office_id).select_related(
        "action_plan__fiscal_year", "action_plan__office", "action_plan__development_plan")


def annual_publications_of(user):
    """Publications of the user's office, newest first, without their PDF bytes, each with its edition."""
    membership = member_or_404(user)
    same = AnnualPublication.objects.filter(report=OuterRef("report"))
    return (
        AnnualPublication.objects.filter(report__action_plan__office_id=membership.office_id)
        .select_related("report__action_plan__fiscal_year", "published_by")
        .annotate(
            edition_number=Subquery(same.filter(pk__lte=OuterRef("pk")).values("report")
                                    .annotate(n=Count("pk")).values("n")),
            superseded=Exists(same.filter(pk__gt=OuterRef("pk"))),
        )
        .defer("pdf")
    )


def load_annual_report(user, pk):
    report = annual_reports_of(user).filter(pk=pk).first()
    if report is None:
        raise Http404("ไม่พบรายงานผลการดำเนินงาน")
    return report


def load_annual_publication(user, pk):
    publication = annual_publications_of(user).filter(pk=pk).defer(None).first()
    if publication is None:
        raise Http404("ไม่พบเอกสาร")
    return publication


def annual_list_context(user, *, is_planner):
    """What the booklet list shows of annual reports: publications for everyone, set-ups (with their
    jobs) for planners."""
    jobs = DocumentJob.objects.defer("result").select_related("requested_by")
    return {
        "annual_publications": annual_publications_of(user),
        "annual_reports": (annual_reports_of(user).prefetch_related("publications", Prefetch("jobs", queryset=jobs))
                           if is_planner else []),
    }
