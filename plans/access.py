"""Who may see and change what: the one place where access is decided.

Rules (issue #3): planners edit everything in their office; an owner edits only the projects they
own and those projects' reports; finance records disbursements; directors read everything in their
office and change nothing; nobody sees another office (404); a member who may read but tries to
write gets 403; anonymous users are sent to the login page (by @login_required in the views).

Views load every object through a `load_*` helper, with `for_write=True` when they change it: office-level
objects here, projects and their reports in `projects/access.py` (next to what they guard).

Roles combine (issue #15). A member has a main role and may hold more roles in the same office
(Membership.extra_roles); what they may do is the union of what each role allows, and owning a
project is not a role but adds to any of them:
- director (ผู้อำนวยการ/รองผู้อำนวยการ, ผู้อำนวยการกลุ่ม) reads everything and adds no write right,
  so a deputy director is simply a director; a group director who owns projects is a director
  who edits and reports on exactly the projects naming them as owner;
- planner + anything: everything a planner does (the plan, people, the office profile);
- finance + director or staff: records disbursements, reads everything;
- staff is the role of a member with no other role and adds nothing.
The main role only decides the landing page and the title shown next to the name; the menu shows
the pages of every role held. Another office's objects stay 404 whatever the roles.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from plans.models import Role
from plans.query import requested_year
from plans.selectors import current_action_plan, membership_of

NOT_YOURS = "คุณไม่มีสิทธิ์แก้ไขข้อมูลนี้"


def member_or_404(user):
    """The user's membership; a signed-in user without an office sees nothing (404)."""
    membership = membership_of(user)
    if membership is None:
        raise Http404("บัญชีนี้ยังไม่ได้สังกัดหน่วยงานใด")
    return membership


def is_planner(user, office):
    membership = membership_of(user)
    return membership is not None and membership.office_id == office.pk and membership.has_role(Role.PLANNER)


def has_role(user, *roles):
    """Whether the member holds any of `roles` (main or extra)."""
    membership = membership_of(user)
    return membership is not None and membership.has_role(*roles)


def require_role(user, *roles):
    """403 unless the signed-in member has one of `roles` (their office is checked when loading objects)."""
    member_or_404(user)
    if not has_role(user, *roles):
        raise PermissionDenied(NOT_YOURS)


def office_or_404(user, office):
    """404 for an object of an office the user does not belong to."""
    membership = member_or_404(user)
    if office.pk != membership.office_id:
        raise Http404("ไม่พบข้อมูล")
    return membership


# --- Plan set-up (issue #3): office-level pages and the objects they edit. -----------------------

def require_planner(user):
    """The planner's membership; 403 for any other member (who may still read), 404 without an office."""
    membership = member_or_404(user)
    if not membership.has_role(Role.PLANNER):
        raise PermissionDenied(NOT_YOURS)
    return membership


def load_in_office(user, queryset, pk, *, office_path, for_write=False):
    """An object whose `office_path` (e.g. "action_plan__office") is the user's office, else 404;
    for writing, only that office's planner (403 for other members)."""
    membership = member_or_404(user)
    obj = queryset.filter(pk=pk, **{f"{office_path}_id": membership.office_id}).first()
    if obj is None:
        raise Http404("ไม่พบข้อมูล")
    if for_write and not membership.has_role(Role.PLANNER):
        raise PermissionDenied(NOT_YOURS)
    return obj


def plan_or_404(request):
    """The user's office's action plan for `?year=` (GET or POST), or its latest plan; 404 when there is none."""
    membership = member_or_404(request.user)
    plan = current_action_plan(membership.office, requested_year(request))
    if plan is None:
        raise Http404("ยังไม่มีแผนปฏิบัติการของปีนี้ กรุณาให้นักวิเคราะห์นโยบายและแผนสร้างแผนก่อน")
    return plan
