"""Adding, removing and ordering evidence files. Every write is one transaction with an audit entry.

A file is checked and its versions made before anything is written; then the rows are inserted and
the files saved inside one transaction. If anything fails (a refused file, a full disk, the
database), the files this call wrote are deleted again and no row is left: nothing half-stored.
Files shared by content with another row stay.
"""

import os
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Sum
from django.utils.translation import gettext as _

from plans.access import is_planner
from projects.evidence import files, storage
from projects.evidence.models import Attachment, AttachmentKind
from projects.models import ReportState, YearEndReport
from projects.reporting.services import refusal_to_write
from projects.year_end.services import refusal_to_write as year_end_refusal

# `report` below is the report the files hang from: a QuarterlyReport, a YearEndReport (#17), or
# None for the project itself.


class EvidenceRefused(Exception):
    """The change cannot be made; the message (Thai) says why and what to do."""


@dataclass
class Upload:
    """One file as it came: `file` has `.size` and `.read()` (an UploadedFile or a ContentFile)."""

    name: str  # the file name the browser sent (shown back, kept for reference)
    file: object
    caption: str = ""

    @property
    def size(self):
        return self.file.size


def refusal(user, project, report=None):
    """Why `user` may not add, remove or reorder files here now (Thai), or None. The caller has
    already checked that the user may write the project (its planner or an owner)."""
    if report is None:
        return None
    if report.state == ReportState.ACCEPTED:
        return _("รายงานนี้ได้รับการตรวจรับแล้ว ไฟล์แนบจึงถูกล็อกไปพร้อมกับรายงาน หากต้องแก้ไข "
                 "ให้ติดต่อกลุ่มนโยบายและแผนเพื่อเปิดรายงานอีกครั้ง")
    if report.state == ReportState.SUBMITTED and not is_planner(user, project.action_plan.office):
        return _("รายงานนี้ส่งแล้ว จึงเพิ่มหรือลบไฟล์แนบไม่ได้ หากต้องแก้ไข ให้ขอให้กลุ่มนโยบายและแผนส่งรายงานกลับ")
    if isinstance(report, YearEndReport):
        return year_end_refusal(user, project, report)
    return refusal_to_write(user, project, report.quarter, report)


def hung_from(report):
    """The attachment columns that say where files hang: a quarterly report, a year-end report, the project."""
    if isinstance(report, YearEndReport):
        return {"report": None, "year_end": report}
    return {"report": report, "year_end": None}


def report_of_attachment(attachment):
    """The report an attachment hangs from (quarterly or year-end), or None for the project's own."""
    return attachment.report if attachment.report_id else attachment.year_end


def _siblings(project, report):
    return Attachment.objects.filter(project=project, **hung_from(report))


def _caption(upload, checked):
    caption = " ".join((upload.caption or "").split())
    if not caption and checked.kind == AttachmentKind.DOCUMENT:
        caption = os.path.splitext(os.path.basename(upload.name))[0].strip()
    if not caption:
        raise EvidenceRefused(_("กรุณาใส่คำบรรยายภาพ “%(n)s” ว่าเป็นภาพกิจกรรมอะไร เช่น "
                                "“ประชุมชี้แจงครูผู้รับผิดชอบ ๑๒ ม.ค. ๖๗”") % {"n": upload.name})
    if len(caption) > 300:
        raise EvidenceRefused(_("คำบรรยาย/ชื่อเอกสารของ “%(n)s” ยาวเกิน ๓๐๐ ตัวอักษร กรุณาย่อให้สั้นลง")
                              % {"n": upload.name})
    return caption


def _check_limits(project, report, uploads):
    max_file = settings.EVIDENCE_MAX_FILE_BYTES
    for upload in uploads:
        if not upload.size:
            raise EvidenceRefused(_("ไฟล์ “%(n)s” ว่างเปล่า กรุณาเลือกไฟล์ใหม่") % {"n": upload.name})
        if upload.size > max_file:
            raise EvidenceRefused(_("ไฟล์ “%(n)s” ใหญ่ %(s)s MB เกินขนาดที่รับได้ %(m)s MB ต่อไฟล์ "
                                    "กรุณาย่อภาพหรือแบ่งเอกสารก่อนแนบ") % {
                "n": upload.name, "s": _mb(upload.size), "m": _mb(max_file)})
    existing = _siblings(project, report)
    count = existing.count()
    if count + len(uploads) > settings.EVIDENCE_MAX_FILES:
        raise EvidenceRefused(_("แนบได้ไม่เกิน %(m)s ไฟล์ต่อรายงาน (แนบไว้แล้ว %(c)s ไฟล์) "
                                "กรุณาลบไฟล์ที่ไม่จำเป็นก่อน หรือรวมเอกสารเป็นไฟล์เดียว") % {
            "m": settings.EVIDENCE_MAX_FILES, "c": count})


def _check_total(project, report, added):
    stored = _siblings(project, report).aggregate(total=Sum("size"))["total"] or 0
    limit = settings.EVIDENCE_MAX_TOTAL_BYTES
    if stored + added > limit:
        raise EvidenceRefused(_("ไฟล์แนบของรายงานนี้รวมกันจะเกิน %(m)s MB (แนบไว้แล้ว %(s)s MB) "
                                "กรุณาลบไฟล์ที่ไม่จำเป็น หรือย่อภาพก่อนแนบ") % {
            "m": _mb(limit), "s": _mb(stored)})


def _mb(size):
    return f"{size / 1024 / 1024:,.1f}"


