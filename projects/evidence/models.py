"""Attachment: one photo or document kept as evidence (หลักฐาน) of a project or one of its reports.

The file itself lives in Django's default storage (a media folder, or an S3-compatible store by
setting), named by the SHA-256 of its stored bytes; the row keeps the names of its versions.
A year-end report (another issue) gets its own nullable foreign key here, like `report`; the
project is always set, so the office (and so who may see the file) is one join away.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class AttachmentKind(models.TextChoices):
    PHOTO = "photo", _("ภาพกิจกรรม")
    DOCUMENT = "document", _("เอกสารแนบ")


class Attachment(models.Model):
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="attachments",
                                verbose_name=_("โครงการ"))
    # NULL: attached to the project itself, not to one of its reports.
    report = models.ForeignKey("projects.QuarterlyReport", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="attachments", verbose_name=_("รายงาน"))
    # Or attached to the project's year-end report (never both).
    year_end = models.ForeignKey("projects.YearEndReport", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="attachments", verbose_name=_("รายงานสิ้นสุดโครงการ"))
    kind = models.CharField(_("ชนิด"), max_length=10, choices=AttachmentKind.choices)
    # A photo's caption (คำบรรยายภาพ) or a document's title (ชื่อเอกสาร).
    caption = models.CharField(_("คำบรรยายภาพ/ชื่อเอกสาร"), max_length=300)
    original_name = models.CharField(_("ชื่อไฟล์เดิม"), max_length=255)
    file_type = models.CharField(_("ชนิดไฟล์"), max_length=10)  # jpeg / pdf / docx / xlsx (read from the bytes)
    content_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"))
    file = models.CharField(max_length=200)
    print_file = models.CharField(max_length=200, blank=True)
    thumb_file = models.CharField(max_length=200, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    display_order = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("ผู้แนบ"))
    uploaded_at = models.DateTimeField(_("แนบเมื่อ"), auto_now_add=True)

    # Moves update display_order with a queryset update: not history, as nobody audits an order.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ไฟล์แนบ")
        verbose_name_plural = _("ไฟล์แนบ")
        ordering = ["display_order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="attachment_has_bytes"),
            models.CheckConstraint(condition=Q(report__isnull=True) | Q(year_end__isnull=True),
                                   name="attachment_on_one_report"),
            models.CheckConstraint(condition=~Q(file=""), name="attachment_has_a_file"),
            models.CheckConstraint(
                condition=Q(kind="document") | (Q(width__isnull=False) & ~Q(print_file="") & ~Q(thumb_file="")),
                name="photo_has_print_and_thumbnail",
            ),
        ]
        indexes = [models.Index(fields=["sha256"])]

    def __str__(self):
        return self.caption

    @property
    def is_photo(self):
        return self.kind == AttachmentKind.PHOTO
