"""Writes of the reports app: booklets are set up and published here, each in one transaction."""

import hashlib

from django.db import transaction

from plans.concurrency import save_if_unchanged
from plans.thai_formats import to_arabic_digits, to_thai_digits
from reports.context import ROUND_LABELS
from reports.models import Booklet, Publication
from reports.pdf import render_booklet_pdf


def _booklet_title(booklet):
    # Printed as the booklet prints its figures: Thai or Arabic digits.
    convert = to_thai_digits if booklet.digits == "thai" else to_arabic_digits
    year, round_label = convert(str(booklet.action_plan.fiscal_year.be_year)), convert(ROUND_LABELS[booklet.months])
    return f"รายงานความก้าวหน้าการดำเนินงานตามแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. {year} {round_label}"


@transaction.atomic
def booklet_create(*, user, data):
    return Booklet.objects.create(created_by=user, **data)


@transaction.atomic
def booklet_update(*, booklet, expected_version, data):
    """Change a booklet unless someone saved it since `expected_version` (StaleEdit, nothing written)."""
    for name, value in data.items():
        setattr(booklet, name, value)
    return save_if_unchanged(booklet, expected_version=expected_version, fields=[*data, "updated_at"])


def booklet_publish(*, booklet, user):
    """Render the PDF now and keep it: directors download this file from then on, whatever changes."""
    return publication_create(booklet=booklet, user=user, pdf=render_booklet_pdf(booklet))


@transaction.atomic
def publication_create(*, booklet, user, pdf):
    """Keep a finished PDF as the booklet's publication (a job calls this only once the PDF is whole)."""
    return Publication.objects.create(
        booklet=booklet,
        document_number=booklet.document_number,
        title=_booklet_title(booklet),
        pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        published_by=user,
    )
