"""Reads for the quarterly report pages, the audit history and the reminders."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from budget.models import Allocation, Disbursement, SpendingPlan
from plans.interface_digits import Formatted
from plans.models import ReportingWindow
from plans.thai_formats import format_date_short, format_datetime_short, format_money
from projects.models import (
    Activity,
    ActivityProgress,
    Attachment,
    Indicator,
    IndicatorResult,
    Project,
    QuarterlyReport,
    ReportState,
    YearEndIndicatorResult,
    YearEndObjective,
    YearEndReport,
    YearEndStep,
)
from projects.round_status import needs_report

REPORT_PAGE_PREFETCH = [
    # Each allocation with its source in one query (the allocations' order already joins the sources).
    "activities", "indicators", Prefetch("allocations", queryset=Allocation.objects.select_related("source")),
    "spending_plan", "disbursements",
    Prefetch("reports", queryset=QuarterlyReport.objects.order_by("quarter")),
]


def projects_for_report_page():
    """Queryset to load a project through plans.access with what the report page shows."""
    return Project.objects.prefetch_related(*REPORT_PAGE_PREFETCH)


def report_of(project, quarter):
    """The project's report for `quarter` with its rows, or None."""
    return (
        QuarterlyReport.objects.filter(project=project, quarter=quarter)
        .select_related("submitted_by", "reviewed_by")
        .prefetch_related("activity_progress__activity", "indicator_results__indicator")
        .first()
    )


def previous_report(project, quarter):
    """The latest earlier report of the same project, whose carried-over parts prefill a new one."""
    return (
        QuarterlyReport.objects.filter(project=project, quarter__lt=quarter)
        .order_by("-quarter")
        .prefetch_related("activity_progress", "indicator_results")
        .first()
    )


# --- Audit history -------------------------------------------------------------------------------

@dataclass
class HistoryEntry:
    when: datetime.datetime
    who: object
    what: str  # the object, e.g. "รายงานไตรมาสที่ 2"
    action: str  # สร้าง / แก้ไข / ลบ
    reason: str
    changes: list  # [(label, before, after)]


ACTIONS = {"+": "สร้าง", "~": "แก้ไข", "-": "ลบ"}
SKIPPED_FIELDS = {"id", "project", "report", "recorded_at", "recorded_by", "version", "updated_at",
                  # an evidence file's storage details: its caption and file name say what it is
                  "file_type", "content_type", "sha256", "file", "print_file", "thumb_file", "width", "height",
                  "display_order", "uploaded_at"}


