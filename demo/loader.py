"""Writes the demo office's data (the modules next to this one) into the database, idempotently.

Every row is found by its natural key and saved only when a field differs, so a second run writes
nothing (and adds no history rows). Rows of the demo plan that the data no longer has are removed.
"""

import io
import json
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Q
from PIL import Image, ImageDraw

from budget.models import Allocation, BudgetSource, CabinetTarget, Disbursement, SpendingPlan
from demo import annual, devplan_seed, evidence, later_quarters, office, people, projects, reports, year_end
from demo.office_budget import seed_office_budget
from plans.catalogue import catalogue_load
from plans.models import (
    ActionPlan,
    AlignmentItem,
    DevelopmentPlan,
    FiscalYear,
    Group,
    Membership,
    Office,
    OfficeDeputy,
    PlanItem,
    PlanItemKind,
    QuarterDeadline,
    ReportingWindow,
    Strategy,
)
from projects.models import (
    Activity,
    ActivityProgress,
    Indicator,
    IndicatorResult,
    Project,
    QuarterlyReport,
    ReportState,
)
from reports.models import Booklet
from reports.services import booklet_publish

BANGKOK = ZoneInfo("Asia/Bangkok")
CATALOGUE_FILE = settings.BASE_DIR / "catalogue" / f"{office.FISCAL_YEAR}.json"


def _same(obj, field, value):
    if isinstance(value, models.Model):
        return getattr(obj, f"{field}_id") == value.pk
    return getattr(obj, field) == value


def upsert(model, lookup, values=None):
    """get-or-create by `lookup`, then update only the fields in `values` that differ."""
    values = values or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if not _same(obj, field, value)]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save()
    return obj


def set_m2m(manager, objects):
    if set(manager.values_list("pk", flat=True)) != {o.pk for o in objects}:
        manager.set(objects)


def at(ymd, hour=10, minute=0):
    return datetime(*ymd, hour, minute, tzinfo=BANGKOK)


def money(amount):
    return Decimal(amount).quantize(Decimal("0.01"))


@transaction.atomic
def seed():
    catalogue_items = seed_catalogue()
    the_office = upsert(Office, {"name": office.OFFICE["name"]},
                        {k: v for k, v in office.OFFICE.items() if k != "name"})
    groups = {
        abbr: upsert(Group, {"office": the_office, "abbreviation": abbr},
                     {"name": name, "short_name": short, "display_order": order})
        for order, (abbr, name, short) in enumerate(office.GROUPS, start=1)
    }
    users = seed_people(the_office, groups)
    seed_signatories(the_office, groups, users)
    strategies = seed_development_plan(the_office)
    devplan_seed.seed_plan_content(next(iter(strategies.values())).development_plan, strategies, groups,
                                   users["planner"], upsert, set_m2m)
    plan = seed_action_plan(the_office, strategies, users)
    project_rows = seed_projects(plan, groups, strategies, users, catalogue_items)
    devplan_seed.link_projects(plan, strategies)
    seed_reports(project_rows, users)
    evidence.seed_evidence(project_rows, users)
    year_end.seed_year_end(project_rows, users, upsert)
    seed_booklet(plan, users["planner"])
    seed_office_budget(plan, users["finance"])  # the office's own money by category (issue #17)
    # Last: the annual report prints everything above (issue #17).
    annual.seed_annual(plan, users["planner"], upsert)
    return plan


def seed_booklet(plan, planner):
    """The 6-month booklet as reference 003 issued it (document 4/2567, sections by group), published once
    so a director finds a PDF to download. Publishing renders the PDF (a few seconds): only on the first run."""

    booklet = upsert(Booklet, {"action_plan": plan, "months": 6, "document_number": "4/2567"},
                     {"grouping": "group", "signer": "กลุ่มนโยบายและแผน", "created_by": planner})
    if not booklet.publications.exists():
        booklet_publish(booklet=booklet, user=planner)


