"""Writes on several reports at once, each through the one-report service so each is audited
and runs in its own transaction: one refusal never undoes or blocks the others."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from plans.concurrency import StaleEdit
from projects.models import QuarterlyReport, ReportState
from projects.reporting import services


@dataclass
class BulkOutcome:
    done: list = field(default_factory=list)  # reports
    refused: list = field(default_factory=list)  # (report or None, Thai reason)


def _label(report):
    return _("%(code)s ไตรมาสที่ %(q)s") % {"code": report.project.code, "q": report.quarter}


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
