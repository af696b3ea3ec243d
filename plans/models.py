"""The office, its people and groups, the calendar, and the plans that projects hang from."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plans import thai_calendar

# The development plan and its rows live in plans/development_plan.py (these are `plans` models too).
from plans.development_plan import (  # noqa: E402, F401  (re-exported: plans.models is where models are)
    Comparator,
    DevelopmentPlan,
    IndicatorKind,
    PlanItem,
    PlanItemKind,
    Strategy,
    StrategyApproach,
    StrategyGoal,
    StrategyIndicator,
    StrategyIndicatorResult,
    StrategyIndicatorTarget,
)


class InterfaceDigits(models.TextChoices):
    """How the portal's pages print numbers and dates (the booklet has its own choice)."""

    THAI = "thai", _("เลขไทย")
    ARABIC = "arabic", _("เลขอารบิก")


class Office(models.Model):
    """An educational service area office (สำนักงานเขตพื้นที่การศึกษา, สพป./สพม.)."""

    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=200, unique=True)
    short_name = models.CharField(_("ชื่อย่อ"), max_length=60)
    # Printed on the booklet's cover, one agency per line, nearest first.
    parent_agencies = models.TextField(
        _("หน่วยงานต้นสังกัด"), blank=True,
        default="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน\nกระทรวงศึกษาธิการ",
    )
    address = models.TextField(_("ที่อยู่"), blank=True)
    phones = models.CharField(_("โทรศัพท์"), max_length=200, blank=True)
    website = models.URLField(_("เว็บไซต์"), blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    # Printed on the booklet's cover; checked to be a PNG or JPEG image on upload.
    logo = models.ImageField(_("ตราสัญลักษณ์"), upload_to="logos/", blank=True)
    # Who signs for the office (ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา); deputies are OfficeDeputy rows.
    director_name = models.CharField(_("ชื่อผู้อำนวยการ"), max_length=200, blank=True)
    director_position = models.CharField(
        _("ตำแหน่งผู้อำนวยการ"), max_length=200, blank=True,
        help_text=_("เช่น ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร"),
    )
    # Every number and date the portal's pages and messages print (plans/interface_digits.py);
    # what people type is accepted in either digits whatever this says.
    interface_digits = models.CharField(
        _("ตัวเลขบนหน้าจอ"), max_length=10, choices=InterfaceDigits.choices, default=InterfaceDigits.THAI,
        help_text=_("ตัวเลขและวันที่บนหน้าเว็บและข้อความแจ้งเตือน เลขไทย เช่น ๒๕๖๗ หรือเลขอารบิก เช่น 2567 "
                    "ช่องกรอกข้อมูลรับได้ทั้งสองแบบ เล่มรายงานเลือกตัวเลขของตนเองแยกต่างหาก"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("หน่วยงาน")
        verbose_name_plural = _("หน่วยงาน")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def parent_agency_lines(self):
        return [line.strip() for line in self.parent_agencies.splitlines() if line.strip()]


class Group(models.Model):
    """กลุ่ม/หน่วย: a responsible unit of the office, e.g. กลุ่มนโยบายและแผน."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("ชื่อกลุ่ม"), max_length=200)
    short_name = models.CharField(_("ชื่อสั้น"), max_length=100, help_text=_("ใช้ในตาราง เช่น นิเทศ ติดตามฯ"))
    abbreviation = models.CharField(_("อักษรย่อ"), max_length=20, help_text=_("เช่น กนผ."))
    display_order = models.PositiveSmallIntegerField(_("ลำดับการแสดง"), default=0)
    # ผู้อำนวยการกลุ่ม: signs the group's part of a booklet; a member of the office.
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้อำนวยการกลุ่ม (หัวหน้ากลุ่ม)"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("กลุ่ม/หน่วย")
        verbose_name_plural = _("กลุ่ม/หน่วย")
        ordering = ["office_id", "display_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="group_name_unique_per_office"),
            models.UniqueConstraint(fields=["office", "abbreviation"], name="group_abbr_unique_per_office"),
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    PLANNER = "planner", _("นักวิเคราะห์นโยบายและแผน")
    DIRECTOR = "director", _("ผู้บริหาร")
    FINANCE = "finance", _("การเงิน")
    # Owners are not a role: a member owns the projects that name them as owner.
    STAFF = "staff", _("บุคลากร")


class Membership(models.Model):
    """A user's place in one office: roles, group and position (ตำแหน่ง).

    `role` is the main role (the page the member lands on, the title shown next to their name);
    `extra_roles` are more roles they hold in the same office. What each combination may do is
    the union of its roles (plans/access.py says how).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("บทบาท"), max_length=20, choices=Role.choices, default=Role.STAFF)
    group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("กลุ่ม")
    )
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    extra_roles = models.JSONField(_("บทบาทเพิ่มเติม"), default=list, blank=True)
    # คำนำหน้าชื่อ as typed (นาย, นางสาว, ดร. …): User.first_name holds it in front of the first name.
    title = models.CharField(_("คำนำหน้าชื่อ"), max_length=50, blank=True)
    # Set when the planner gives a temporary password: the member chooses their own at next sign-in.
    must_change_password = models.BooleanField(_("ต้องเปลี่ยนรหัสผ่าน"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("สมาชิก")
        verbose_name_plural = _("สมาชิก")
        constraints = [
            # One office per user keeps "what may this user see" a single question.
            models.UniqueConstraint(fields=["user"], name="membership_one_office_per_user"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.office.short_name} ({self.get_role_display()})"

    @property
    def roles(self):
        """Every role held: the main one first, then the extra ones in Role order."""
        extra = [r for r in Role.values if r in (self.extra_roles or []) and r != self.role]
        return [self.role, *extra]

    def has_role(self, *roles):
        return any(role in self.roles for role in roles)

    @property
    def roles_display(self):
        labels = dict(Role.choices)
        return " · ".join(str(labels[r]) for r in self.roles if r in labels)

    @property
    def is_planner(self):
        return self.has_role(Role.PLANNER)

    @property
    def is_finance(self):
        return self.has_role(Role.FINANCE)

    @property
    def is_director(self):
        return self.has_role(Role.DIRECTOR)


class FiscalYear(models.Model):
    """ปีงบประมาณ, identified by its Buddhist Era year. Dates and quarters are derived."""

    be_year = models.PositiveSmallIntegerField(
        _("ปีงบประมาณ (พ.ศ.)"), unique=True, validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )

    class Meta:
        verbose_name = _("ปีงบประมาณ")
        verbose_name_plural = _("ปีงบประมาณ")
        ordering = ["-be_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(be_year__gte=2500, be_year__lte=2700), name="fiscal_year_is_buddhist_era"
            ),
        ]

    def __str__(self):
        return f"ปีงบประมาณ พ.ศ. {self.be_year}"

    @property
    def start_date(self):
        return thai_calendar.fiscal_year_bounds(self.be_year)[0]

    @property
    def end_date(self):
        return thai_calendar.fiscal_year_bounds(self.be_year)[1]

    @property
    def quarters(self):
        return list(thai_calendar.quarters_of(self.be_year))


class ActionPlan(models.Model):
    """แผนปฏิบัติการประจำปีงบประมาณ: one office's plan for one fiscal year."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="action_plans")
    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, related_name="action_plans")
    development_plan = models.ForeignKey(
        DevelopmentPlan, on_delete=models.PROTECT, related_name="action_plans", verbose_name=_("แผนพัฒนาฯ")
    )
    title = models.CharField(_("ชื่อแผน"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("แผนปฏิบัติการประจำปี")
        verbose_name_plural = _("แผนปฏิบัติการประจำปี")
        ordering = ["office_id", "-fiscal_year__be_year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "fiscal_year"], name="one_action_plan_per_office_year"),
        ]

    def __str__(self):
        return self.title or f"แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {self.fiscal_year.be_year} {self.office.short_name}"


class ReportingWindow(models.Model):
    """The planner opens a quarter of an action plan for reporting, with a deadline, and closes it."""

    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reporting_windows")
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    opened_at = models.DateTimeField(_("เปิดเมื่อ"), auto_now_add=True)
    deadline = models.DateField(_("กำหนดส่ง"))
    closed_at = models.DateTimeField(_("ปิดเมื่อ"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("รอบการรายงาน")
        verbose_name_plural = _("รอบการรายงาน")
        ordering = ["action_plan_id", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["action_plan", "quarter"], name="one_window_per_plan_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="window_quarter_1_to_4"),
        ]

    def __str__(self):
        return f"{self.action_plan} ไตรมาสที่ {self.quarter}"

    @property
    def is_open(self):
        return self.closed_at is None


class AlignmentKind(models.TextChoices):
    NATIONAL_STRATEGY = "national_strategy", _("ยุทธศาสตร์ชาติ")
    MASTER_PLAN = "master_plan", _("แผนแม่บทภายใต้ยุทธศาสตร์ชาติ")
    SUB_PLAN = "sub_plan", _("แผนย่อยของแผนแม่บท")
    NESDP_MILESTONE = "nesdp_milestone", _("หมุดหมายตามแผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13")
    OBEC_POLICY = "obec_policy", _("นโยบาย สพฐ.")
    MINISTRY_POLICY = "ministry_policy", _("นโยบายกระทรวงศึกษาธิการ")
    # Issue #15: the rest of what an office's projects are aligned with, kept per year by load_catalogue.
    OBEC_FOCUS = "obec_focus", _("จุดเน้น สพฐ.")
    QUICK_POLICY = "quick_policy", _("นโยบายเร่งด่วน (Quick Win / Quick Policy)")
    OFFICE_STANDARD = "office_standard", _("มาตรฐานสำนักงานเขตพื้นที่การศึกษา")


class AlignmentItem(models.Model):
    """A node of the shared catalogue of what projects serve higher up (shared by all offices).

    National Strategy → master-plan issue → sub-plan form a tree; NESDP milestones and policies
    are roots. Policies belong to a year; the national catalogues do not.
    """

    kind = models.CharField(_("ประเภท"), max_length=30, choices=AlignmentKind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("อยู่ภายใต้")
    )
    code = models.CharField(_("ลำดับ"), max_length=20)
    title = models.TextField(_("ชื่อ"))
    be_year = models.PositiveSmallIntegerField(_("ปี (พ.ศ.)"), null=True, blank=True)
    display_order = models.PositiveSmallIntegerField(_("ลำดับการแสดง"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ความสอดคล้อง")
        verbose_name_plural = _("ความสอดคล้อง")
        ordering = ["kind", "be_year", "display_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "code", "be_year"], name="alignment_code_unique_per_kind_year"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.code} {self.title}"


# What an office sets for itself beyond its own row (issue #15), kept in a module of its own.
from plans.office_settings import OfficeDeputy, QuarterDeadline  # noqa: E402, F401

__all__ = [
    "ActionPlan", "AlignmentItem", "AlignmentKind", "Comparator", "DevelopmentPlan", "FiscalYear", "Group",
    "IndicatorKind", "Membership", "Office", "PlanItem", "PlanItemKind", "ReportingWindow",
    "Role", "Strategy", "StrategyApproach", "StrategyGoal", "StrategyIndicator", "StrategyIndicatorResult",
    "StrategyIndicatorTarget",
]