def seed_catalogue():
    """The shared catalogue from the project's versioned data file (what load_catalogue reads), keyed
    (kind, code)."""
    catalogue_load(json.loads(CATALOGUE_FILE.read_text(encoding="utf-8")))
    return {(item.kind, item.code): item for item in AlignmentItem.objects.filter(
        Q(be_year__isnull=True) | Q(be_year=office.FISCAL_YEAR))}


def seed_people(the_office, groups):
    User = get_user_model()
    users = {}
    for username, (first, last, role, group_abbr, position) in people.PEOPLE.items():
        user = upsert(User, {"username": username},
                      {"first_name": first, "last_name": last, "email": f"{username}@skn.go.th"})
        if not user.password or not user.has_usable_password():
            # Only new accounts: checking the password on every run would cost seconds of hashing.
            user.set_password(people.PASSWORD)
            user.save(update_fields=["password"])
        upsert(Membership, {"user": user},
               {"office": the_office, "role": role, "group": groups.get(group_abbr), "position": position,
                "extra_roles": people.EXTRA_ROLES.get(username, [])})
        users[username] = user
    return users


def seed_signatories(the_office, groups, users):
    """Group heads, deputy directors and the logo printed on the cover (issue #15)."""
    for abbr, username in office.GROUP_HEADS.items():
        upsert(Group, {"pk": groups[abbr].pk}, {"head": users[username]})
    for order, (name, position) in enumerate(office.DEPUTIES, start=1):
        upsert(OfficeDeputy, {"office": the_office, "name": name}, {"position": position, "display_order": order})
    if not the_office.logo:
        the_office.logo.save("demo-logo.png", ContentFile(demo_logo()), save=True)


def demo_logo():
    """A plain emblem drawn for the demo (a real office uploads its own on the profile page)."""
    size = 240
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=(22, 53, 115), outline=(201, 162, 39), width=12)
    draw.ellipse((40, 40, size - 40, size - 40), outline=(201, 162, 39), width=4)
    # An open book.
    draw.polygon([(70, 95), (118, 108), (118, 165), (70, 152)], fill=(255, 255, 255))
    draw.polygon([(170, 95), (122, 108), (122, 165), (170, 152)], fill=(255, 255, 255))
    draw.polygon([(120, 60), (132, 84), (108, 84)], fill=(201, 162, 39))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def seed_development_plan(the_office):
    data = office.DEVELOPMENT_PLAN
    dev_plan = upsert(DevelopmentPlan, {"office": the_office, "first_be_year": data["first_be_year"]},
                      {k: v for k, v in data.items() if k != "first_be_year"})
    strategies = {number: upsert(Strategy, {"development_plan": dev_plan, "number": number}, {"title": title})
                  for number, title in office.STRATEGIES.items()}
    for number, text in enumerate(office.MISSIONS, start=1):
        upsert(PlanItem, {"development_plan": dev_plan, "kind": PlanItemKind.MISSION, "number": number}, {"text": text})
    return strategies


def seed_action_plan(the_office, strategies, users):
    fiscal_year = upsert(FiscalYear, {"be_year": office.FISCAL_YEAR})
    dev_plan = next(iter(strategies.values())).development_plan
    plan = upsert(ActionPlan, {"office": the_office, "fiscal_year": fiscal_year},
                  {"development_plan": dev_plan, "title": office.ACTION_PLAN_TITLE})
    for quarter, percent in office.CABINET_TARGETS.items():
        upsert(CabinetTarget, {"office": None, "fiscal_year": fiscal_year, "quarter": quarter},
               {"cumulative_percent": money(percent)})
    for quarter, deadline in office.QUARTER_DEADLINES.items():
        upsert(QuarterDeadline, {"office": the_office, "fiscal_year": fiscal_year, "quarter": quarter},
               {"deadline": deadline})
    for window in office.REPORTING_WINDOWS:
        upsert(ReportingWindow, {"action_plan": plan, "quarter": window["quarter"]},
               {"deadline": window["deadline"], "closed_at": at(window["closed_on"], 16, 30),
                "opened_by": users["planner"]})
    return plan


