"""What an office sets for itself beyond its own row (issue #15): its deputy directors, who sign for
it, and its usual report deadline per quarter of a fiscal year. Re-exported by plans.models."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OfficeDeputy(models.Model):
    """รองผู้อำนวยการ: a deputy director of the office, for signatures, in the order they are listed."""

    office = models.ForeignKey("plans.Office", on_delete=models.CASCADE, related_name="deputies")
    name = models.CharField(_("ชื่อ-นามสกุล"), max_length=200)
    position = models.CharField(_("ตำแหน่ง"), max_length=200)
    display_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("รองผู้อำนวยการ")
        verbose_name_plural = _("รองผู้อำนวยการ")
        ordering = ["office", "display_order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.position})"


class QuarterDeadline(models.Model):
    """The office's usual deadline for a quarter's reports in a fiscal year: what opening a
    reporting window proposes (issue #15)."""

    office = models.ForeignKey("plans.Office", on_delete=models.CASCADE, related_name="+")
    fiscal_year = models.ForeignKey("plans.FiscalYear", on_delete=models.CASCADE, related_name="+")
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    deadline = models.DateField(_("กำหนดส่งรายงาน"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("กำหนดส่งรายงานรายไตรมาส")
        verbose_name_plural = _("กำหนดส่งรายงานรายไตรมาส")
        ordering = ["office", "fiscal_year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["office", "fiscal_year", "quarter"], name="one_deadline_per_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="deadline_quarter_1_to_4"),
        ]

    def __str__(self):
        return f"ไตรมาสที่ {self.quarter}: {self.deadline}"
