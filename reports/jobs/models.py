"""A document job: a file that a Celery worker makes, so that no web process lays out a PDF.

The documents: a booklet (draft PDF, publication, Excel tables), an annual report (draft PDF,
publication), a development plan (the plan document, one year's indicator results) and a project's
print view (the project, or one quarter's report). A job names
its document by exactly one foreign key (a check constraint says so); reports/jobs/documents.py
says how each document is made. The row is the job's whole state (the web process reads it for the
progress page; Celery's result store is not needed): what was asked, where it is, how far, what went
wrong, and the file.
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
    PLAN = "plan", _("PDF เอกสารแผน")
    RESULTS = "results", _("PDF ผลตามตัวชี้วัด")
    PROJECT_PRINT = "project", _("PDF โครงการ")
    REPORT_PRINT = "report", _("PDF รายงานรายไตรมาส")


# Which kinds of job each document has (one foreign key of DocumentJob per document).
KINDS_OF = {
    "booklet": [JobKind.PREVIEW, JobKind.PUBLISH, JobKind.EXCEL],
    "annual_report": [JobKind.PREVIEW, JobKind.PUBLISH],
    "development_plan": [JobKind.PLAN, JobKind.RESULTS],
    # The print views' PDF (reports/print_views.py): one project, or one quarter's report of it.
    "project": [JobKind.PROJECT_PRINT, JobKind.REPORT_PRINT],
}
# Draft PDFs and publishing are the planners'; every member of the office makes the other files.
PLANNERS_ONLY = [JobKind.PREVIEW, JobKind.PUBLISH]


class JobState(models.TextChoices):
    QUEUED = "queued", _("รอคิว")
    RUNNING = "running", _("กำลังทำ")
    DONE = "done", _("เสร็จแล้ว")
    FAILED = "failed", _("ไม่สำเร็จ")


ACTIVE_STATES = [JobState.QUEUED, JobState.RUNNING]


class JobPhase(models.TextChoices):
    QUEUED = "queued", _("รอเครื่องประมวลผลว่าง")
    FIGURES = "figures", _("คำนวณตัวเลขจากข้อมูลที่บันทึก")
    HTML = "html", _("เรียงเนื้อหาเอกสาร")
    PDF = "pdf", _("จัดหน้า PDF")
    EXCEL = "excel", _("สร้างตาราง Excel")
    SAVING = "saving", _("บันทึกไฟล์")
    RETRYING = "retrying", _("รอลองใหม่")
    DONE = "done", _("เสร็จแล้ว")
    FAILED = "failed", _("ไม่สำเร็จ")


def _only(document):
    """The condition that `document` is this job's one document."""
    return Q(**{f"{name}__isnull": name != document for name in KINDS_OF})


def _kind_in(document):
    return Q(kind__in=[kind.value for kind in KINDS_OF[document]])


def _active(**condition):
    return Q(state__in=["queued", "running"], **condition)


class DocumentJob(models.Model):
    booklet = models.ForeignKey("reports.Booklet", on_delete=models.CASCADE, related_name="jobs",
                                null=True, blank=True, verbose_name=_("เล่มรายงาน"))
    annual_report = models.ForeignKey("reports.AnnualReport", on_delete=models.CASCADE, related_name="jobs",
                                      null=True, blank=True, verbose_name=_("รายงานผลการดำเนินงาน"))
    development_plan = models.ForeignKey("plans.DevelopmentPlan", on_delete=models.CASCADE, related_name="+",
                                         null=True, blank=True, verbose_name=_("แผนพัฒนา"))
    be_year = models.PositiveSmallIntegerField(_("ปี พ.ศ. ของรายงานผล"), null=True, blank=True)
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="+",
                                null=True, blank=True, verbose_name=_("โครงการ"))
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), null=True, blank=True)
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
    annual_publication = models.ForeignKey("reports.AnnualPublication", on_delete=models.SET_NULL, null=True,
                                           blank=True, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Moved on at every phase: a running job that stops moving lost its worker and its task.
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "reports"
        verbose_name = _("งานจัดทำไฟล์เอกสาร")
        verbose_name_plural = _("งานจัดทำไฟล์เอกสาร")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One queued or running job per document and kind: a second click joins the running job
            # instead of starting another (reports.jobs.services).
            models.UniqueConstraint(fields=["booklet", "kind"], condition=_active(),
                                    name="one_running_job_per_booklet_and_kind"),
            models.UniqueConstraint(fields=["annual_report", "kind"], condition=_active(),
                                    name="one_running_job_per_annual_report_and_kind"),
            # be_year is empty for the plan document: NULLs are distinct in an index, so two indexes.
            models.UniqueConstraint(fields=["development_plan"], condition=_active(kind="plan"),
                                    name="one_running_plan_document_job"),
            models.UniqueConstraint(fields=["development_plan", "be_year"], condition=_active(kind="results"),
                                    name="one_running_results_job_per_year"),
            # quarter is empty for the project's print: two indexes, as for the development plan.
            models.UniqueConstraint(fields=["project"], condition=_active(kind="project"),
                                    name="one_running_project_print_job"),
            models.UniqueConstraint(fields=["project", "quarter"], condition=_active(kind="report"),
                                    name="one_running_report_print_job_per_quarter"),
            models.CheckConstraint(condition=Q(step__lte=models.F("steps")), name="job_step_within_steps"),
            models.CheckConstraint(
                condition=(_only("booklet") & _kind_in("booklet"))
                | (_only("annual_report") & _kind_in("annual_report"))
                | (_only("development_plan") & _kind_in("development_plan"))
                | (_only("project") & _kind_in("project")),
                name="job_of_exactly_one_document_of_its_kind"),
            models.CheckConstraint(condition=Q(kind="results", be_year__isnull=False)
                                   | (~Q(kind="results") & Q(be_year__isnull=True)),
                                   name="job_year_only_for_results"),
            # (isnull=False said: a CHECK whose comparison with NULL is unknown would let NULL through.)
            models.CheckConstraint(condition=Q(kind="report", quarter__isnull=False, quarter__gte=1,
                                               quarter__lte=4)
                                   | (~Q(kind="report") & Q(quarter__isnull=True)),
                                   name="job_quarter_only_for_report_print"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.document} ({self.get_state_display()})"

    @property
    def target(self):
        """The job's document as keyword arguments: {"booklet": b}, {"annual_report": a} or
        {"development_plan": p, "be_year": y} or {"project": p, "quarter": q}; what job_start takes and
        what a retry starts again."""
        name = self.document_name
        extra = {"development_plan": {"be_year": self.be_year}, "project": {"quarter": self.quarter}}
        return {name: getattr(self, name), **extra.get(name, {})}

    @property
    def document_name(self):
        return next(name for name in KINDS_OF if getattr(self, f"{name}_id") is not None)

    @property
    def document(self):
        return getattr(self, self.document_name)

    @property
    def is_active(self):
        return self.state in ACTIVE_STATES

    @property
    def percent(self):
        return 100 if self.state == JobState.DONE else round(100 * self.step / max(self.steps, 1))