def _alignment_of(data, items):
    sub_code, nesdp_code, obec_code = data["align"]
    sub_plan = items[("sub_plan", sub_code)]
    master = sub_plan.parent
    return {"national_strategy": master.parent, "master_plan": master, "sub_plan": sub_plan,
            "nesdp": items[("nesdp_milestone", nesdp_code)], "obec": items[("obec_policy", obec_code)]}


def seed_projects(plan, groups, strategies, users, items):
    sources = {source.code: source for source in BudgetSource.objects.all()}
    rows = []
    for data in projects.PROJECTS:
        fy_start, fy_end = plan.fiscal_year.start_date, plan.fiscal_year.end_date
        project = upsert(Project, {"action_plan": plan, "code": f"67-{data['no']:02d}"}, {
            "title": data["title"], "strategy": strategies[data["strategy"]], "group": groups[data["group"]],
            "display_order": data["no"], "output_goal": data["output_goal"],
            "outcome_goal": data["outcome_goal"], "start_date": fy_start, "end_date": fy_end,
            "added_mid_year": data["no"] in projects.ADDED_MID_YEAR,
            "added_mid_year_reason": projects.ADDED_MID_YEAR.get(data["no"], ""),
        })
        set_m2m(project.owners, [users[name] for name in data["owners"]])
        alignment = _alignment_of(data, items)
        set_m2m(project.alignment, list(alignment.values()))

        activities = []
        for order, (title, quarters) in enumerate(data["activities"], start=1):
            activities.append(upsert(Activity, {"project": project, "display_order": order, "parent": None}, {
                "title": title, **{f"planned_q{q}": q in quarters for q in range(1, 5)}}))
        project.activities.exclude(pk__in=[a.pk for a in activities]).delete()

        indicators = []
        for order, (text, value, unit, target_text) in enumerate(data["indicators"], start=1):
            indicators.append(upsert(Indicator, {"project": project, "display_order": order}, {
                "text": text, "target_value": None if value is None else money(value),
                "target_unit": unit, "target_text": target_text}))
        project.indicators.exclude(pk__in=[i.pk for i in indicators]).delete()

        for code, amount in data["alloc"].items():
            upsert(Allocation, {"project": project, "source": sources[code]},
                   {"amount": money(amount), "note": data.get("note", "")})
        project.allocations.exclude(source__code__in=list(data["alloc"])).delete()

        for quarter, amount in data["plan"].items():
            upsert(SpendingPlan, {"project": project, "quarter": quarter}, {"amount": money(amount)})
        project.spending_plan.exclude(quarter__in=list(data["plan"])).delete()

        paid = data["paid"] + later_quarters.course(data)[1]
        for day, amount, source_code, reference in paid:
            source = sources[source_code] if source_code else sources[next(iter(data["alloc"]))]
            upsert(Disbursement, {"project": project, "reference": reference},
                   {"date": day, "amount": money(amount), "source": source, "recorded_by": users["finance"]})
        project.disbursements.exclude(reference__in=[p[3] for p in paid]).delete()
        rows.append((data, project, activities, indicators, alignment))
    plan.projects.exclude(pk__in=[row[1].pk for row in rows]).delete()
    return rows


def _activity_status(report_status, quarter, planned):
    if report_status in ("completed", "not_started"):
        return report_status
    if planned and max(planned) <= quarter:
        return "completed"
    if planned and min(planned) <= quarter:
        return "in_progress"
    return "not_started"


def seed_reports(rows, users):
    for data, project, activities, indicators, alignment in rows:
        kept = []
        for quarter in (1, 2):
            entry = reports.REPORTS.get(data["no"], {}).get(quarter)
            if entry is None and quarter == 1:
                entry = reports.NOT_STARTED_Q1
            if entry is None or (quarter == 2 and data["no"] in reports.NOT_REPORTED_IN_Q2):
                continue
            report = seed_report(project, quarter, entry, data, alignment, users)
            kept.append(report.pk)
            seed_report_rows(report, entry, activities, indicators, data)
        for quarter, entry in later_quarters.course(data)[0]:
            report = seed_report(project, quarter, entry, data, alignment, users)
            kept.append(report.pk)
            seed_report_rows(report, entry, activities, indicators, data)
        project.reports.exclude(pk__in=kept).delete()


