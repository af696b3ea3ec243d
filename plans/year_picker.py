"""Which year (and round) a page shows: `?year=` and `?round=`, read safely, with a sensible default.

The default year is the one whose reporting is running: the latest plan with an open reporting
window, else the latest plan with reports handed in or a reporting window, else the latest plan.
Copying the plan into next year therefore does not move anybody's pages to an empty year.
A value that cannot be read, or a year the office has no plan for, falls back to the default
with a Thai message saying so; nothing raises.

Given the request, the office's plans are read once per request (`plans_of`): the page's picker and
the navigation's inbox (reports/inbox.py) both ask which plan is running. A page that opens or closes
a window, or copies a plan, redirects after writing, so the next request reads them afresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from plans.models import ReportingWindow
from plans.selectors import action_plans_of_office

ROUNDS = [(3, "รอบ ๓ เดือน"), (6, "รอบ ๖ เดือน"), (9, "รอบ ๙ เดือน"), (12, "รอบ ๑๒ เดือน")]
# Reports an owner has handed in (projects.round_status keeps the same list; plans may not import it).
HANDED_IN_STATES = ("submitted", "returned", "accepted")


def _annotated_plans(office):
    """The office's plans, newest first, each knowing whether it has an open window and any window, with
    its windows in quarter order (`windows_read`, for plans.selectors.reporting_windows_of): two
    queries. Whether it has reports handed in is read only when no plan has an open window (`_running`)."""
    plans = list(action_plans_of_office(office).order_by("-fiscal_year__be_year"))
    by_plan = {plan.pk: plan for plan in plans}
    for plan in plans:
        plan.windows_read = []
    for window in ReportingWindow.objects.filter(action_plan__office=office).order_by("quarter"):
        plan = by_plan.get(window.action_plan_id)
        if plan is not None:
            window.action_plan = plan
            plan.windows_read.append(window)
    for plan in plans:
        plan.has_open_window = any(window.is_open for window in plan.windows_read)
        plan.has_window = bool(plan.windows_read)
    return plans


def _with_reports(plans):
    """Sets `has_reports` on each plan: reports handed in (one query). Reports are looked up by name:
    plans sits below projects."""
    report = apps.get_model("projects", "QuarterlyReport")
    handed_in = set(report.objects.filter(project__action_plan__in=[plan.pk for plan in plans],
                                          state__in=HANDED_IN_STATES)
                    .values_list("project__action_plan_id", flat=True).distinct())
    for plan in plans:
        plan.has_reports = plan.pk in handed_in


def _running(plans):
    chosen = next((p for p in plans if p.has_open_window), None)
    if chosen is None and plans:
        if not all(hasattr(p, "has_reports") for p in plans):
            _with_reports(plans)
        chosen = next((p for p in plans if p.has_reports or p.has_window), plans[0])
    return chosen


def plans_of(office, request=None):
    """The office's annotated plans (newest first); with `request`, read once per request."""
    if request is None:
        return _annotated_plans(office)
    cached = getattr(request, "_tidtam_plans", None)
    if cached is None or cached[0] != office.pk:
        cached = request._tidtam_plans = (office.pk, _annotated_plans(office))
    return cached[1]


def running_action_plan(office, request=None):
    """The office's plan whose reporting is running (see the module's docstring), or None."""
    return _running(plans_of(office, request))


class YearRoundForm(forms.Form):
    year = forms.IntegerField(required=False, min_value=2500, max_value=2700, error_messages={
        "invalid": _("ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2567"),
        "min_value": _("ปีงบประมาณต้องเป็น พ.ศ. เช่น 2567"),
        "max_value": _("ปีงบประมาณต้องเป็น พ.ศ. เช่น 2567"),
    })
    round = forms.TypedChoiceField(required=False, choices=[("", "")] + [(str(m), label) for m, label in ROUNDS],
                                   coerce=int, empty_value=None, error_messages={
                                       "invalid_choice": _("รอบรายงานต้องเป็น 3, 6, 9 หรือ 12 เดือน"),
                                   })


@dataclass
class Picked:
    plan: object  # ActionPlan or None (an office without plans)
    months: int | None  # the asked round, None when not asked (the page picks its own default)
    years: list = field(default_factory=list)  # the office's plan years, newest first
    problems: list = field(default_factory=list)  # Thai sentences about what was ignored

    @property
    def be_year(self):
        return self.plan.fiscal_year.be_year if self.plan else None

    @property
    def rounds(self):
        return ROUNDS


def pick(request, office, *, strict=False):
    """The plan and round a page shows for `request` (GET or POST `year`, `round`).

    With `strict` (pages that write), a year asked for but missing is None rather than the default,
    so nothing is ever written into a year other than the one asked for.
    """
    data = {"year": request.GET.get("year") or request.POST.get("year") or "",
            "round": request.GET.get("round") or request.POST.get("round") or ""}
    data = {k: str(v).strip() for k, v in data.items()}
    form = YearRoundForm(data)
    form.is_valid()
    cleaned = form.cleaned_data
    problems = [str(message) for errors in form.errors.values() for message in errors]
    plans = plans_of(office, request)
    years = [p.fiscal_year.be_year for p in plans]
    plan = None
    asked_year = cleaned.get("year")
    if strict and data["year"] and asked_year is None:
        return Picked(None, cleaned.get("round"), years, problems)
    if asked_year is not None:
        plan = next((p for p in plans if p.fiscal_year.be_year == asked_year), None)
        if plan is None:
            if strict:
                return Picked(None, cleaned.get("round"), years, problems)
            problems.append(f"ไม่มีแผนปฏิบัติการปีงบประมาณ พ.ศ. {asked_year} ของหน่วยงาน จึงแสดงปีที่กำลังรายงานแทน")
    if plan is None:
        plan = _running(plans)
    return Picked(plan, cleaned.get("round"), years, problems)


def tell(request, picked):
    """Show what was ignored as a warning on the page."""
    for problem in picked.problems:
        messages.warning(request, problem)