def _display(model, name, value):
    if value is None or value == "":
        return "-"
    django_field = model._meta.get_field(name)
    # What the portal formats is Formatted (the page prints it in the office's digits); typed text is not.
    if django_field.choices:
        return Formatted(dict(django_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    if isinstance(value, Decimal):
        return Formatted(format_money(value, digits="arabic"))
    if isinstance(value, datetime.datetime):
        return Formatted(format_datetime_short(value, digits="arabic"))
    if isinstance(value, datetime.date):
        return Formatted(format_date_short(value, digits="arabic"))
    if isinstance(value, int):
        return Formatted(value)
    return str(value)


def _label(model, name):
    return str(model._meta.get_field(name).verbose_name)


def _entries(model, records, describe):
    """History entries of one model's records (any order), each compared with the record before it."""
    entries = []
    last_of = {}
    for record in sorted(records, key=lambda r: (r.id, r.history_date, r.history_id)):
        before = last_of.get(record.id)
        changes = []
        if record.history_type == "~" and before is not None:
            delta = record.diff_against(before)
            changes = [
                (_label(model, c.field), _display(model, c.field, c.old), _display(model, c.field, c.new))
                for c in delta.changes if c.field not in SKIPPED_FIELDS
            ]
            if not changes and not record.history_change_reason:
                last_of[record.id] = record
                continue
        elif record.history_type in ("+", "-"):
            # A new row shows what it was created with; a deleted one, what it held.
            changes = [
                (_label(model, f.name), "-", _display(model, f.name, getattr(record, f.attname)))
                for f in model._meta.concrete_fields
                if f.name not in SKIPPED_FIELDS and getattr(record, f.attname) not in (None, "")
                and not f.is_relation
            ]
        last_of[record.id] = record
        entries.append(HistoryEntry(
            when=record.history_date, who=record.history_user, what=describe(record),
            action=ACTIONS.get(record.history_type, record.history_type),
            reason=record.history_change_reason or "", changes=changes,
        ))
    return entries


def history_entries(model, records, describe):
    """HistoryEntry rows of one model's history records (shared with the office history page)."""
    return _entries(model, records, describe)


def project_history(project):
    """Every recorded change of the project and what hangs from it, newest first (fixed query count)."""

    report_ids = set(QuarterlyReport.history.filter(project_id=project.pk).values_list("id", flat=True))
    quarter_of = dict(QuarterlyReport.history.filter(project_id=project.pk).values_list("id", "quarter"))

    def history(model, **filters):
        return list(model.history.filter(**filters).select_related("history_user"))

    activities = history(Activity, project_id=project.pk)
    indicators = history(Indicator, project_id=project.pk)
    # Latest known names, also for rows deleted since.
    activity_title = {r.id: r.title for r in sorted(activities, key=lambda r: r.history_date)}
    indicator_text = {r.id: r.text for r in sorted(indicators, key=lambda r: r.history_date)}
    sources = [
        (Project, history(Project, id=project.pk), lambda r: "โครงการ"),
        (Activity, activities, lambda r: f"กิจกรรม “{r.title}”"),
        (Indicator, indicators, lambda r: f"ตัวชี้วัด “{r.text}”"),
        (Allocation, history(Allocation, project_id=project.pk), lambda r: "งบประมาณที่ได้รับจัดสรร"),
        (SpendingPlan, history(SpendingPlan, project_id=project.pk),
         lambda r: f"แผนการใช้จ่ายไตรมาสที่ {r.quarter}"),
        (QuarterlyReport, history(QuarterlyReport, project_id=project.pk),
         lambda r: f"รายงานไตรมาสที่ {r.quarter}"),
        (ActivityProgress, history(ActivityProgress, report_id__in=report_ids),
         lambda r: f"รายงานไตรมาสที่ {quarter_of.get(r.report_id, '?')}: "
                   f"ความก้าวหน้ากิจกรรม “{activity_title.get(r.activity_id, '?')}”"),
        (IndicatorResult, history(IndicatorResult, report_id__in=report_ids),
         lambda r: f"รายงานไตรมาสที่ {quarter_of.get(r.report_id, '?')}: "
                   f"ผลตามตัวชี้วัด “{indicator_text.get(r.indicator_id, '?')}”"),
        (Attachment, history(Attachment, project_id=project.pk),
         lambda r: (f"รายงานไตรมาสที่ {quarter_of.get(r.report_id, '?')}: " if r.report_id else "")
                   + (f"{YEAR_END}: " if r.year_end_id else "") + f"{r.get_kind_display()} “{r.caption}”"),
        *_year_end_sources(project, history, indicator_text),
        (Disbursement, history(Disbursement, project_id=project.pk),
         lambda r: f"การเบิกจ่าย {r.reference}".strip()),
    ]
    entries = []
    for model, records, describe in sources:
        entries.extend(_entries(model, records, describe))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


YEAR_END = "รายงานสิ้นสุดโครงการ"


def _year_end_sources(project, history, indicator_text):
    ids = set(YearEndReport.history.filter(project_id=project.pk).values_list("id", flat=True))
    return [
        (YearEndReport, history(YearEndReport, project_id=project.pk), lambda r: YEAR_END),
        (YearEndObjective, history(YearEndObjective, report_id__in=ids),
         lambda r: f"{YEAR_END}: วัตถุประสงค์ “{r.text}”"),
        (YearEndStep, history(YearEndStep, report_id__in=ids), lambda r: f"{YEAR_END}: ขั้นตอน “{r.title}”"),
        (YearEndIndicatorResult, history(YearEndIndicatorResult, report_id__in=ids),
         lambda r: f"{YEAR_END}: ผลตัวชี้วัด “{indicator_text.get(r.indicator_id, '?')}”"),
    ]


# --- Reminders -----------------------------------------------------------------------------------

@dataclass
class Reminder:
    owner: object
    project: Project
    window: ReportingWindow
    report: QuarterlyReport | None  # None: not reported yet

    @property
    def reason(self):
        if self.report is not None and self.report.state == ReportState.RETURNED:
            return "รายงานถูกส่งกลับให้แก้ไข"
        return "ยังไม่ได้ส่งรายงาน"


def reminders_due(today, days):
    """Owners to remind: their report for an open window is missing or returned (or still a draft),
    and the deadline is `days` days away or less (and not past)."""
    windows = (
        ReportingWindow.objects.filter(closed_at__isnull=True, deadline__gte=today,
                                       deadline__lte=today + datetime.timedelta(days=days))
        .select_related("action_plan__office", "action_plan__fiscal_year")
    )
    reminders = []
    for window in windows:
        projects = (
            Project.objects.filter(action_plan=window.action_plan, cancelled=False)
            .prefetch_related("owners", Prefetch("reports", queryset=QuarterlyReport.objects.filter(
                quarter__lte=window.quarter), to_attr="round_reports"))
        )
        for project in projects:
            # One rule with the board and the dashboard: nobody chases a handed-in report, nor a
            # project completed in an earlier quarter (projects.round_status).
            if not needs_report(project, project.round_reports, window.quarter):
                continue
            report = next((r for r in project.round_reports if r.quarter == window.quarter), None)
            reminders.extend(Reminder(owner, project, window, report) for owner in project.owners.all())
    return reminders
