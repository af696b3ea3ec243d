"""Valid writes for the permission matrix (issue #11): for every URL that changes data, where its form
is (the page a user would submit it from), who sees that form, what a user would type, and who may
write. The matrix builds the POST from the page's own HTML form, so it is a write that succeeds for a
writer, and checks the database before and after for everyone else."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from plans.models import ReportingWindow
from projects.models import QuarterlyReport, ReportState
from tests import factories
from tests.permission_rules.later_writes import later_writes


@dataclass
class Write:
    writers: set  # users whose valid POST must change the database; for everyone else it must not
    kwargs: object = field(default=lambda w: {})
    page: object = None  # (url name, kwargs(w)) of the page holding the form; None: the URL itself
    able: str = "planner"  # who opens that page to read the form
    containing: str | None = None  # a field that picks the form on the page
    changes: object = field(default=lambda w, form: {})


def _group(w):
    return factories.GroupFactory(office=w.office)


def _strategy(w):
    return factories.StrategyFactory(development_plan=w.plan.development_plan)


def _activity(w, count=1):
    activities = [factories.ActivityFactory(project=w.project_a, display_order=n) for n in range(count)]
    return {"pk": w.project_a.pk, "activity_pk": activities[-1].pk}


def _indicator(w):
    return {"pk": w.project_a.pk, "indicator_pk": factories.IndicatorFactory(project=w.project_a).pk}


def _funded(w):
    factories.AllocationFactory(project=w.project_a, amount=Decimal("50000"))
    return {"pk": w.project_a.pk}


def _disbursement(w):
    factories.AllocationFactory(project=w.project_a, amount=Decimal("50000"))
    entry = factories.DisbursementFactory(project=w.project_a, source=factories.budget_source("office"),
                                          date=datetime.date(2023, 11, 15))
    return {"pk": entry.pk}


def _window(w):
    return {"pk": ReportingWindow.objects.create(action_plan=w.plan, quarter=1, deadline=datetime.date(2024, 1, 15)).pk}


def _report_page(w):
    ReportingWindow.objects.create(action_plan=w.plan, quarter=2, deadline=datetime.date(2024, 4, 10))
    return {"pk": w.project_a.pk, "quarter": 2}


def _report(state):
    def make(w):
        report = QuarterlyReport.objects.create(project=w.project_a, quarter=2, state=state, spent_amount=Decimal("0"))
        return {"pk": report.pk}
    return make


def _year_end(state):
    def make(w):
        from projects.models import YearEndReport

        return {"pk": YearEndReport.objects.create(project=w.project_a, state=state).pk}
    return make


def _booklet(w):
    from reports.models import Booklet

    return {"pk": Booklet.objects.get_or_create(action_plan=w.plan, months=6)[0].pk}


def _annual(w):
    from reports.annual.models import AnnualReport

    return {"pk": AnnualReport.objects.get_or_create(action_plan=w.plan)[0].pk}


def _upload(w):
    from tests.permission_rules.imports import planner_upload
    from tests.projects.test_plan_import_views import _template_with_project

    upload = planner_upload(w)
    upload.content = _template_with_project(w)
    upload.save()
    return {"pk": upload.pk}


def _budget_upload(w):
    from tests.permission_rules.office_budget import planner_budget_upload

    return {"pk": planner_budget_upload(w).pk}


def _same_kwargs_page(name):
    return lambda kwargs: (name, kwargs)


PLANNER = {"planner"}
PLANNERS_OF_ANY_OFFICE = {"planner", "other_planner"}
PROJECT_A = {"planner", "owner_a"}
MONEY = {"planner", "finance"}

WRITES = {
    # Office 2's planner sends office 1's development plan (from office 1's page): refused.
    "plans:action_plan_create": Write(PLANNER, changes=lambda w, f: {
        "be_year": "2568", "development_plan": str(w.plan.development_plan_id)}),
    "plans:group_create": Write(PLANNERS_OF_ANY_OFFICE, changes=lambda w, f: {
        "name": "กลุ่มใหม่", "short_name": "ใหม่", "abbreviation": "กม", "display_order": "9"}),
    "plans:group_edit": Write(PLANNER, kwargs=lambda w: {"pk": w.group.pk},
                              changes=lambda w, f: {"name": "ชื่อกลุ่มที่แก้"}),
    "plans:group_delete": Write(PLANNER, kwargs=lambda w: {"pk": _group(w).pk}, page=("plans:groups", {})),
    "plans:strategy_create": Write(PLANNER, changes=lambda w, f: {"number": "9", "title": "กลยุทธ์ใหม่"}),
    "plans:strategy_edit": Write(PLANNER, kwargs=lambda w: {"pk": w.strategy.pk},
                                 changes=lambda w, f: {"number": "5", "title": "กลยุทธ์ที่แก้"}),
    "plans:strategy_delete": Write(PLANNER, kwargs=lambda w: {"pk": _strategy(w).pk},
                                   page=("plans:strategies", {})),
    "plans:window_open": Write(PLANNERS_OF_ANY_OFFICE, changes=lambda w, f: {"quarter": "3",
                                                                             "deadline": "10/07/2567"}),
    "plans:window_close": Write(PLANNER, kwargs=_window, page=("plans:board", {})),
    "projects:create": Write(PLANNER, changes=lambda w, f: {
        "code": "NEW-1", "title": "โครงการใหม่", "strategy": str(w.strategy.pk), "group": str(w.group.pk)}),
    "projects:edit": Write(PROJECT_A, kwargs=lambda w: {"pk": w.project_a.pk},
                           changes=lambda w, f: {"title": "ชื่อที่แก้"}),
    "projects:status": Write(PLANNER, kwargs=lambda w: {"pk": w.project_a.pk},
                             changes=lambda w, f: {"cancelled": "on", "cancelled_reason": "ยกเลิกตามนโยบาย"}),
    "projects:money": Write(PLANNER, kwargs=lambda w: {"pk": w.project_a.pk}, containing="quarter_1",
                            changes=lambda w, f: {next(n for n in f.values if n.startswith("source_")): "1,000"}),
    "projects:activities": Write(PROJECT_A, kwargs=lambda w: {"pk": w.project_a.pk}, containing="title",
                                 changes=lambda w, f: {"title": "กิจกรรมใหม่"}),
    "projects:activity_edit": Write(PROJECT_A, kwargs=_activity, containing="title",
                                    changes=lambda w, f: {"title": "กิจกรรมที่แก้"}),
    "projects:activity_move": Write(PROJECT_A, kwargs=lambda w: _activity(w, 2), page=("projects:activities", None),
                                    changes=lambda w, f: {"direction": "up"}),
    "projects:activity_delete": Write(PROJECT_A, kwargs=_activity, page=("projects:activities", None)),
    "projects:indicators": Write(PROJECT_A, kwargs=lambda w: {"pk": w.project_a.pk}, containing="text",
                                 changes=lambda w, f: {"text": "ตัวชี้วัดใหม่", "target_text": "ครบ"}),
    "projects:indicator_edit": Write(PROJECT_A, kwargs=_indicator, containing="text",
                                     changes=lambda w, f: {"text": "ตัวชี้วัดที่แก้"}),
    "projects:indicator_delete": Write(PROJECT_A, kwargs=_indicator, page=("projects:indicators", None)),
    "budget:disbursement_add": Write(MONEY, kwargs=_funded, page=("budget:project", None), able="finance",
                                     containing="amount",
                                     changes=lambda w, f: {"date": "15/11/2566", "amount": "1,000"}),
    "budget:disbursement_edit": Write(MONEY, kwargs=_disbursement, able="finance", containing="amount",
                                      changes=lambda w, f: {"amount": "2,000", "reason": "พิมพ์ผิด"}),
    "budget:disbursement_delete": Write(MONEY, kwargs=_disbursement, page=("budget:disbursement_edit", None),
                                        able="finance", changes=lambda w, f: {"reason": "บันทึกซ้ำ"}),
    "reporting:report": Write(PROJECT_A, kwargs=_report_page, able="owner_a", containing="results",
                              changes=lambda w, f: {"results": "อบรมครูแล้ว", "action": "draft"}),
    "reporting:review": Write(PLANNER, kwargs=_report(ReportState.SUBMITTED), containing="comment",
                              page=("reporting:report", "report"),
                              changes=lambda w, f: {"action": "return", "comment": "กรุณาเพิ่มผล"}),
    "reporting:reopen": Write(PLANNER, kwargs=_report(ReportState.ACCEPTED), containing="reason",
                              page=("reporting:report", "report"), changes=lambda w, f: {"reason": "แก้ตัวเลข"}),
    "year_end:report": Write(PROJECT_A, kwargs=lambda w: {"pk": w.project_a.pk}, able="owner_a",
                             containing="highlights",
                             changes=lambda w, f: {"highlights": "ครูนำความรู้ไปใช้ได้จริง", "action": "draft"}),
    "year_end:review": Write(PLANNER, kwargs=_year_end(ReportState.SUBMITTED), containing="comment",
                             page=("year_end:report", "year_end"),
                             changes=lambda w, f: {"action": "return", "comment": "กรุณาเพิ่มวันที่ดำเนินการจริง"}),
    "year_end:reopen": Write(PLANNER, kwargs=_year_end(ReportState.ACCEPTED), containing="reason",
                             page=("year_end:report", "year_end"), changes=lambda w, f: {"reason": "แก้ผลตัวชี้วัด"}),
    "reports:booklet_new": Write(PLANNER, changes=lambda w, f: {"months": "9"}),
    "reports:booklet_edit": Write(PLANNER, kwargs=_booklet, changes=lambda w, f: {"foreword": "คำนำที่แก้"}),
    "reports:booklet_publish": Write(PLANNER, kwargs=_booklet, page=("reports:booklet_preview", None)),
    "reports:annual_new": Write(PLANNER, changes=lambda w, f: {"foreword": "คำนำรายงานประจำปี"}),
    "reports:annual_edit": Write(PLANNER, kwargs=_annual, changes=lambda w, f: {"office_problems": "งบประมาณล่าช้า"}),
    "reports:annual_publish": Write(PLANNER, kwargs=_annual, page=("reports:annual_preview", None)),
    "imports:confirm": Write(PLANNER, kwargs=_upload, page=("imports:preview", None), containing="fingerprint"),
    # The office's budget by expenditure category (issue #17): office 2's finance or planner writes their own.
    "budget:office_budget": Write(MONEY | {"other_planner"}, able="finance", containing="as_of",
                                  changes=lambda w, f: {"operating_allocated": "1,000,000.00",
                                                        "operating_disbursed": "250,000"}),
    "imports:office_budget_confirm": Write(PLANNER, kwargs=_budget_upload, page=("imports:office_budget_preview", None),
                                           containing="version"),
}
UPLOADER_ONLY_WRITES = {"imports:confirm", "imports:office_budget_confirm"}
# POST-only URLs without a data form of their own, and the file uploads (their valid writes are
# built in tests/projects/test_plan_import_views.py and test_results_workbook.py).
NOT_WRITES = {"logout", "login", "imports:plan_upload", "imports:results_upload", "plans:action_plan_copy",
              # File uploads: their valid writes are built in tests/evidence/ (a multipart POST of a real
              # photo); the caption is changed by the upload script, not by a form of its own.
              "evidence:add_to_project", "evidence:add_to_report", "evidence:caption",
              # Files on a year-end report (#17): the same view code as add_to_report, its writes and
              # refusals tested in tests/year_end/test_year_end_evidence.py.
              "evidence:add_to_year_end",
              # Sends a one-time link by e-mail and writes nothing but the mail (tests/office/).
              "office:person_send_link",
              # Confirming an upload needs a workbook with changes in it; their valid writes are in
              # tests/projects/test_submit_imported.py, tests/office/ and the development plan's import tests.
              "imports:submit_drafts_confirm", "office:people_confirm", "imports:devplan_confirm",
              # The board's reminder sends mail and writes no business row (tests/projects/test_board_reminder.py).
              "reporting:remind_overdue"}

# The pages that came after this table (tests/permission_rules/later_writes.py).
WRITES.update(later_writes(Write))


def _with_combined_users():
    """A combined user (tests/permission_rules COMBINED) writes wherever one of the users it combines does."""
    from tests.permission_rules import COMBINED

    for name, case in WRITES.items():
        if name in UPLOADER_ONLY_WRITES:
            continue  # an upload is confirmed only by the one who uploaded it
        case.writers = set(case.writers) | {user for user, parts in COMBINED.items() if case.writers & set(parts)}


_with_combined_users()
