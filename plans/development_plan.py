"""The development plan (แผนพัฒนาการศึกษา) and its content as rows: the plan, its ordered lists,
strategies with their goals and approaches, indicators with a target per year, and each indicator's
yearly result.

Re-exported by plans/models.py (these are `plans` models). Whether a result meets its target is
computed in plans/achievement.py, never stored.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plans import comparator_words


class DevelopmentPlan(models.Model):
    """แผนพัฒนาการศึกษา: the office's multi-year plan, e.g. 2566–2570.

    Its content is rows (plans/development_plan.py): numbered missions, goals, values, SWOT, success
    factors and follow-up mechanisms (PlanItem), strategies with their goals, approaches and
    indicators. A revised edition (ฉบับปรับปรุง) is a copy that points at the plan it revises.
    """

    office = models.ForeignKey("plans.Office", on_delete=models.CASCADE, related_name="development_plans")
    title = models.CharField(_("ชื่อแผน"), max_length=300)
    first_be_year = models.PositiveSmallIntegerField(
        _("ปีแรก (พ.ศ.)"), validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    last_be_year = models.PositiveSmallIntegerField(
        _("ปีสุดท้าย (พ.ศ.)"), validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    edition = models.CharField(_("ฉบับ"), max_length=100, blank=True, help_text=_("เช่น ฉบับปรับปรุง พ.ศ. 2564"))
    document_number = models.CharField(_("เอกสารลำดับที่"), max_length=50, blank=True, help_text=_("เช่น 24/2563"))
    revises = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="revisions",
        verbose_name=_("ปรับปรุงจากแผน"),
    )
    foreword = models.TextField(_("คำนำ"), blank=True)
    foreword_signed_by = models.CharField(_("ผู้เขียนคำนำ"), max_length=200, blank=True)
    context = models.TextField(_("บริบทองค์กร"), blank=True, help_text=_("ย่อหน้าละบรรทัด"))
    vision = models.TextField(_("วิสัยทัศน์"), blank=True)
    identity = models.CharField(_("อัตลักษณ์องค์กร"), max_length=300, blank=True)
    culture = models.CharField(_("วัฒนธรรมองค์กร"), max_length=300, blank=True)
    # Optimistic locking (plans/concurrency.py).
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("แผนพัฒนาการศึกษา")
        verbose_name_plural = _("แผนพัฒนาการศึกษา")
        ordering = ["office_id", "-first_be_year", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_be_year__gte=models.F("first_be_year")), name="development_plan_years_in_order"
            ),
            models.CheckConstraint(
                condition=Q(first_be_year__gte=2500, last_be_year__lte=2700), name="development_plan_years_be"
            ),
        ]

    def __str__(self):
        edition = f" {self.edition}" if self.edition else ""
        return f"{self.title} ({self.first_be_year}–{self.last_be_year}){edition}"

    def covers(self, be_year):
        return self.first_be_year <= be_year <= self.last_be_year

    @property
    def years(self):
        return list(range(self.first_be_year, self.last_be_year + 1))


class Strategy(models.Model):
    """กลยุทธ์ (ประเด็นกลยุทธ์): a numbered strategy of a development plan."""

    development_plan = models.ForeignKey("plans.DevelopmentPlan", on_delete=models.CASCADE, related_name="strategies")
    number = models.PositiveSmallIntegerField(_("กลยุทธ์ที่"))
    title = models.TextField(_("ชื่อกลยุทธ์"))
    # What the strategy serves higher up (national strategy, master plan, sub-plan, NESDP, OBEC policy).
    alignment = models.ManyToManyField(
        "plans.AlignmentItem", related_name="strategies", blank=True, verbose_name=_("ความสอดคล้อง")
    )

    history = HistoricalRecords(m2m_fields=[alignment])

    class Meta:
        verbose_name = _("กลยุทธ์")
        verbose_name_plural = _("กลยุทธ์")
        ordering = ["development_plan_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["development_plan", "number"], name="strategy_number_unique_per_plan"),
        ]

    def __str__(self):
        return f"กลยุทธ์ที่ {self.number} {self.title}"


class IndicatorKind(models.TextChoices):
    PERCENT = "percent", _("ร้อยละ")
    COUNT = "count", _("จำนวน")
    MEAN = "mean", _("ค่าเฉลี่ย/คะแนน")
    LEVEL = "level", _("ระดับ (ตามลำดับขั้น)")
    YES_NO = "yes_no", _("มี/ไม่มี")
    TEXT = "text", _("ข้อความ")


class Comparator(models.TextChoices):
    """How a result is held against its target (ไม่น้อยกว่า / ไม่เกิน / เท่ากับ)."""

    AT_LEAST = "gte", _("ไม่น้อยกว่า (≥)")
    AT_MOST = "lte", _("ไม่เกิน (≤)")
    EQUAL = "eq", _("เท่ากับ (=)")


class StrategyIndicator(models.Model):
    """ตัวชี้วัด of a strategy, numbered under a strategy goal or approach, with a baseline and a target
    per plan year. A composite (001's 2.4) has children; it has no target of its own."""

    strategy = models.ForeignKey("plans.Strategy", on_delete=models.CASCADE, related_name="indicators")
    goal = models.ForeignKey(
        "StrategyGoal", on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators",
        verbose_name=_("เป้าประสงค์"),
    )
    approach = models.ForeignKey(
        "StrategyApproach", on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators",
        verbose_name=_("แนวทางการพัฒนา"),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children",
        verbose_name=_("ตัวชี้วัดหลัก (ถ้าเป็นตัวชี้วัดย่อย)"),
    )
    code = models.CharField(_("ลำดับ/รหัส"), max_length=20, help_text=_("เช่น 1.2 หรือ 2.4.1"))
    text = models.TextField(_("ตัวชี้วัด"))
    kind = models.CharField(_("ชนิดค่าเป้าหมาย"), max_length=10, choices=IndicatorKind.choices,
                            default=IndicatorKind.PERCENT)
    comparator = models.CharField(_("เกณฑ์การบรรลุ"), max_length=3, choices=Comparator.choices,
                                  default=Comparator.AT_LEAST)
    unit = models.CharField(_("หน่วยนับ"), max_length=50, blank=True)
    # For kind=level: the ordered scale, lowest first, one level per line (ระดับ 1 … ระดับ 5; พอใช้ ดี ดีเยี่ยม).
    level_scale = models.TextField(_("ลำดับขั้นของระดับ (ต่ำไปสูง บรรทัดละขั้น)"), blank=True)
    baseline_be_year = models.PositiveSmallIntegerField(
        _("ปีของข้อมูลฐาน (พ.ศ.)"), null=True, blank=True, validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    baseline_value = models.DecimalField(_("ค่าฐาน"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_text = models.CharField(_("ค่าฐาน (ข้อความ/ระดับ)"), max_length=200, blank=True)
    responsible_group = models.ForeignKey(
        "plans.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="strategy_indicators",
        verbose_name=_("กลุ่มที่รับผิดชอบ"),
    )
    display_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("ตัวชี้วัดกลยุทธ์")
        verbose_name_plural = _("ตัวชี้วัดกลยุทธ์")
        ordering = ["strategy_id", "display_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="indicator_code_unique_per_strategy"),
            models.CheckConstraint(condition=~Q(code=""), name="indicator_code_not_blank"),
        ]

    def __str__(self):
        return f"{self.code} {self.text}"

    @property
    def levels(self):
        return [line.strip() for line in self.level_scale.splitlines() if line.strip()]

    @property
    def comparator_words(self):
        return comparator_words.WORDS.get(self.comparator, "")


class StrategyIndicatorTarget(models.Model):
    """A strategy indicator's target for one year: a number, a level/text, or N/A (both empty)."""

    indicator = models.ForeignKey("plans.StrategyIndicator", on_delete=models.CASCADE, related_name="targets")
    be_year = models.PositiveSmallIntegerField(_("ปี (พ.ศ.)"))
    value = models.DecimalField(_("ค่าเป้าหมาย"), max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.CharField(_("ค่าเป้าหมาย (ข้อความ)"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ค่าเป้าหมายรายปี")
        verbose_name_plural = _("ค่าเป้าหมายรายปี")
        ordering = ["indicator_id", "be_year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "be_year"], name="one_target_per_indicator_year"),
        ]

    def __str__(self):
        shown = self.value if self.value is not None else (self.text or "N/A")
        return f"{self.be_year}: {shown}"

    @property
    def is_na(self):
        return self.value is None and not self.text


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
        ordering = ["development_plan_id", "kind", "number"]
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
        ordering = ["strategy_id", "number"]
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
        ordering = ["strategy_id", "number"]
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
        ordering = ["indicator_id", "be_year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "be_year"], name="one_result_per_indicator_year"),
        ]

    def __str__(self):
        shown = self.value if self.value is not None else self.text
        return f"{self.be_year}: {shown}"
