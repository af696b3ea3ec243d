"""A project's year-end report (แบบรายงานผลการดำเนินงานเมื่อสิ้นสุดโครงการ, reference 003's completion form).

One per project, written by its owners and reviewed by the planner like the quarterly report (same
states, comment on return, history, `version` for optimistic locking). Whether each indicator was
achieved is never stored: plans/achievement.py computes it from the target and the result here.
The remaining budget is never stored either: budget.selectors.project_money computes it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from projects.models import ReportState


class YearEndVerdict(models.TextChoices):
    ACHIEVED = "achieved", _("บรรลุเป้าหมายของโครงการ")
    NOT_ACHIEVED = "not_achieved", _("ไม่บรรลุเป้าหมายของโครงการ")


class RemainingDisposition(models.TextChoices):
    """What happened to the money left (003 §6)."""

    NONE_LEFT = "none", _("สิ้นสุดโครงการแล้ว ไม่มีงบประมาณคงเหลือ")
    RETURNED = "returned", _("สิ้นสุดโครงการแล้ว ขอส่งคืนงบประมาณคงเหลือ")
    CANCELLED = "cancelled", _("ขอยกเลิกโครงการ และขอส่งคืนงบประมาณคงเหลือ")
    MOVED = "moved", _("นำงบประมาณคงเหลือไปดำเนินโครงการอื่น")
    CARRIED_ON = "carried_on", _("ยังไม่สิ้นสุดโครงการ ยังมีกิจกรรมที่ต้องดำเนินการต่อ")


MONEY = {"max_digits": 14, "decimal_places": 2, "null": True, "blank": True}


class YearEndReport(models.Model):
    project = models.OneToOneField("projects.Project", on_delete=models.CASCADE, related_name="year_end",
                                   verbose_name=_("โครงการ"))
    state = models.CharField(_("สถานะรายงาน"), max_length=20, choices=ReportState.choices,
                             default=ReportState.DRAFT)
    verdict = models.CharField(_("ผลการดำเนินโครงการ"), max_length=20, choices=YearEndVerdict.choices, blank=True)
    verdict_reason = models.TextField(_("สาเหตุที่ไม่บรรลุเป้าหมาย"), blank=True)
    quantitative_results = models.TextField(_("ผลการดำเนินงานเชิงปริมาณ"), blank=True)
    qualitative_results = models.TextField(_("ผลการดำเนินงานเชิงคุณภาพ"), blank=True)
    disposition = models.CharField(_("การดำเนินการกับงบประมาณคงเหลือ"), max_length=20,
                                   choices=RemainingDisposition.choices, blank=True)
    moved_to = models.ForeignKey("projects.Project", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("โครงการที่นำงบประมาณไปดำเนินการ"))
    moved_amount = models.DecimalField(_("จำนวนเงินที่นำไปดำเนินโครงการอื่น (บาท)"), **MONEY)
    carried_amount = models.DecimalField(_("งบประมาณของกิจกรรมที่ต้องดำเนินการต่อ (บาท)"), **MONEY)
    carried_activities = models.TextField(_("กิจกรรมที่ต้องดำเนินการต่อ และวัตถุประสงค์"), blank=True)
    carried_reason = models.TextField(_("สาเหตุที่ยังไม่ดำเนินกิจกรรมที่ค้าง"), blank=True)
    highlights = models.TextField(_("จุดเด่น / ความภูมิใจของโครงการ"), blank=True)
    problems = models.TextField(_("ปัญหาอุปสรรค"), blank=True)
    suggestions = models.TextField(_("ข้อเสนอแนะ / แนวทางแก้ไขปัญหา"), blank=True)
    next_year_approach = models.TextField(_("แนวทางการดำเนินงานในปีต่อไป"), blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("ผู้ส่ง"))
    submitted_at = models.DateTimeField(_("ส่งเมื่อ"), null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("ผู้ตรวจ"))
    reviewed_at = models.DateTimeField(_("ตรวจเมื่อ"), null=True, blank=True)
    review_comment = models.TextField(_("ความเห็นผู้ตรวจ"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "updated_at"])

    class Meta:
        verbose_name = _("รายงานผลการดำเนินงานเมื่อสิ้นสุดโครงการ")
        verbose_name_plural = _("รายงานผลการดำเนินงานเมื่อสิ้นสุดโครงการ")
        ordering = ["project_id"]
        constraints = [
            models.CheckConstraint(condition=Q(moved_amount__isnull=True) | Q(moved_amount__gte=0),
                                   name="year_end_moved_not_negative"),
            models.CheckConstraint(condition=Q(carried_amount__isnull=True) | Q(carried_amount__gte=0),
                                   name="year_end_carried_not_negative"),
            models.CheckConstraint(condition=Q(moved_to__isnull=True) | ~Q(moved_to=F("project")),
                                   name="year_end_not_moved_to_itself"),
        ]

    def __str__(self):
        return f"{self.project} รายงานสิ้นสุดโครงการ"

    @property
    def is_locked(self):
        return self.state == ReportState.ACCEPTED


class YearEndObjective(models.Model):
    """One objective of the project (วัตถุประสงค์) and whether it was met."""

    report = models.ForeignKey(YearEndReport, on_delete=models.CASCADE, related_name="objectives")
    display_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    text = models.TextField(_("วัตถุประสงค์"))
    met = models.BooleanField(_("บรรลุวัตถุประสงค์"), null=True, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("วัตถุประสงค์ (รายงานสิ้นสุดโครงการ)")
        verbose_name_plural = _("วัตถุประสงค์ (รายงานสิ้นสุดโครงการ)")
        ordering = ["report_id", "display_order", "id"]

    def __str__(self):
        return self.text


class YearEndStep(models.Model):
    """A main step or activity with the dates it was really done (003 §3)."""

    report = models.ForeignKey(YearEndReport, on_delete=models.CASCADE, related_name="steps")
    activity = models.ForeignKey("projects.Activity", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("กิจกรรม"))
    display_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    title = models.TextField(_("กิจกรรม/ขั้นตอนหลัก"))
    planned_period = models.CharField(_("ช่วงเวลาตามแผน"), max_length=200, blank=True)
    started_on = models.DateField(_("วันที่เริ่มจริง"), null=True, blank=True)
    finished_on = models.DateField(_("วันที่เสร็จจริง"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ขั้นตอนที่ดำเนินการ (รายงานสิ้นสุดโครงการ)")
        verbose_name_plural = _("ขั้นตอนที่ดำเนินการ (รายงานสิ้นสุดโครงการ)")
        ordering = ["report_id", "display_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(started_on__isnull=True) | Q(finished_on__isnull=True)
                | Q(finished_on__gte=F("started_on")),
                name="year_end_step_finishes_after_start",
            ),
        ]

    def __str__(self):
        return self.title


class YearEndIndicatorResult(models.Model):
    """A project indicator's result for the year. Achieved is computed (plans/achievement.assess)."""

    report = models.ForeignKey(YearEndReport, on_delete=models.CASCADE, related_name="indicator_results")
    indicator = models.ForeignKey("projects.Indicator", on_delete=models.CASCADE, related_name="year_end_results")
    value = models.DecimalField(_("ผล (ตัวเลข)"), max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.CharField(_("ผล (ข้อความ)"), max_length=300, blank=True)
    miss_reason = models.TextField(_("สาเหตุที่ไม่บรรลุ"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ผลตัวชี้วัดเมื่อสิ้นสุดโครงการ")
        verbose_name_plural = _("ผลตัวชี้วัดเมื่อสิ้นสุดโครงการ")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_year_end_result_per_indicator"),
        ]

    def __str__(self):
        return f"{self.report} / {self.indicator}"
