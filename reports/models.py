"""Booklets (รายงานความก้าวหน้า) a planner sets up for a round, and what was published of them."""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plans.models import ActionPlan
from reports.context import TABLES, BookletParams


def all_tables():
    return list(TABLES)


class Grouping(models.TextChoices):
    STATUS = "status", _("ตามสถานะการดำเนินงาน")
    GROUP = "group", _("ตามกลุ่ม/หน่วยที่รับผิดชอบ")
    STRATEGY = "strategy", _("ตามกลยุทธ์")


class Digits(models.TextChoices):
    THAI = "thai", _("เลขไทย")
    ARABIC = "arabic", _("เลขอารบิก")


class RoundMonths(models.IntegerChoices):
    THREE = 3, _("รอบ ๓ เดือน (ไตรมาสที่ ๑)")
    SIX = 6, _("รอบ ๖ เดือน (ไตรมาสที่ ๒)")
    NINE = 9, _("รอบ ๙ เดือน (ไตรมาสที่ ๓)")
    TWELVE = 12, _("รอบ ๑๒ เดือน (ไตรมาสที่ ๔)")


class PhotoChoice(models.TextChoices):
    NONE = "none", _("ไม่พิมพ์ภาพกิจกรรม")
    SOME = "some", _("พิมพ์ไม่เกินจำนวนที่กำหนดต่อโครงการ")
    ALL = "all", _("พิมพ์ภาพกิจกรรมทั้งหมด")


class Booklet(models.Model):
    """The booklet of one round of an action plan, as the planner set it up; always drawn from live data."""

    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="booklets",
                                    verbose_name=_("แผนปฏิบัติการ"))
    months = models.PositiveSmallIntegerField(_("รอบรายงาน"), choices=RoundMonths.choices)
    as_of_date = models.DateField(_("ข้อมูล ณ วันที่"), null=True, blank=True,
                                  help_text=_("เว้นว่างไว้ = วันสุดท้ายของรอบ"))
    document_number = models.CharField(_("เอกสารลำดับที่"), max_length=50, blank=True,
                                       help_text=_("เช่น 1/2567"))
    foreword = models.TextField(_("คำนำ"), blank=True, validators=[MaxLengthValidator(5000)],
                                help_text=_("เว้นว่างไว้ = ใช้คำนำมาตรฐาน; ขึ้นบรรทัดใหม่ = ย่อหน้าใหม่"))
    signer = models.CharField(_("กลุ่มผู้จัดทำ (ลงท้ายคำนำ)"), max_length=200, default="กลุ่มนโยบายและแผน")
    grouping = models.CharField(_("จัดกลุ่มรายละเอียดโครงการ"), max_length=20, choices=Grouping.choices,
                                default=Grouping.STATUS)
    digits = models.CharField(_("ตัวเลข"), max_length=10, choices=Digits.choices, default=Digits.THAI)
    tables = models.JSONField(_("ตารางสรุปที่แสดง"), default=all_tables, blank=True)
    # Evidence (issue #18): each report's photos in a grid after its block; PDFs as an appendix.
    photos = models.CharField(_("ภาพกิจกรรม"), max_length=10, choices=PhotoChoice.choices, default=PhotoChoice.SOME)
    photos_per_project = models.PositiveSmallIntegerField(
        _("จำนวนภาพสูงสุดต่อโครงการ"), default=4, validators=[MinValueValidator(1), MaxValueValidator(40)])
    append_documents = models.BooleanField(_("แนบไฟล์ PDF ของรายงานเป็นภาคผนวกท้ายเล่ม"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking (plans.concurrency): two planners editing the foreword do not overwrite each other.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "updated_at"])

    class Meta:
        verbose_name = _("เล่มรายงานความก้าวหน้า")
        verbose_name_plural = _("เล่มรายงานความก้าวหน้า")
        ordering = ["-action_plan__fiscal_year__be_year", "-months", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(months__in=[3, 6, 9, 12]), name="booklet_round_is_3_6_9_12"),
            models.CheckConstraint(condition=Q(photos_per_project__gte=1, photos_per_project__lte=40),
                                   name="booklet_photos_per_project_1_to_40"),
        ]

    def __str__(self):
        plan = self.action_plan
        return f"{plan.office.short_name} ปีงบประมาณ {plan.fiscal_year.be_year} รอบ {self.months} เดือน"

    @property
    def office(self):
        return self.action_plan.office

    def params(self):
        return BookletParams(
            action_plan=self.action_plan, months=self.months, as_of=self.as_of_date,
            document_number=self.document_number, foreword=self.foreword, signer=self.signer,
            grouping=self.grouping, digits=self.digits, tables=list(self.tables or []),
            photos=self.photos, photos_per_project=self.photos_per_project, append_documents=self.append_documents,
        )


class Publication(models.Model):
    """A published booklet: the PDF exactly as it was issued, never re-rendered.

    Stored in the database (not MEDIA_ROOT) so the file and its row are written in one transaction,
    are backed up together, and are served only through the access-checked download view.
    """

    booklet = models.ForeignKey(Booklet, on_delete=models.PROTECT, related_name="publications")
    document_number = models.CharField(_("เอกสารลำดับที่"), max_length=50, blank=True)
    title = models.CharField(_("ชื่อเอกสาร"), max_length=300)
    pdf = models.BinaryField(editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("ผู้เผยแพร่"))
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("ฉบับเผยแพร่")
        verbose_name_plural = _("ฉบับเผยแพร่")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="publication_has_a_file"),
        ]

    def __str__(self):
        return f"{self.title} ({self.document_number})"

    @property
    def filename(self):
        """The download's name, e.g. "รายงานความก้าวหน้า-รอบ6-2567-ฉบับที่4.pdf" (the edition is counted among
        the booklet's publications: `edition` from reports.selectors, else counted here)."""
        edition = getattr(self, "edition", None) or self.booklet.publications.filter(pk__lte=self.pk).count()
        year = self.booklet.action_plan.fiscal_year.be_year
        return f"รายงานความก้าวหน้า-รอบ{self.booklet.months}-{year}-ฉบับที่{edition}.pdf"


# The annual report and the jobs that make documents' files in the background live in their own modules.
from reports.annual.models import AnnualPublication, AnnualReport  # noqa: E402, F401
from reports.jobs.models import DocumentJob  # noqa: E402, F401
