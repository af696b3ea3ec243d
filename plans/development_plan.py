"""The development plan's content as rows: ordered lists of the plan, strategy goals and approaches,
and each strategy indicator's yearly result.

Imported by plans/models.py (these are `plans` models). Whether a result meets its target is
computed in plans/achievement.py, never stored.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PlanItemKind(models.TextChoices):
    VISION_TERM = "vision_term", _("นิยามของวิสัยทัศน์")
    MISSION = "mission", _("พันธกิจ")
    GOAL = "goal", _("เป้าหมาย")
    VALUE = "value", _("ค่านิยมร่วม")
    STRENGTH = "strength", _("จุดแข็ง (S)")
    WEAKNESS = "weakness", _("จุดอ่อน (W)")
    OPPORTUNITY = "opportunity", _("โอกาส (O)")
    THREAT = "threat", _("อุปสรรค (T)")
    SUCCESS_FACTOR = "success_factor", _("ปัจจัยแห่งความสำเร็จ")
    MECHANISM = "mechanism", _("กลไกขับเคลื่อนและการติดตาม")


# Kinds whose items name the strategies that serve them.
KINDS_WITH_STRATEGIES = {PlanItemKind.MISSION, PlanItemKind.GOAL}
# Kinds whose items have a short term before the text ("Service Mind หมายถึง ...").
KINDS_WITH_TERM = {PlanItemKind.VISION_TERM, PlanItemKind.VALUE, PlanItemKind.MECHANISM}


class PlanItem(models.Model):
    """One numbered entry of an ordered list of the plan (a mission, a goal, a SWOT point, ...)."""

    development_plan = models.ForeignKey(
        "plans.DevelopmentPlan", on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("หัวข้อ"), max_length=20, choices=PlanItemKind.choices)
    number = models.PositiveSmallIntegerField(_("ลำดับที่"), validators=[MinValueValidator(1), MaxValueValidator(999)])
    term = models.CharField(_("คำ/หัวข้อย่อย"), max_length=200, blank=True)
    text = models.TextField(_("ข้อความ"))
    strategies = models.ManyToManyField(
        "plans.Strategy", related_name="plan_items", blank=True, verbose_name=_("กลยุทธ์ที่ตอบสนอง")
    )

    history = HistoricalRecords(m2m_fields=[strategies])

    class Meta:
        verbose_name = _("รายการของแผนพัฒนา")
        verbose_name_plural = _("รายการของแผนพัฒนา")
        ordering = ["development_plan", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["development_plan", "kind", "number"], name="plan_item_number_unique_per_kind"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}. {self.term or self.text[:60]}"


class StrategyGoal(models.Model):
    """เป้าประสงค์ (เป้าหมาย) of a strategy, numbered within it."""

    strategy = models.ForeignKey("plans.Strategy", on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField(_("ลำดับที่"), validators=[MinValueValidator(1), MaxValueValidator(999)])
    text = models.TextField(_("เป้าประสงค์"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("เป้าประสงค์ของกลยุทธ์")
        verbose_name_plural = _("เป้าประสงค์ของกลยุทธ์")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_goal_number_unique"),
        ]

    def __str__(self):
        return f"{self.number}. {self.text}"


class StrategyApproach(models.Model):
    """แนวทางการพัฒนา (แนวทางการดำเนินงาน) of a strategy, numbered within it."""

    strategy = models.ForeignKey("plans.Strategy", on_delete=models.CASCADE, related_name="approaches")
    number = models.PositiveSmallIntegerField(_("ลำดับที่"), validators=[MinValueValidator(1), MaxValueValidator(999)])
    text = models.TextField(_("แนวทางการพัฒนา"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("แนวทางการพัฒนา")
        verbose_name_plural = _("แนวทางการพัฒนา")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_approach_number_unique"),
        ]

    def __str__(self):
        return f"{self.number}. {self.text}"


class StrategyIndicatorResult(models.Model):
    """ผลการดำเนินงาน of a strategy indicator in one fiscal year: a number, or a level/text; 1/0 for yes/no.

    No result row means "not reported" (unknown, not zero)."""

    indicator = models.ForeignKey("plans.StrategyIndicator", on_delete=models.CASCADE, related_name="results")
    be_year = models.PositiveSmallIntegerField(
        _("ปีงบประมาณ (พ.ศ.)"), validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    value = models.DecimalField(_("ผล (ตัวเลข)"), max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.CharField(_("ผล (ระดับ/ข้อความ)"), max_length=200, blank=True)
    source = models.CharField(_("แหล่งข้อมูล"), max_length=300, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("ผลตามตัวชี้วัดรายปี")
        verbose_name_plural = _("ผลตามตัวชี้วัดรายปี")
        ordering = ["indicator", "be_year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "be_year"], name="one_result_per_indicator_year"),
        ]

    def __str__(self):
        shown = self.value if self.value is not None else self.text
        return f"{self.be_year}: {shown}"