def seed_report(project, quarter, entry, data, alignment, users):
    submitted = (quarter == 2 and data["no"] in reports.SUBMITTED_IN_Q2) or (
        quarter == 4 and data["no"] in later_quarters.SUBMITTED_IN_Q4)
    submitted_on = {**reports.SUBMITTED_ON, **later_quarters.SUBMITTED_ON}
    reviewed_on = {**reports.REVIEWED_ON, **later_quarters.REVIEWED_ON}
    owner = users[data["owners"][0]]
    done = entry["status"] != "not_started"
    titles = {key: item.title for key, item in alignment.items()}
    contribution = {
        f"contribution_{key}": (template.format(**titles, nesdp_code=alignment["nesdp"].code) if done else "")
        for key, template in reports.CONTRIBUTION.items()
    }
    progress_word = {"completed": "ดำเนินการแล้วเสร็จ", "in_progress": "อยู่ระหว่างดำเนินการ"}
    values = {
        "status": entry["status"],
        "state": ReportState.SUBMITTED if submitted else ReportState.ACCEPTED,
        "output_progress": f"{progress_word[entry['status']]}: {data['output_goal']}" if done else "",
        "outcome_progress": f"{progress_word[entry['status']]}: {data['outcome_goal']}" if done else "",
        "spent_amount": money(entry["spent"]),
        "disbursement_variance_reason": entry.get("variance", ""),
        "results": entry.get("results", ""),
        "problems": entry.get("problems", ""),
        "suggestions": entry.get("suggestions", ""),
        "submitted_by": owner,
        "submitted_at": at(submitted_on[quarter], 9 + data["no"] % 7, (data["no"] * 7) % 60),
        "reviewed_by": None if submitted else users["planner"],
        "reviewed_at": None if submitted else at(reviewed_on[quarter], 14, data["no"]),
        "review_comment": "" if submitted else "รับรายงานแล้ว",
        **contribution,
    }
    return upsert(QuarterlyReport, {"project": project, "quarter": quarter}, values)


def seed_report_rows(report, entry, activities, indicators, data):
    word = {"completed": "ดำเนินการแล้วเสร็จ", "in_progress": "อยู่ระหว่างดำเนินการ", "not_started": ""}
    for activity in activities:
        status = _activity_status(entry["status"], report.quarter, activity.planned_quarters)
        upsert(ActivityProgress, {"report": report, "activity": activity},
               {"status": status, "text": word[status]})
    if entry["status"] == "not_started":
        report.indicator_results.all().delete()
        return
    for indicator in indicators:
        upsert(IndicatorResult, {"report": report, "indicator": indicator},
               _indicator_result(indicator, entry))


def _indicator_result(indicator, entry):
    if entry["status"] != "completed":
        return {"value": None, "text": "อยู่ระหว่างดำเนินการ", "achieved": None}
    achieved = entry.get("achieved", True)
    if indicator.target_value is None:
        return {"value": None, "text": indicator.target_text, "achieved": achieved}
    # A missed target is shown as four fifths of it: the demo needs one, the reference gives no figure.
    value = indicator.target_value if achieved else (indicator.target_value * Decimal("0.8")).quantize(
        Decimal("0.01"))
    return {"value": value, "text": "", "achieved": achieved}


def accounts(plan=None):
    """Rows for --list-accounts: (username, name, role, group, owned projects or None)."""
    User = get_user_model()
    rows = []
    for username in people.PEOPLE:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        membership = Membership.objects.select_related("group").filter(user=user).first()
        owned = user.owned_projects.filter(action_plan=plan).count() if plan else user.owned_projects.count()
        rows.append((
            username, user.get_full_name(), membership.roles_display if membership else "",
            membership.group.abbreviation if membership and membership.group else "",
            owned if owned or (membership and membership.role == "staff") else None,
        ))
    return rows
