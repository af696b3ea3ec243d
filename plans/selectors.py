"""Reads about offices, memberships and plans. Every read starts from who is asking."""

from plans.models import ActionPlan, Membership


def membership_of(user):
    """The user's membership (office and role), or None for anonymous users and outsiders.

    Cached on the user object: one query per request however often it is asked.
    """
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_tidtam_membership"):
        user._tidtam_membership = (
            Membership.objects.select_related("office", "group").filter(user=user).first()
        )
    return user._tidtam_membership


def action_plans_of_office(office):
    return ActionPlan.objects.filter(office=office).select_related("fiscal_year", "office", "development_plan")


def current_action_plan(office, be_year=None):
    """The office's plan for `be_year`, or its latest plan when no year is asked for."""
    plans = action_plans_of_office(office).order_by("-fiscal_year__be_year")
    if be_year is not None:
        plans = plans.filter(fiscal_year__be_year=be_year)
    return plans.first()


def reporting_windows_of(action_plan):
    """The plan's reporting windows in quarter order: the ones read with the plan when the year picker
    read it (plans.year_picker, once per request: the page and the navigation's inbox share them)."""
    read = getattr(action_plan, "windows_read", None)
    return list(read) if read is not None else list(action_plan.reporting_windows.order_by("quarter"))


def next_quarter_to_open(action_plan):
    """The quarter a planner opens next: the first one that has never had a reporting window (Q4 once
    all have)."""
    opened = set(action_plan.reporting_windows.values_list("quarter", flat=True))
    return next((quarter for quarter in range(1, 5) if quarter not in opened), 4)
