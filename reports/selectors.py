"""Reads of the reports app, limited to the asking user's office."""

from django.db.models import Count, Exists, OuterRef, Subquery
from django.http import Http404

from plans.access import member_or_404
from reports.models import Booklet, Publication


def booklets_of(user):
    membership = member_or_404(user)
    return Booklet.objects.filter(action_plan__office_id=membership.office_id).select_related(
        "action_plan__fiscal_year", "action_plan__office"
    )


def publications_of(user):
    """Publications of the user's office, newest first, without their PDF bytes; each knows its edition
    (ฉบับที่ n of its booklet) and whether a later edition superseded it."""
    membership = member_or_404(user)
    same_booklet = Publication.objects.filter(booklet=OuterRef("booklet"))
    return (
        Publication.objects.filter(booklet__action_plan__office_id=membership.office_id)
        .select_related("booklet__action_plan__fiscal_year", "booklet__action_plan__office", "published_by")
        .annotate(
            edition=Subquery(
                same_booklet.filter(pk__lte=OuterRef("pk")).values("booklet").annotate(n=Count("pk")).values("n")
            ),
            superseded=Exists(same_booklet.filter(pk__gt=OuterRef("pk"))),
        )
        .defer("pdf")
    )


def load_booklet(user, pk):
    booklet = booklets_of(user).filter(pk=pk).first()
    if booklet is None:
        raise Http404("ไม่พบเล่มรายงาน")
    return booklet


def load_publication(user, pk):
    publication = publications_of(user).filter(pk=pk).defer(None).first()
    if publication is None:
        raise Http404("ไม่พบเอกสาร")
    return publication
