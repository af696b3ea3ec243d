"""The annual report's evidence (issue #18): each project's photos of the year in a grid after its block.

Which photos: those attached to the project's year-end report when it has any, else those of its
counted quarterly reports of the year, then those attached to the project itself; in display order.
How many: the report's setting (none / up to N per project / all). The PDF embeds the print-size
files within the booklet's photo budget (else thumbnails), as the booklet does (reports/evidence.py).
"""

import base64
from collections import defaultdict

from django.conf import settings
from django.urls import reverse

from projects.evidence import storage
from projects.evidence.models import Attachment, AttachmentKind


def choose(fig, report):
    """Sets `photos` on every row of the annual figures (one query)."""
    rows = fig.rows
    for row in rows:
        row.photos = []
    if report.photos == "none" or not rows:
        return
    by_project = defaultdict(list)
    photos = Attachment.objects.filter(project_id__in=[r.project.pk for r in rows], kind=AttachmentKind.PHOTO)
    for photo in photos.select_related("report").order_by("display_order", "pk"):
        by_project[photo.project_id].append(photo)
    for row in rows:
        counted = {r.pk for r in row.fig.reports}
        year_end = getattr(row.year_end, "report", None)
        mine = by_project[row.project.pk]
        own = [p for p in mine if year_end is not None and _year_end_id(p) == year_end.pk]
        quarterly = sorted((p for p in mine if p.report_id in counted),
                           key=lambda p: (p.report.quarter, p.display_order))
        loose = [p for p in mine if p.report_id is None and _year_end_id(p) is None]
        chosen = own or (quarterly + loose)
        row.photos = chosen if report.photos == "all" else chosen[: report.photos_per_project]


def _year_end_id(photo):
    return getattr(photo, "year_end_id", None)


def _all(fig):
    return [photo for row in fig.rows for photo in row.photos]


def link(fig):
    for photo in _all(fig):
        photo.src = reverse("evidence:thumbnail", args=[photo.pk])


def embed(fig):
    photos = _all(fig)
    if not photos:
        return
    data = {p.pk: storage.read(p.print_file) for p in photos}
    if sum(len(d) for d in data.values()) > settings.BOOKLET_PHOTO_BUDGET_BYTES:
        data = {p.pk: storage.read(p.thumb_file) for p in photos}
    for photo in photos:
        photo.src = "data:image/jpeg;base64," + base64.b64encode(data[photo.pk]).decode("ascii")
