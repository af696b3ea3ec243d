"""Money: where it comes from, how it is planned per quarter, and what finance disbursed."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plans.models import FiscalYear, Office
from projects.models import Project

MONEY = {"max_digits": 14, "decimal_places": 2}


class BudgetSource(models.Model):
    """แหล่งงบประมาณ: งบ สพป. (the office's own), งบ สพฐ. (OBEC), งบอื่น ๆ (other agencies).

    Shared by all offices. A project with no allocation uses no budget (ไม่ใช้งบประมาณ).
    """

    code = models.SlugField(_("รหัส"), max_length=20, unique=True)
    name = models.CharField(_("ชื่อแหล่งงบประมาณ"), max_length=100)
    display_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("แหล่งงบประมาณ")
        verbose_name_plural = _("แหล่งงบประมาณ")
        ordering = ["display_order", "code"]

    def __str__(self):
        return self.name


class Allocation(models.Model):
    """จัดสรร: the amount a project receives from one source for its fiscal year."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="allocations")
    source = models.ForeignKey(BudgetSource, on_delete=models.PROTECT, related_name="allocations",
                               verbose_name=_("แหล่งงบประมาณ"))
    amount = models.DecimalField(_("จำนวนเงิน (บาท)"), **MONEY)
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("งบประมาณที่ได้รับจัดสรร")
        verbose_name_plural = _("งบประมาณที่ได้รับจัดสรร")
        ordering = ["project_id", "source__display_order"]
        constraints = [
            models.UniqueConstraint(fields=["project", "source"], name="one_allocation_per_project_source"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="allocation_not_negative"),
        ]

    def __str__(self):
        return f"{self.project.code} {self.source}: {self.amount}"


class SpendingPlan(models.Model):
    """แผนการใช้จ่าย: how much a project plans to disburse in one quarter."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="spending_plan")
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    amount = models.DecimalField(_("จำนวนเงินตามแผน (บาท)"), **MONEY)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("แผนการใช้จ่ายรายไตรมาส")
        verbose_name_plural = _("แผนการใช้จ่ายรายไตรมาส")
        ordering = ["project_id", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["project", "quarter"], name="one_spending_plan_per_project_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="spending_plan_quarter_1_to_4"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="spending_plan_not_negative"),
        ]

    def __str__(self):
        return f"{self.project.code} ไตรมาสที่ {self.quarter}: {self.amount}"


class Disbursement(models.Model):
    """เบิกจ่าย recorded by the finance group. Its quarter follows from its date."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="disbursements")
    date = models.DateField(_("วันที่เบิกจ่าย"))
    amount = models.DecimalField(_("จำนวนเงิน (บาท)"), **MONEY)
    source = models.ForeignKey(BudgetSource, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="disbursements", verbose_name=_("แหล่งงบประมาณ"))
    reference = models.CharField(_("เลขที่เอกสาร"), max_length=100, blank=True)
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("ผู้บันทึก"))
    recorded_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    # The form's one-time token: the same form sent twice (a double click, a reload) records once.
    submission_token = models.CharField(max_length=40, null=True, blank=True, unique=True, editable=False)

    # Optimistic locking (plans.concurrency): a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("การเบิกจ่าย")
        verbose_name_plural = _("การเบิกจ่าย")
        ordering = ["project_id", "date", "id"]
        indexes = [models.Index(fields=["project", "date"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="disbursement_positive"),
        ]

    def __str__(self):
        return f"{self.project.code} {self.date}: {self.amount}"


class CabinetTarget(models.Model):
    """The cabinet's cumulative disbursement target (percent of the annual budget) by quarter end.

    A row without an office is the national default; an office's planner may keep its own rows for a
    year (issue #15), which the office's figures use instead, quarter by quarter.
    """

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, null=True, blank=True, related_name="cabinet_targets",
        verbose_name=_("หน่วยงาน (ว่าง = ค่ากลาง)"),
    )
    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.CASCADE, related_name="cabinet_targets")
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    cumulative_percent = models.DecimalField(
        _("เป้าหมายการเบิกจ่ายสะสม (ร้อยละ)"), max_digits=5, decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("เป้าหมายการเบิกจ่ายตามมติ ครม.")
        verbose_name_plural = _("เป้าหมายการเบิกจ่ายตามมติ ครม.")
        ordering = ["fiscal_year", "quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year", "quarter"], condition=Q(office__isnull=True),
                name="one_cabinet_target_per_year_quarter",
            ),
            models.UniqueConstraint(
                fields=["office", "fiscal_year", "quarter"], condition=Q(office__isnull=False),
                name="one_office_cabinet_target_per_year_quarter",
            ),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="cabinet_target_quarter_1_to_4"),
            models.CheckConstraint(
                condition=Q(cumulative_percent__gte=0, cumulative_percent__lte=100), name="cabinet_target_is_percent"
            ),
        ]

    def __str__(self):
        return f"{self.fiscal_year} ไตรมาสที่ {self.quarter}: {self.cumulative_percent}%"


