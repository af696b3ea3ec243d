"""A booklet job: a draft PDF, a publication or an Excel export made by a Celery worker.

The row is the job's whole state (the web process reads it for the progress page; Celery's result
store is not needed): what was asked, where it is, how far, what went wrong, and the file.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A task that failed (or whose worker vanished) this many times is given up with its error.
MAX_TRIES = 3


class JobKind(models.TextChoices):
    PREVIEW = "pdf", _("PDF ฉบับร่าง")
    PUBLISH = "publish", _("เผยแพร่")
    EXCEL = "excel", _("ตาราง Excel")


class JobState(models.TextChoices):
    QUEUED = "queued", _("รอคิว")
    RUNNING = "running", _("กำลังทำ")
    DONE = "done", _("เสร็จแล้ว")
    FAILED = "failed", _("ไม่สำเร็จ")


ACTIVE_STATES = [JobState.QUEUED, JobState.RUNNING]


class JobPhase(models.TextChoices):
    QUEUED = "queued", _("รอเครื่องประมวลผลว่าง")
    FIGURES = "figures", _("คำนวณตัวเลขจากข้อมูลที่บันทึก")
    HTML = "html", _("เรียงเนื้อหาเล่มรายงาน")
    PDF = "pdf", _("จัดหน้า PDF")
    EXCEL = "excel", _("สร้างตาราง Excel")
    SAVING = "saving", _("บันทึกไฟล์")
    RETRYING = "retrying", _("รอลองใหม่")
    DONE = "done", _("เสร็จแล้ว")
    FAILED = "failed", _("ไม่สำเร็จ")


class BookletJob(models.Model):
    booklet = models.ForeignKey("reports.Booklet", on_delete=models.CASCADE, related_name="jobs",
                                verbose_name=_("เล่มรายงาน"))
    kind = models.CharField(_("งาน"), max_length=10, choices=JobKind.choices)
    state = models.CharField(_("สถานะ"), max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    phase = models.CharField(_("ขั้นตอน"), max_length=10, choices=JobPhase.choices, default=JobPhase.QUEUED)
    step = models.PositiveSmallIntegerField(default=0)
    steps = models.PositiveSmallIntegerField(default=1)
    projects = models.PositiveIntegerField(_("จำนวนโครงการ"), default=0)
    pages = models.PositiveIntegerField(_("จำนวนหน้า"), default=0)
    attempts = models.PositiveSmallIntegerField(_("ครั้งที่ทำ"), default=0)
    error = models.TextField(_("สาเหตุที่ไม่สำเร็จ"), blank=True)
    result = models.BinaryField(null=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True)
    publication = models.ForeignKey("reports.Publication", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Moved on at every phase: a running job that stops moving lost its worker and its task.
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "reports"
        verbose_name = _("งานจัดทำเล่มรายงาน")
        verbose_name_plural = _("งานจัดทำเล่มรายงาน")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A second click joins the running job instead of starting another (reports.jobs.services).
            models.UniqueConstraint(fields=["booklet", "kind"], condition=Q(state__in=["queued", "running"]),
                                    name="one_running_job_per_booklet_and_kind"),
            models.CheckConstraint(condition=Q(step__lte=models.F("steps")), name="job_step_within_steps"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.booklet} ({self.get_state_display()})"

    @property
    def is_active(self):
        return self.state in ACTIVE_STATES

    @property
    def percent(self):
        return 100 if self.state == JobState.DONE else round(100 * self.step / max(self.steps, 1))

    @property
    def filename(self):
        extension = "xlsx" if self.kind == JobKind.EXCEL else "pdf"
        name = "tables" if self.kind == JobKind.EXCEL else "draft"
        return f"booklet-{self.booklet_id}-{name}.{extension}"
