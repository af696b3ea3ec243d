"""Projects of an action plan, their activities and indicators, and their quarterly reports."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plans import comparator_words
from plans.development_plan import Comparator
from plans.models import ActionPlan, AlignmentItem, Group, Office, Strategy, StrategyIndicator

QUARTER_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


class Project(models.Model):
    """โครงการ of an action plan. Identity is the surrogate key; `code` is a label unique per plan."""

    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="projects")
    code = models.CharField(_("รหัสโครงการ"), max_length=30)
    title = models.TextField(_("ชื่อโครงการ"))
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="projects",
                                 verbose_name=_("กลยุทธ์"))
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="projects",
                              verbose_name=_("กลุ่มที่รับผิดชอบ"))
    owners = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="owned_projects", blank=True,
                                    verbose_name=_("ผู้รับผิดชอบโครงการ"))
    display_order = models.PositiveSmallIntegerField(_("ลำดับในแผน"), default=0)
    rationale = models.TextField(_("หลักการและเหตุผล"), blank=True)
    output_goal = models.TextField(_("เป้าหมายเชิงผลผลิต (Output)"), blank=True)
    outcome_goal = models.TextField(_("เป้าหมายเชิงผลลัพธ์ (Outcome)"), blank=True)
    start_date = models.DateField(_("วันเริ่มโครงการ"), null=True, blank=True)
    end_date = models.DateField(_("วันสิ้นสุดโครงการ"), null=True, blank=True)
    alignment = models.ManyToManyField(AlignmentItem, related_name="projects", blank=True,
                                       verbose_name=_("ความสอดคล้อง"))
    # The development plan's indicators the project serves (003's form §1.3).
    strategy_indicators = models.ManyToManyField(
        StrategyIndicator, related_name="projects", blank=True, verbose_name=_("ตัวชี้วัดตามแผนพัฒนาที่โครงการตอบสนอง")
    )
    # ระหว่างปี: added after the plan was approved.
    added_mid_year = models.BooleanField(_("โครงการเพิ่มระหว่างปี"), default=False)
    added_mid_year_reason = models.TextField(_("เหตุผลที่เพิ่มระหว่างปี"), blank=True)
    # Reported to the national monitoring system (eMENSCR) or not.
    reported_to_national_system = models.BooleanField(_("รายงานในระบบติดตามระดับชาติ"), default=True)
    cancelled = models.BooleanField(_("ยกเลิกโครงการ"), default=False)
    cancelled_reason = models.TextField(_("เหตุผลที่ยกเลิก"), blank=True)
    remark = models.TextField(_("หมายเหตุ"), blank=True)
    # Optimistic locking: each save bumps it; a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=[strategy_indicators])

    class Meta:
        verbose_name = _("โครงการ")
        verbose_name_plural = _("โครงการ")
        ordering = ["action_plan_id", "display_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["action_plan", "code"], name="project_code_unique_per_plan"),
            models.CheckConstraint(condition=~Q(code=""), name="project_code_not_blank"),
            models.CheckConstraint(
                condition=Q(cancelled=False) | ~Q(cancelled_reason=""), name="cancelled_project_has_reason"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class Activity(models.Model):
    """กิจกรรม of a project; `parent` makes it a sub-activity. Numbering is display order only."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="children", verbose_name=_("กิจกรรมหลัก"))
    display_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    title = models.TextField(_("ชื่อกิจกรรม"))
    planned_q1 = models.BooleanField(_("ไตรมาส 1"), default=False)
    planned_q2 = models.BooleanField(_("ไตรมาส 2"), default=False)
    planned_q3 = models.BooleanField(_("ไตรมาส 3"), default=False)
    planned_q4 = models.BooleanField(_("ไตรมาส 4"), default=False)
    # Informational only: a project's budget is its allocations; activities' budgets are already
    # inside it and are never added to it (the double-counting trap).
    budget_note = models.DecimalField(_("งบประมาณของกิจกรรม"), max_digits=14, decimal_places=2,
                                      null=True, blank=True)
    added_mid_year = models.BooleanField(_("เพิ่มระหว่างปี"), default=False)

    # Optimistic locking (plans.concurrency): a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("กิจกรรม")
        verbose_name_plural = _("กิจกรรม")
        ordering = ["project_id", "display_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget_note__isnull=True) | Q(budget_note__gte=0), name="activity_budget_not_negative"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def planned_quarters(self):
        flags = (self.planned_q1, self.planned_q2, self.planned_q3, self.planned_q4)
        return [number for number, planned in enumerate(flags, start=1) if planned]


class IndicatorTargetKind(models.TextChoices):
    NUMBER = "number", _("ตัวเลข (เทียบกับค่าเป้าหมาย)")
    TEXT = "text", _("ข้อความ (ผลต้องตรงกับค่าเป้าหมาย)")
    NOT_ASSESSED = "na", _("ไม่กำหนดค่าเป้าหมาย (N/A ไม่ประเมิน)")


class Indicator(models.Model):
    """ดัชนีชี้วัดความสำเร็จ: a project's success indicator, with a numeric or a text target."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    display_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    text = models.TextField(_("ตัวชี้วัด"))
    target_value = models.DecimalField(_("ค่าเป้าหมาย"), max_digits=14, decimal_places=2, null=True, blank=True)
    target_unit = models.CharField(_("หน่วยนับ"), max_length=50, blank=True)
    target_text = models.CharField(_("ค่าเป้าหมาย (ข้อความ)"), max_length=300, blank=True)
    # How the year-end result is held against the target (plans/achievement.py): a number with ≥ ≤ =,
    # a text that must match, or N/A (not assessed). The defaults keep existing rows "result ≥ target".
    kind = models.CharField(_("ชนิดค่าเป้าหมาย"), max_length=10, choices=IndicatorTargetKind.choices,
                            default=IndicatorTargetKind.NUMBER)
    comparator = models.CharField(_("เกณฑ์การบรรลุ"), max_length=3, choices=Comparator.choices,
                                  default=Comparator.AT_LEAST)

    # Optimistic locking (plans.concurrency): a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("ตัวชี้วัดโครงการ")
        verbose_name_plural = _("ตัวชี้วัดโครงการ")
        ordering = ["project_id", "display_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_value__isnull=False) | ~Q(target_text=""), name="indicator_has_a_target"
            ),
        ]

    def __str__(self):
        return self.text

    @property
    def comparator_sign(self):
        return comparator_words.SIGNS.get(self.comparator, "≥")

    @property
    def judged_as(self):
        """The kind the achieved rule applies: "na", "number" (needs a numeric target) or "text"."""
        if self.kind == IndicatorTargetKind.NOT_ASSESSED:
            return "na"
        if self.kind == IndicatorTargetKind.NUMBER and self.target_value is not None:
            return "number"
        return "text"


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("ยังไม่ได้ดำเนินการ")
    IN_PROGRESS = "in_progress", _("อยู่ระหว่างดำเนินการ")
    COMPLETED = "completed", _("ดำเนินการเสร็จสิ้นแล้ว")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("ฉบับร่าง")
    SUBMITTED = "submitted", _("ส่งแล้ว")
    RETURNED = "returned", _("ส่งกลับให้แก้ไข")
    ACCEPTED = "accepted", _("รับรายงานแล้ว")


class QuarterlyReport(models.Model):
    """A project's report for one quarter of its fiscal year (one per project per quarter)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reports")
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), validators=QUARTER_VALIDATORS)
    status = models.CharField(_("สถานะการดำเนินงาน"), max_length=20, choices=ProgressStatus.choices,
                              default=ProgressStatus.NOT_STARTED)
    state = models.CharField(_("สถานะรายงาน"), max_length=20, choices=ReportState.choices,
                             default=ReportState.DRAFT)
    output_progress = models.TextField(_("ความก้าวหน้าเป้าหมายเชิงผลผลิต"), blank=True)
    outcome_progress = models.TextField(_("ความก้าวหน้าเป้าหมายเชิงผลลัพธ์"), blank=True)
    contribution_national_strategy = models.TextField(_("การมีส่วนร่วมต่อยุทธศาสตร์ชาติ"), blank=True)
    contribution_master_plan = models.TextField(_("การมีส่วนร่วมต่อแผนแม่บทฯ"), blank=True)
    contribution_sub_plan = models.TextField(_("การมีส่วนร่วมต่อแผนย่อย"), blank=True)
    contribution_nesdp = models.TextField(_("การมีส่วนร่วมต่อแผนพัฒนาฯ ฉบับที่ 13"), blank=True)
    # ใช้จ่าย: what the owner says was spent this quarter, commitments included. NULL = not reported.
    spent_amount = models.DecimalField(_("ใช้จ่ายในไตรมาสนี้ (บาท)"), max_digits=14, decimal_places=2,
                                       null=True, blank=True)
    disbursement_variance_reason = models.TextField(_("เหตุผลที่เบิกจ่ายไม่เป็นไปตามแผน"), blank=True)
    results = models.TextField(_("ผลการดำเนินงาน"), blank=True)
    problems = models.TextField(_("ปัญหาและอุปสรรค"), blank=True)
    suggestions = models.TextField(_("ข้อเสนอแนะ"), blank=True)
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
        verbose_name = _("รายงานรายไตรมาส")
        verbose_name_plural = _("รายงานรายไตรมาส")
        ordering = ["project_id", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["project", "quarter"], name="one_report_per_project_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="report_quarter_1_to_4"),
            models.CheckConstraint(
                condition=Q(spent_amount__isnull=True) | Q(spent_amount__gte=0), name="report_spent_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.project} ไตรมาสที่ {self.quarter}"

    @property
    def is_locked(self):
        return self.state == ReportState.ACCEPTED


class ActivityProgress(models.Model):
    """What one activity achieved in one quarterly report."""

    report = models.ForeignKey(QuarterlyReport, on_delete=models.CASCADE, related_name="activity_progress")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(_("สถานะ"), max_length=20, choices=ProgressStatus.choices,
                              default=ProgressStatus.NOT_STARTED)
    text = models.TextField(_("ผลการดำเนินงาน"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ความก้าวหน้ากิจกรรม")
        verbose_name_plural = _("ความก้าวหน้ากิจกรรม")
        constraints = [
            models.UniqueConstraint(fields=["report", "activity"], name="one_progress_per_report_activity"),
        ]

    def __str__(self):
        return f"{self.report} / {self.activity}"


class IndicatorResult(models.Model):
    """An indicator's result in one quarterly report: a value or a text, achieved or not (unknown)."""

    report = models.ForeignKey(QuarterlyReport, on_delete=models.CASCADE, related_name="indicator_results")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="results")
    value = models.DecimalField(_("ผล"), max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("ผล (ข้อความ)"), blank=True)
    achieved = models.BooleanField(_("บรรลุเป้าหมาย"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ผลตามตัวชี้วัด")
        verbose_name_plural = _("ผลตามตัวชี้วัด")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_result_per_report_indicator"),
        ]

    def __str__(self):
        return f"{self.report} / {self.indicator}"


class ImportKind(models.TextChoices):
    PLAN = "plan", _("แผนปฏิบัติการ")
    RESULTS = "results", _("ผลการดำเนินงานรายไตรมาส")
    DEVPLAN = "devplan", _("แผนพัฒนาการศึกษา")
    # The office's people (issue #15): bound to the office, not to a plan.
    PEOPLE = "people", _("บุคลากร")
    # The office's budget by expenditure category (issue #17): bound to the office and the plan's year.
    OFFICE_BUDGET = "budget", _("งบประมาณของสำนักงานตามงบรายจ่าย")


class ImportUpload(models.Model):
    """An uploaded workbook waiting between preview and confirm.

    The file itself is kept (not the preview) so that confirming checks it again against the
    database as it is then: a preview is never trusted once the data may have changed.
    """

    # An action plan's workbook names its plan; the office's people sheet its office; a development
    # plan's workbook that plan.
    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    development_plan = models.ForeignKey(
        "plans.DevelopmentPlan", on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ImportKind.choices)
    quarter = models.PositiveSmallIntegerField(null=True, blank=True, validators=QUARTER_VALIDATORS)
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ไฟล์นำเข้า")
        verbose_name_plural = _("ไฟล์นำเข้า")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({self.get_kind_display()})"


# Mail the portal sends lives in its own module.
# Evidence lives in its own sub-package; imported here so Django registers it with this app.
from projects.evidence.models import Attachment, AttachmentKind  # noqa: E402, F401
from projects.notifications.models import Mail  # noqa: E402, F401
from projects.year_end.models import (  # noqa: E402, F401
    RemainingDisposition,
    YearEndIndicatorResult,
    YearEndObjective,
    YearEndReport,
    YearEndStep,
    YearEndVerdict,
)
