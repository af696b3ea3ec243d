"""Reads of evidence files: for a report's or a project's page, and names to download them under."""

import re
from dataclasses import dataclass

from django.conf import settings

from projects.access import can_edit_project
from projects.evidence.models import Attachment, AttachmentKind
from projects.evidence.services import hung_from, refusal
from projects.models import YearEndReport


def attachments_of(project, report=None):
    """The files of a quarterly report, a year-end report (YearEndReport), or the project itself (None)."""
    return list(Attachment.objects.filter(project=project, **hung_from(report)).select_related("uploaded_by")
                .order_by("display_order", "pk"))


def year_end_photos(report):
    """A year-end report's photos in the owner's order (for printing: `print_file` at 1,200 px)."""
    return [a for a in attachments_of(report.project, report) if a.kind == AttachmentKind.PHOTO]


@dataclass
class EvidencePanel:
    """What the evidence section of a report or project page shows and allows."""

    project: object
    report: object
    photos: list
    documents: list
    may_edit: bool
    refusal: str | None
    max_file_mb: int
    max_files: int

    @property
    def is_year_end(self):
        return isinstance(self.report, YearEndReport)

    @property
    def count(self):
        return len(self.photos) + len(self.documents)

    @property
    def room(self):
        return max(self.max_files - self.count, 0)


def evidence_panel(user, project, report=None):
    rows = attachments_of(project, report)
    editor = can_edit_project(user, project)
    why = refusal(user, project, report) if editor else None
    return EvidencePanel(
        project=project, report=report,
        photos=[a for a in rows if a.kind == AttachmentKind.PHOTO],
        documents=[a for a in rows if a.kind == AttachmentKind.DOCUMENT],
        may_edit=editor and why is None, refusal=why if editor else None,
        max_file_mb=settings.EVIDENCE_MAX_FILE_BYTES // (1024 * 1024), max_files=settings.EVIDENCE_MAX_FILES,
    )


UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def download_name(attachment):
    """A Thai file name for the download: the caption (or title), cleaned, with the real extension."""
    stem = " ".join(UNSAFE.sub(" ", attachment.caption).split()).strip(" .")[:120] or attachment.get_kind_display()
    extension = "." + {"jpeg": "jpg"}.get(attachment.file_type, attachment.file_type)
    return f"{stem}{extension}"
