"""The annual report a planner sets up for a fiscal year, and what was published of it.

Like a booklet (reports/models.py) the report is always drawn from the stored rows; the planner
types only what the portal cannot know: the foreword and the office-level problems and recommendations.
A publication keeps the PDF exactly as it was issued and is never changed: a correction is a new one.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plans.models import ActionPlan
from reports.annual.parts import GROUPINGS, all_parts

TEXT_LIMIT = 5000


class AnnualReport(models.Model):
    """รายงานผลการดำเนินงาน ประจำปีงบประมาณ of one action plan (one per plan)."""

    action_plan = models.OneToOneField(ActionPlan, on_delete=models.CASCADE, related_name="annual_report",
                                       verbose_name=_("แผนปฏิบัติการ"))
    document_number = models.CharField(_("เอกสารลำดับที่"), max_length=50, blank=True, help_text=_("เช่น 12/2567"))
    foreword = models.TextField(_("คำนำ"), blank=True, validators=[MaxLengthValidator(TEXT_LIMIT)],
                                help_text=_("เว้นว่างไว้ = ใช้คำนำมาตรฐาน; ขึ้นบรรทัดใหม่ = ย่อหน้าใหม่"))
    signer = models.CharField(_("กลุ่มผู้จัดทำ (ลงท้ายคำนำ)"), max_length=200, default="กลุ่มนโยบายและแผน")
    grouping = models.CharField(_("จัดกลุ่มผลการดำเนินงานรายโครงการ"), max_length=20,
                                choices=list(GROUPINGS.items()), default="strategy")
    digits = models.CharField(_("ตัวเลข"), max_length=10, choices=[("thai", _("เลขไทย")), ("arabic", _("เลขอารบิก"))],
                              default="thai")
    parts = models.JSONField(_("ส่วนที่พิมพ์"), default=all_parts, blank=True)
    photos = models.CharField(_("ภาพกิจกรรม"), max_length=10, default="some", choices=[
        ("none", _("ไม่พิมพ์ภาพกิจกรรม")), ("some", _("พิมพ์ไม่เกินจำนวนที่กำหนดต่อโครงการ")),
        ("all", _("พิมพ์ภาพกิจกรรมทั้งหมด"))])
    photos_per_project = models.PositiveSmallIntegerField(
        _("จำนวนภาพสูงสุดต่อโครงการ"), default=4, validators=[MinValueValidator(1), MaxValueValidator(40)])
    office_problems = models.TextField(
        _("ปัญหาและอุปสรรค (ภาพรวมของสำนักงาน)"), blank=True, validators=[MaxLengthValidator(TEXT_LIMIT)],
        help_text=_("ข้อละบรรทัด สรุปจากปัญหาของโครงการที่แสดงด้านข้าง"))
    office_recommendations = models.TextField(
        _("ข้อเสนอแนะและแนวทางการพัฒนา (ภาพรวมของสำนักงาน)"), blank=True,
        validators=[MaxLengthValidator(TEXT_LIMIT)], help_text=_("ข้อละบรรทัด"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "updated_at"])

    class Meta:
        app_label = "reports"
        verbose_name = _("รายงานผลการดำเนินงานประจำปี")
        verbose_name_plural = _("รายงานผลการดำเนินงานประจำปี")
        ordering = ["-action_plan__fiscal_year__be_year", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(photos_per_project__gte=1, photos_per_project__lte=40),
                                   name="annual_photos_per_project_1_to_40"),
            models.CheckConstraint(condition=Q(grouping__in=list(GROUPINGS)), name="annual_grouping_known"),
        ]

    def __str__(self):
        plan = self.action_plan
        return f"รายงานผลการดำเนินงาน {plan.office.short_name} ปีงบประมาณ {plan.fiscal_year.be_year}"

    @property
    def office(self):
        return self.action_plan.office

    @property
    def be_year(self):
        return self.action_plan.fiscal_year.be_year


class AnnualPublication(models.Model):
    """A published annual report: the PDF as issued (in the database, served only through the access check)."""

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="publications")
    document_number = models.CharField(_("เอกสารลำดับที่"), max_length=50, blank=True)
    title = models.CharField(_("ชื่อเอกสาร"), max_length=300)
    pdf = models.BinaryField(editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"))
    pages = models.PositiveIntegerField(_("จำนวนหน้า"), default=0)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("ผู้เผยแพร่"))
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), auto_now_add=True)

    class Meta:
        app_label = "reports"
        verbose_name = _("รายงานผลการดำเนินงานฉบับเผยแพร่")
        verbose_name_plural = _("รายงานผลการดำเนินงานฉบับเผยแพร่")
        ordering = ["-published_at", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(size__gt=0), name="annual_publication_has_a_file")]

    def __str__(self):
        return self.title

    @property
    def edition(self):
        """ฉบับที่ n among the report's publications (annotated by the selector, else counted)."""
        annotated = self.__dict__.get("edition_number")
        return annotated or self.report.publications.filter(pk__lte=self.pk).count()

    @property
    def filename(self):
        return f"รายงานผลการดำเนินงาน-{self.report.be_year}-ฉบับที่{self.edition}.pdf"
