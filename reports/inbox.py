"""The "what needs me" inbox (issue #19), put together for one member: the union of their roles'
sections, and the counts the navigation shows.

projects/reporting/inbox.py reads the reports, owners and money; this module adds what lives with the
booklets (rounds ready to publish, new publications) and is the only place the sections are chosen.
A fixed number of queries however many projects (tests/reports/test_inbox.py counts them); computed
once per request, and only when a page shows it (the context processor hands a lazy object).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from plans.interface_digits import digits_of
from plans.models import Role
from plans.selectors import membership_of, reporting_windows_of
from plans.thai_calendar import round_months_of_quarter
from plans.year_picker import running_action_plan
from projects.reporting.inbox import (
    Item,
    PlanRows,
    Section,
    finance_items,
    overdue_projects,
    owned_of,
    owner_items,
    planner_items,
)
from reports.models import Publication

# Publications this recent are "new" for the director.
NEW_PUBLICATION_DAYS = 30


@dataclass
class Inbox:
    plan: object = None
    sections: list = field(default_factory=list)

    @property
    def count(self):
        return sum(section.count for section in self.sections)

    def section(self, key):
        return next((s for s in self.sections if s.key == key), None)

    def count_of(self, key):
        section = self.section(key)
        return section.count if section else 0

    @property
    def owner_items(self):
        section = self.section("owner")
        return section.items if section else []

    @property
    def nav(self):
        """Counts next to the navigation's links: {link: count}, links without work left out."""
        counts = {"board": self.count_of("planner"), "my_projects": self.count_of("owner"),
                  "disbursements": self.count_of("finance"), "dashboard": self.count_of("director")}
        return {key: value for key, value in counts.items() if value}


def ready_to_publish(rows: PlanRows):
    """Rounds whose quarter is past its deadline (or closed) with nothing waiting for review, and whose
    booklet has not been published yet."""
    published = set(Publication.objects.filter(booklet__action_plan=rows.plan)
                    .values_list("booklet__months", flat=True).distinct())
    waiting = set(rows.waiting)
    url = reverse("reports:booklets")
    return [
        Item(_("เล่มรายงานความก้าวหน้ารอบ %(m)s เดือน ตรวจรายงานครบแล้ว พร้อมจัดทำและเผยแพร่")
             % {"m": rows.n(round_months_of_quarter(w.quarter))}, 1, url)
        for w in rows.windows
        if (not w.is_open or w.deadline < rows.today) and w.quarter not in waiting
        and round_months_of_quarter(w.quarter) not in published
    ]


def director_items(rows: PlanRows, office, today):
    since = timezone.now() - datetime.timedelta(days=NEW_PUBLICATION_DAYS)
    items = []
    new = Publication.objects.filter(booklet__action_plan__office=office, published_at__gte=since).count()
    if new:
        items.append(Item(_("เล่มรายงานเผยแพร่ใหม่ใน %(d)s วันที่ผ่านมา %(n)s ฉบับ") % {"d": rows.n(NEW_PUBLICATION_DAYS),
                                                                                    "n": rows.n(new)},
                          new, reverse("reports:booklets")))
    overdue = overdue_projects(rows)
    if overdue:
        items.append(Item(_("โครงการที่เลยกำหนดส่งรายงาน %(n)s โครงการ") % {"n": rows.n(overdue)}, overdue,
                          f"{reverse('reports:dashboard')}#overdue", urgent=True))
    return items


def inbox_for(user, today=None, *, request=None) -> Inbox:
    """The member's inbox for the plan whose reporting is running; empty for anyone else. With `request`,
    the office's plans (and with them the plan's windows) are the ones the page's year picker read
    (plans.year_picker.plans_of), not read again, and so are the user's projects an owner's home read
    (projects.reporting.inbox.share_owned)."""
    membership = membership_of(user)
    if membership is None:
        return Inbox()
    plan = running_action_plan(membership.office, request)
    if plan is None:
        return Inbox()
    rows = PlanRows(plan, today or timezone.localdate(), digits_of(membership.office),
                    windows=reporting_windows_of(plan))
    sections = []
    if membership.has_role(Role.PLANNER):
        sections.append(Section("planner", _("งานของนักวิเคราะห์นโยบายและแผน"),
                                planner_items(rows) + ready_to_publish(rows)))
    owned = owner_items(rows, user, owned_of(request, plan) if request is not None else None)
    if owned:
        sections.append(Section("owner", _("รายงานโครงการของฉัน"), owned))
    if membership.has_role(Role.FINANCE):
        sections.append(Section("finance", _("การเบิกจ่ายที่ยังไม่ได้บันทึก"), finance_items(rows)))
    if membership.has_role(Role.DIRECTOR):
        sections.append(Section("director", _("สิ่งที่ควรอ่าน"), director_items(rows, membership.office, rows.today)))
    return Inbox(plan, sections)


def inbox(request):
    """Context processor: `inbox`, computed on first use in the page (navigation counts, home panel)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"inbox": SimpleLazyObject(lambda: _cached(request))}


def _cached(request):
    if not hasattr(request, "_tidtam_inbox"):
        request._tidtam_inbox = inbox_for(request.user, request=request)
    return request._tidtam_inbox
