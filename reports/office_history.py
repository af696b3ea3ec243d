"""The office's history page (issue M9): changes to what belongs to the office rather than to one
project (groups, members' roles, development plans and strategies, action plans, reporting windows,
booklets), newest first, with the names of who changed what and local Buddhist-era dates.

Project-level changes are on each project's own history page (projects.reporting.selectors)."""

from budget.models import ExpenditureCategory, OfficeBudget, OfficeBudgetLine
from plans.models import ActionPlan, DevelopmentPlan, Group, Membership, ReportingWindow, Strategy
from projects.reporting.selectors import history_entries
from reports.models import Booklet

LATEST = 300  # entries shown; older ones stay in the database


def office_history(office):
    def records(model, **filters):
        return list(model.history.filter(**filters).select_related("history_user").order_by("-history_date")[:LATEST])

    plan_ids = list(ActionPlan.history.filter(office_id=office.pk).values_list("id", flat=True).distinct())
    development_ids = list(DevelopmentPlan.history.filter(office_id=office.pk).values_list("id", flat=True).distinct())
    year_of = dict(ActionPlan.objects.filter(pk__in=plan_ids).values_list("pk", "fiscal_year__be_year"))
    # The office's own budget by expenditure category (issue #17).
    budget_year = dict(OfficeBudget.history.filter(office_id=office.pk).values_list("id", "fiscal_year__be_year")
                       .distinct())
    sources = [
        (Group, records(Group, office_id=office.pk), lambda r: f"กลุ่ม “{r.name}”"),
        (Membership, records(Membership, office_id=office.pk),
         lambda r: f"บุคลากร “{_name(r)}”"),
        (DevelopmentPlan, records(DevelopmentPlan, office_id=office.pk), lambda r: f"แผนพัฒนาการศึกษา “{r.title}”"),
        (Strategy, records(Strategy, development_plan_id__in=development_ids),
         lambda r: f"กลยุทธ์ที่ {r.number}"),
        (ActionPlan, records(ActionPlan, office_id=office.pk),
         lambda r: f"แผนปฏิบัติการปีงบประมาณ {year_of.get(r.id, '')}".strip()),
        (ReportingWindow, records(ReportingWindow, action_plan_id__in=plan_ids),
         lambda r: f"รอบการรายงานไตรมาสที่ {r.quarter} ปีงบประมาณ {year_of.get(r.action_plan_id, '')}".strip()),
        (Booklet, records(Booklet, action_plan_id__in=plan_ids),
         lambda r: f"เล่มรายงานรอบ {r.months} เดือน ปีงบประมาณ {year_of.get(r.action_plan_id, '')}".strip()),
        (OfficeBudget, records(OfficeBudget, office_id=office.pk),
         lambda r: f"งบประมาณของสำนักงานตามงบรายจ่าย ปีงบประมาณ {budget_year.get(r.id, '')}".strip()),
        (OfficeBudgetLine, records(OfficeBudgetLine, office_budget_id__in=list(budget_year)),
         lambda r: f"งบประมาณของสำนักงาน {ExpenditureCategory(r.category).label} "
                   f"ปีงบประมาณ {budget_year.get(r.office_budget_id, '')}".strip()),
    ]
    entries = []
    for model, rows, describe in sources:
        entries.extend(history_entries(model, rows, describe))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:LATEST]


def _name(record):
    user = record.user
    return (user.get_full_name() or user.username) if user else "-"
