"""The lists' filters (issue #19, item 3): the board, the project list and finance's list filter by
group, state, quarter, owner and free text, read from the URL (GET), so a filtered list can be
bookmarked; paging and the year picker keep them.

A value that cannot be used (not a number, a group of another office, a state the page does not know)
is dropped with a Thai message saying so, and the list shows what it shows without it: never a 500.
Each page says which states it knows; the states' meaning stays with the page's own selector.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Q

from plans.form_bounds import posted_int
from plans.models import Group
from plans.query import SearchField

PAGE_SIZE = 100
QUARTERS = [(q, f"ไตรมาสที่ {q}") for q in range(1, 5)]
LABELS = {"group": "กลุ่ม", "owner": "ผู้รับผิดชอบ", "quarter": "ไตรมาส", "state": "สถานะ", "strategy": "กลยุทธ์",
          "status": "สถานะ"}


class ListFilterForm(forms.Form):
    group = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    owner = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    quarter = forms.TypedChoiceField(required=False, coerce=int, empty_value=None,
                                     choices=[("", "")] + [(str(q), label) for q, label in QUARTERS])
    state = forms.ChoiceField(required=False)
    q = SearchField()

    def __init__(self, data, *, groups, owners, states, state_name="state", strategies=None):
        super().__init__(data)
        if strategies is not None:
            self.fields["strategy"] = forms.TypedChoiceField(
                required=False, coerce=int, empty_value=None,
                choices=[("", "")] + [(str(s.pk), str(s.number)) for s in strategies])
        self.fields["group"].choices = [("", "")] + [(str(g.pk), g.name) for g in groups]
        self.fields["owner"].choices = [("", "")] + [(str(u.pk), _name(u)) for u in owners]
        if state_name != "state":
            self.fields[state_name] = self.fields.pop("state")
        self.fields[state_name].choices = [("", "")] + list(states)
        self.state_name = state_name


def _name(user):
    return user.get_full_name() or user.username


@dataclass
class Filters:
    group: int | None = None
    owner: int | None = None
    quarter: int | None = None
    state: str = ""
    q: str = ""
    state_name: str = "state"
    extra: dict = field(default_factory=dict)  # a page's own parameters (the project list's strategy)
    groups: list = field(default_factory=list)
    owners: list = field(default_factory=list)
    states: list = field(default_factory=list)
    year: int | None = None
    kept: tuple = ("year",)  # parameters that are not a filter on this page (the board's quarter is its tab)

    @property
    def params(self):
        """The filter as URL parameters (year first), without the empty ones."""
        values = {"year": self.year, "group": self.group, "owner": self.owner, "quarter": self.quarter,
                  self.state_name: self.state, "q": self.q, **self.extra}
        return {k: v for k, v in values.items() if v not in (None, "")}

    @property
    def query(self):
        """`year=2567&group=3&...` for links that keep the filter (the pager's)."""
        return urlencode(self.params)

    @property
    def query_but_quarter(self):
        """The filter without its quarter, for links that choose the quarter (the board's tabs)."""
        return urlencode({k: v for k, v in self.params.items() if k != "quarter"})

    @property
    def active(self):
        return any(v not in (None, "") for k, v in self.params.items() if k not in self.kept)

    def apply(self, projects):
        """Filter a Project queryset by group, owner and text (code or title)."""
        if self.group:
            projects = projects.filter(group_id=self.group)
        if self.owner:
            projects = projects.filter(owners=self.owner)
        if self.q:
            projects = projects.filter(Q(title__icontains=self.q) | Q(code__icontains=self.q))
        return projects.distinct() if self.owner else projects


def owners_in(plan):
    """The members who own a project of the plan, for the owner filter (one query)."""
    return list(get_user_model().objects.filter(owned_projects__action_plan=plan).distinct()
                .order_by("first_name", "last_name", "username"))


def read_filters(request, plan, *, states, state_name="state", strategies=None):
    """The page's filter from `request.GET`; what cannot be used is said as a warning and dropped."""
    groups = list(Group.objects.filter(office_id=plan.office_id).order_by("display_order", "name"))
    owners = owners_in(plan)
    form = ListFilterForm(request.GET, groups=groups, owners=owners, states=states, state_name=state_name,
                          strategies=strategies)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    for name in form.errors:
        if name in LABELS:
            messages.warning(request, f"ตัวกรอง “{LABELS[name]}” ใช้ไม่ได้ (ไม่มีตัวเลือกนี้) จึงแสดงโดยไม่กรอง{LABELS[name]}")
    return Filters(group=cleaned.get("group"), owner=cleaned.get("owner"), quarter=cleaned.get("quarter"),
                   state=cleaned.get(state_name) or "", q=cleaned.get("q") or "", state_name=state_name,
                   extra={"strategy": cleaned.get("strategy")} if strategies is not None else {},
                   groups=groups, owners=owners, states=list(states), year=plan.fiscal_year.be_year)


def page_of(request, rows, filters):
    """One page of `rows` (a list or queryset); a page number that cannot be read, or is past the end,
    shows the first (or the last) page, with a Thai message."""
    paginator = Paginator(rows, PAGE_SIZE)
    asked = request.GET.get("page", "").strip()
    number = posted_int(asked, "IntegerField")
    if not asked or (number is not None and 1 <= number <= paginator.num_pages):
        return paginator.page(number or 1)
    fallback = paginator.num_pages if number is not None else 1
    messages.warning(request, f"ไม่มีหน้าที่ {asked[:20]} จึงแสดงหน้าที่ {fallback}")
    return paginator.page(fallback)
