"""Writes of annual reports: set up, changed (no lost updates) and published, each in one transaction."""

import hashlib
import io

from django.db import transaction

from plans.concurrency import save_if_unchanged
from reports.annual.context import title
from reports.annual.document import render_annual_pdf
from reports.annual.models import AnnualPublication, AnnualReport


@transaction.atomic
def annual_report_create(*, user, data):
    return AnnualReport.objects.create(created_by=user, **data)


@transaction.atomic
def annual_report_update(*, report, expected_version, data):
    """Change the set-up unless someone saved it since `expected_version` (StaleEdit, nothing written)."""
    for name, value in data.items():
        setattr(report, name, value)
    return save_if_unchanged(report, expected_version=expected_version, fields=[*data, "updated_at"])


def annual_report_publish(*, report, user):
    """Render the PDF now and keep it as the next edition (ฉบับที่ n): never re-rendered afterwards."""
    return annual_publication_create(report=report, user=user, pdf=render_annual_pdf(report))


@transaction.atomic
def annual_publication_create(*, report, user, pdf):
    from pypdf import PdfReader  # only where a PDF is made: not in every web process

    return AnnualPublication.objects.create(
        report=report, document_number=report.document_number, title=title(report), pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(), size=len(pdf), pages=len(PdfReader(io.BytesIO(pdf)).pages),
        published_by=user,
    )