class BudgetSourceInUse(models.Model):
    """A budget source an office uses in a fiscal year: the money forms and the plan workbook offer
    only these (all sources while an office has chosen none for the year)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="+")
    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(BudgetSource, on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("แหล่งงบประมาณ"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("แหล่งงบประมาณที่ใช้ในปี")
        verbose_name_plural = _("แหล่งงบประมาณที่ใช้ในปี")
        ordering = ["office", "fiscal_year", "source__display_order"]
        constraints = [
            models.UniqueConstraint(fields=["office", "fiscal_year", "source"], name="one_source_in_use_per_year"),
        ]

    def __str__(self):
        return f"{self.source} ({self.fiscal_year})"


# --- the office's own budget by expenditure category (issue #17) ----------------------------------


class ExpenditureCategory(models.TextChoices):
    """งบรายจ่าย: the budget bureau's classification of an office's money, in its usual order.

    งบกลาง (the central fund, e.g. its emergency reserve) is not part of the office's own budget: the
    reports print it on a line of its own below the total (reference 004), never in the total."""

    PERSONNEL = "personnel", _("งบบุคลากร")
    OPERATING = "operating", _("งบดำเนินงาน")
    INVESTMENT = "investment", _("งบลงทุน")
    SUBSIDY = "subsidy", _("งบเงินอุดหนุน")
    OTHER = "other", _("งบรายจ่ายอื่น")
    CENTRAL = "central", _("งบกลาง")


class OfficeBudget(models.Model):
    """The office's money for a fiscal year (งบประมาณของสำนักงาน), as finance last entered it, with the
    date the figures stand at. Not the projects' money: the plan's projects hold their own allocations."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="office_budgets")
    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, related_name="office_budgets")
    as_of = models.DateField(_("ข้อมูล ณ วันที่"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("ผู้บันทึก"))
    updated_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now=True)

    # Optimistic locking (plans.concurrency): a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "updated_at"])

    class Meta:
        verbose_name = _("งบประมาณของสำนักงานตามงบรายจ่าย")
        verbose_name_plural = _("งบประมาณของสำนักงานตามงบรายจ่าย")
        ordering = ["office_id", "-fiscal_year__be_year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "fiscal_year"], name="one_office_budget_per_year"),
        ]

    def __str__(self):
        return f"{self.office} {self.fiscal_year} (ณ {self.as_of})"


class OfficeBudgetLine(models.Model):
    """One expenditure category of the office's budget: allocated, disbursed and committed by purchase
    order (ผูกพัน PO). Remaining and percent are computed (budget.office_budget), never stored."""

    office_budget = models.ForeignKey(OfficeBudget, on_delete=models.CASCADE, related_name="lines")
    category = models.CharField(_("งบรายจ่าย"), max_length=20, choices=ExpenditureCategory.choices)
    allocated = models.DecimalField(_("งบประมาณที่ได้รับจัดสรร (บาท)"), **MONEY)
    disbursed = models.DecimalField(_("เบิกจ่าย (บาท)"), default=0, **MONEY)
    committed = models.DecimalField(_("ผูกพัน PO (บาท)"), default=0, **MONEY)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("งบประมาณของสำนักงานรายงบรายจ่าย")
        verbose_name_plural = _("งบประมาณของสำนักงานรายงบรายจ่าย")
        ordering = ["office_budget_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["office_budget", "category"], name="one_line_per_expenditure_category"),
            models.CheckConstraint(
                condition=Q(allocated__gte=0, disbursed__gte=0, committed__gte=0), name="office_budget_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.allocated}"
