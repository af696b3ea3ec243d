"""The evidence a booklet prints: each report block's photos in a grid (none / up to N per project
/ all, a setting of the booklet) and, if asked, the reports' PDF files appended as an appendix.

The PDF embeds the print-size version of each photo (made once on upload); when those together
pass BOOKLET_PHOTO_BUDGET_BYTES, it embeds the thumbnails instead, so a booklet with many photos
stays a file that can be e-mailed. The screen preview shows thumbnails through the access-checked
view. Appended PDFs are copied page by page (no annotations, actions or scripts come with them);
they are never rendered or run.
"""

import base64
import io
import logging
from collections import defaultdict

from django.conf import settings
from django.urls import reverse

from projects.evidence import storage
from projects.evidence.models import Attachment, AttachmentKind
from reports import pdf_worker

logger = logging.getLogger(__name__)


def _printed_blocks(fig):
    for row in fig.all_rows:
        for block in row.printed_blocks:
            yield row, block


def choose_for_blocks(fig, params):
    """Sets `photos` and `documents` on every printed report block (two queries for the booklet)."""
    blocks = list(_printed_blocks(fig))
    for _row, block in blocks:
        block.photos, block.documents = [], []
    if not blocks:
        return
    by_report = defaultdict(list)
    wanted = Attachment.objects.filter(report_id__in=[b.report.pk for _r, b in blocks])
    if params.photos == "none":
        wanted = wanted.exclude(kind=AttachmentKind.PHOTO)
    for attachment in wanted.order_by("display_order", "pk"):
        by_report[attachment.report_id].append(attachment)
    left = defaultdict(lambda: params.photos_per_project if params.photos == "some" else None)
    for row, block in blocks:
        for attachment in by_report[block.report.pk]:
            if attachment.kind == AttachmentKind.DOCUMENT:
                block.documents.append(attachment)
                continue
            remaining = left[row.project.pk]
            if remaining is not None and remaining <= 0:
                continue
            block.photos.append(attachment)
            if remaining is not None:
                left[row.project.pk] = remaining - 1


def photos_of(context):
    return [photo for _row, block in _printed_blocks(context["fig"]) for photo in block.photos]


def link_photos(context):
    """The screen preview: thumbnails through the access-checked view."""
    for photo in photos_of(context):
        photo.src = reverse("evidence:thumbnail", args=[photo.pk])


def embed_photos(context):
    """The PDF: print size within the budget, else thumbnails. Where the files are on this machine's
    disk, each photo is named by a URL that only the PDF's URL fetcher reads, within the evidence
    folder (reports/pdf_worker.py), so the photos never travel in the HTML to the PDF processes;
    else (an S3 bucket) each is a data URI."""
    photos = photos_of(context)
    if not photos:
        return
    store = storage.store()
    names = {p.pk: p.print_file for p in photos}
    if sum(store.size(name) for name in names.values()) > settings.BOOKLET_PHOTO_BUDGET_BYTES:
        names = {p.pk: p.thumb_file for p in photos}
    local = evidence_folder() is not None
    for photo in photos:
        name = names[photo.pk]
        if local:
            photo.src = pdf_worker.EVIDENCE_URL + name.removeprefix(f"{storage.PREFIX}/")
        else:
            photo.src = "data:image/jpeg;base64," + base64.b64encode(storage.read(name)).decode("ascii")


def evidence_folder():
    """The folder of the evidence files on this machine's disk, or None (files in an S3 bucket)."""
    try:
        return storage.store().path(storage.PREFIX)
    except NotImplementedError:
        return None


def appended_documents(context):
    """The PDF files of the printed blocks, in the booklet's order, when the booklet appends them."""
    if not context["p"].append_documents:
        return []
    return [(row, block, doc) for row, block in _printed_blocks(context["fig"])
            for doc in block.documents if doc.file_type == "pdf"]


def append_documents(pdf: bytes, context) -> bytes:
    """The booklet with its reports' PDF files after its last page, each a bookmark under ภาคผนวก."""
    documents = appended_documents(context)
    if not documents:
        return pdf
    from pypdf import PdfReader, PdfWriter  # only where a PDF is made: not in every web process
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    appendix = None
    for row, block, doc in documents:
        try:
            reader = PdfReader(io.BytesIO(storage.read(doc.file)), strict=False)
            pages = list(reader.pages)
        except Exception as error:  # a file that parsed on upload but not now: the booklet still prints
            logger.warning("Appendix: %s skipped (%s)", doc.file, error)
            continue
        first = len(writer.pages)
        for page in pages:
            added = writer.add_page(page)
            for key in ("/Annots", "/AA"):  # links, form fields and page actions stay behind
                if NameObject(key) in added:
                    del added[NameObject(key)]
        if appendix is None:
            appendix = writer.add_outline_item(title="ภาคผนวก เอกสารแนบ", page_number=first)
        writer.add_outline_item(title=f"{row.project.code} ไตรมาสที่ {block.quarter}: {doc.caption}",
                                page_number=first, parent=appendix)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
