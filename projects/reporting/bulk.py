"""Writes on several reports at once, each through the one-report service so each is audited
and runs in its own transaction: one refusal never undoes or blocks the others."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from plans.concurrency import StaleEdit
from plans.interface_digits import shown
from projects.models import QuarterlyReport, ReportState
from projects.reporting import services
from projects.reporting.services import ReportInput


@dataclass
class BulkOutcome:
    done: list = field(default_factory=list)  # reports
    refused: list = field(default_factory=list)  # (report or None, Thai reason)


def _label(report):
    # Shown on the office's pages: the quarter in its interface digits, the code as it is.
    return _("%(code)s ไตรมาสที่ %(q)s") % {"code": report.project.code,
                                           "q": shown(report.project.action_plan.office, report.quarter)}


def accept_many(*, action_plan, checked, user):
    """Accept each checked report of `action_plan` that is still waiting; the others are named with why.

    `checked` maps report id -> the version the planner read (None: the current one); a report
    changed since it was read is refused, so nobody accepts what they have not seen.
    """
    outcome = BulkOutcome()
    report_ids = list(checked)
    reports = {r.pk: r for r in QuarterlyReport.objects.filter(pk__in=report_ids, project__action_plan=action_plan)
               .select_related("project__action_plan__office")}
    for pk in report_ids:
        report = reports.get(pk)
        if report is None:
            outcome.refused.append((None, _("ไม่พบรายงานที่เลือก (อาจถูกลบหรือเป็นของแผนอื่น)")))
            continue
        if report.state != ReportState.SUBMITTED:
            outcome.refused.append((report, _("%(r)s ไม่ได้อยู่ในสถานะรอตรวจ (%(s)s) จึงตรวจรับพร้อมกันไม่ได้")
                                    % {"r": _label(report), "s": report.get_state_display()}))
            continue
        try:
            services.report_accept(report=report, user=user, expected_version=checked[pk] or report.version)
        except (services.ReportRefused, StaleEdit, ValidationError) as error:
            reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            outcome.refused.append((report, f"{_label(report)}: {reason}"))
        else:
            outcome.done.append(report)
    return outcome


def report_input_of(report):
    """The stored report as the owner's input, so that sending it applies the same rules as the form."""
    return ReportInput(
        values={name: getattr(report, name) for name in services.REPORT_FIELDS},
        activities={row.activity_id: {"status": row.status, "text": row.text}
                    for row in report.activity_progress.all()},
        indicators={row.indicator_id: {"value": row.value, "text": row.text, "achieved": row.achieved}
                    for row in report.indicator_results.all()},
    )


def drafts_to_send(projects, quarter):
    """The quarter's unsent reports (drafts and returned ones) of `projects`, each with what still
    keeps it from being sent: [(report, [Thai reasons])], in the plan's order."""
    reports = (
        QuarterlyReport.objects.filter(project__in=projects, quarter=quarter,
                                       state__in=(ReportState.DRAFT, ReportState.RETURNED))
        .select_related("project__action_plan__office")
        .prefetch_related("project__activities", "project__indicators", "project__allocations",
                          "project__spending_plan", "project__disbursements", "project__reports",
                          "activity_progress", "indicator_results")
        .order_by("project__display_order", "project__code")
    )
    return [(r, list(services.submission_errors(r.project, quarter, report_input_of(r)).values())) for r in reports]


def submit_many(*, reports, user, versions=None):
    """Send each report for review through the one-report service (its checks, its audit entry, its
    own transaction); the ones refused are listed with the reason and stay as they are."""
    outcome = BulkOutcome()
    versions = versions or {}
    for report in reports:
        try:
            services.report_submit(project=report.project, quarter=report.quarter, user=user,
                                   data=report_input_of(report),
                                   expected_version=versions.get(report.pk) or report.version)
        except ValidationError as error:
            outcome.refused.append((report, f"{_label(report)}: {' '.join(error.messages)}"))
        except (services.ReportRefused, StaleEdit) as error:
            outcome.refused.append((report, f"{_label(report)}: {error}"))
        else:
            outcome.done.append(report)
    return outcome
