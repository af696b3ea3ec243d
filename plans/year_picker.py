"""Which year (and round) a page shows: `?year=` and `?round=`, read safely, with a sensible default.

The default year is the one whose reporting is running: the latest plan with an open reporting
window, else the latest plan with reports handed in or a reporting window, else the latest plan.
Copying the plan into next year therefore does not move anybody's pages to an empty year.
A value that cannot be read, or a year the office has no plan for, falls back to the default
with a Thai message saying so; nothing raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from plans.models import ReportingWindow
from plans.selectors import action_plans_of_office

ROUNDS = [(3, "รอบ ๓ เดือน"), (6, "รอบ ๖ เดือน"), (9, "รอบ ๙ เดือน"), (12, "รอบ ๑๒ เดือน")]
# Reports an owner has handed in (projects.round_status keeps the same list; plans may not import it).
HANDED_IN_STATES = ("submitted", "returned", "accepted")


def _annotated_plans(office):
    """The office's plans, newest first, each knowing whether it has an open window, any window, and
    reports handed in (one query). Reports are looked up by name: plans sits below projects."""
    report = apps.get_model("projects", "QuarterlyReport")
    windows = ReportingWindow.objects.filter(action_plan=OuterRef("pk"))
    return list(
        action_plans_of_office(office)
        .annotate(
            has_open_window=Exists(windows.filter(closed_at__isnull=True)),
            has_window=Exists(windows),
            has_reports=Exists(report.objects.filter(project__action_plan=OuterRef("pk"),
                                                     state__in=HANDED_IN_STATES)),
        )
        .order_by("-fiscal_year__be_year")
    )


def _running(plans):
    for test in (lambda p: p.has_open_window, lambda p: p.has_reports or p.has_window, lambda p: True):
        chosen = next((p for p in plans if test(p)), None)
        if chosen is not None:
            return chosen
    return None


def running_action_plan(office):
    """The office's plan whose reporting is running (see the module's docstring), or None."""
    return _running(_annotated_plans(office))


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
    plans = _annotated_plans(office)
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