def _lock(project, report):
    """Serialises uploads to the same report (the caps count what is there)."""
    if report is not None:
        type(report).objects.select_for_update().filter(pk=report.pk).first()
    else:
        type(project).objects.select_for_update().filter(pk=project.pk).first()


def attachments_add(*, project, report=None, user, uploads: list[Upload]):
    """Checks every file, then stores all of them or none. Returns the new attachments."""
    if report is not None and report.project_id != project.pk:
        raise EvidenceRefused(_("รายงานนี้ไม่ใช่ของโครงการนี้"))
    if not uploads:
        raise EvidenceRefused(_("ยังไม่ได้เลือกไฟล์ กรุณาถ่ายภาพหรือเลือกไฟล์ก่อนกดแนบ"))
    why = refusal(user, project, report)
    if why:
        raise EvidenceRefused(why)
    return attachments_store(project=project, report=report, user=user, uploads=uploads)


def attachments_store(*, project, report=None, user, uploads: list[Upload]):
    """attachments_add without asking whether the report may still change: for seeding the demo
    office, whose reports are accepted already. Limits and checks apply as always."""
    _check_limits(project, report, uploads)
    checked = []
    for upload in uploads:
        upload.file.seek(0)
        try:
            result = files.check(upload.file.read(), upload.name)
        except files.BadFile as bad:
            raise EvidenceRefused(str(bad)) from None
        checked.append((upload, result, _caption(upload, result)))
    written = []
    try:
        with transaction.atomic():
            _lock(project, report)
            _check_limits(project, report, uploads)
            _check_total(project, report, sum(len(c.versions["full"]) for _, c, _ in checked))
            order = (_siblings(project, report).aggregate(last=Max("display_order"))["last"] or 0)
            created = []
            for upload, result, caption in checked:
                order += 1
                created.append(_insert(project, report, user, upload, result, caption, order, written))
        return created
    except BaseException:
        storage.delete_quietly(written)
        raise


def _insert(project, report, user, upload, result, caption, order, written):
    names = {}
    sha256 = ""
    for version in result.versions:
        suffix = result.extension if version == "full" else f"-{version}.jpg"
        digest, name = storage.name_for(result.versions["full"], suffix)
        sha256 = sha256 or digest
        names[version] = name
    attachment = Attachment(
        project=project, **hung_from(report), kind=result.kind, caption=caption,
        original_name=os.path.basename(upload.name)[:255] or "file", file_type=result.type,
        content_type=result.content_type, sha256=sha256, size=len(result.versions["full"]),
        file=names["full"], print_file=names.get("print", ""), thumb_file=names.get("thumb", ""),
        width=result.width, height=result.height, pages=result.pages, display_order=order, uploaded_by=user,
    )
    attachment._history_user = user
    attachment._change_reason = _("แนบ%(k)s") % {"k": attachment.get_kind_display()}
    attachment.save()
    # Rows first: a database refusal then leaves nothing to clean up.
    for version, data in result.versions.items():
        storage.save_new(names[version], data, written)
    return attachment


def attachment_delete(*, attachment, user):
    project = attachment.project
    why = refusal(user, project, report_of_attachment(attachment))
    if why:
        raise EvidenceRefused(why)
    names = [n for n in (attachment.file, attachment.print_file, attachment.thumb_file) if n]
    with transaction.atomic():
        attachment._history_user = user
        attachment._change_reason = _("ลบ%(k)s") % {"k": attachment.get_kind_display()}
        attachment.delete()

        def remove_unused_files():
            still_used = set()
            for row in Attachment.objects.filter(sha256=attachment.sha256):
                still_used.update((row.file, row.print_file, row.thumb_file))
            storage.delete_quietly([n for n in names if n not in still_used])

        # Only once the row is surely gone: a rolled-back delete keeps its file.
        transaction.on_commit(remove_unused_files)


def attachment_move(*, attachment, user, direction):
    """Moves the file one place up (-1) or down (+1) among the files of its report (or project)."""
    why = refusal(user, attachment.project, report_of_attachment(attachment))
    if why:
        raise EvidenceRefused(why)
    with transaction.atomic():
        _lock(attachment.project, report_of_attachment(attachment))
        ordered = list(_siblings(attachment.project, report_of_attachment(attachment)).filter(kind=attachment.kind)
                       .order_by("display_order", "pk"))
        index = next(i for i, a in enumerate(ordered) if a.pk == attachment.pk)
        target = index + (1 if direction > 0 else -1)
        if not 0 <= target < len(ordered):
            return
        ordered[index], ordered[target] = ordered[target], ordered[index]
        for position, row in enumerate(ordered, start=1):
            if row.display_order != position:
                Attachment.objects.filter(pk=row.pk).update(display_order=position)


def attachment_set_caption(*, attachment, user, caption):
    why = refusal(user, attachment.project, report_of_attachment(attachment))
    if why:
        raise EvidenceRefused(why)
    caption = " ".join((caption or "").split())
    if not caption:
        raise EvidenceRefused(_("กรุณาใส่คำบรรยายภาพหรือชื่อเอกสาร"))
    if len(caption) > 300:
        raise EvidenceRefused(_("คำบรรยาย/ชื่อเอกสารยาวเกิน ๓๐๐ ตัวอักษร กรุณาย่อให้สั้นลง"))
    with transaction.atomic():
        attachment.caption = caption
        attachment._history_user = user
        attachment._change_reason = _("แก้คำบรรยาย")
        attachment.save(update_fields=["caption"])
