"""Valid writes of the pages that came after the write table (issues #13, #15, #16, #18, #19), in the
same shape as tests/permission_rules/writes.py: the form read from the page a writer uses, posted by
every user, the database compared before and after."""

from decimal import Decimal

from projects.models import QuarterlyReport, ReportState
from tests.permission_rules import devplan, evidence, office, reporting, reports

PLANNER = {"planner"}
PROJECT_A = {"planner", "owner_a"}


def _devplan_page(world, kwargs):
    return {"pk": world.plan.development_plan_id}


def _person_page(world, kwargs):
    return kwargs


def _report_page_of_photo(world, kwargs):
    return {"pk": world.project_a.pk, "quarter": 2}


def _two_photos(world):
    """Owner A's report with two photos; the second one is moved up (a real change of order)."""
    from projects.evidence.services import Upload, attachments_add
    from tests.evidence import samples

    first = evidence._photo(world)
    second = attachments_add(project=world.project_a, report=first.report, user=world.owner_a, uploads=[
        Upload(name="b.jpg", file=samples.upload("b.jpg", samples.jpeg()), caption="ภาพที่สอง")])[0]
    return {"pk": second.pk}


def _waiting_report(world):
    QuarterlyReport.objects.update_or_create(
        project=world.project_a, quarter=2,
        defaults={"state": ReportState.SUBMITTED, "spent_amount": Decimal("0"), "results": "อบรมครูแล้ว"})
    return {"plan_pk": world.plan.pk, "quarter": 2}


def _checked_report(world, form):
    return {"report": form.choices["report"][0]}


def _deactivated(world):
    from plans.models import Membership

    membership = Membership.objects.get(user=world.owner_b)
    membership.user.is_active = False
    membership.user.save(update_fields=["is_active"])
    return {"pk": membership.pk}


def _failed_job(world):
    return {"pk": reports.job(world, "pdf", state="failed").pk}


def later_writes(_write):
    """The cases, built with writes.Write (passed in: this module is imported by writes.py)."""
    return {
        "office:person_deactivate": _write(PLANNER, kwargs=office._person, page=("office:person_edit", _person_page)),
        "office:person_reactivate": _write(PLANNER, kwargs=_deactivated, page=("office:person_edit", _person_page)),
        "office:person_password": _write(PLANNER, kwargs=office._person, page=("office:person_edit", _person_page)),
        "plans:devplan_item_delete": _write(PLANNER, kwargs=devplan._item,
                                            page=("plans:devplan_detail", _devplan_page)),
        "plans:strategy_part_delete": _write(PLANNER, kwargs=devplan._goal,
                                             page=("plans:devplan_detail", _devplan_page)),
        "plans:indicator_delete": _write(PLANNER, kwargs=devplan._indicator,
                                         page=("plans:devplan_detail", _devplan_page)),
        "evidence:move": _write(PROJECT_A, kwargs=_two_photos, page=("reporting:report", _report_page_of_photo),
                                able="owner_a", changes=lambda w, f: {"direction": "up"}, containing="direction"),
        "evidence:delete": _write(PROJECT_A, kwargs=lambda w: {"pk": evidence._photo(w).pk},
                                  page=("reporting:report", _report_page_of_photo), able="owner_a"),
        "reporting:accept_checked": _write(PLANNER, kwargs=_waiting_report, page=("reporting:waiting", _person_page),
                                           changes=_checked_report, containing="report"),
        "reporting:mail_resend": _write(PLANNER, kwargs=lambda w: {"pk": reporting._mail(w).pk},
                                        page=("reporting:mails", {})),
        "reports:job_retry": _write(PLANNER, kwargs=_failed_job, page=("reports:job", None)),
    }
