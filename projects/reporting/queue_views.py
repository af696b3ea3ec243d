"""Reviewing a quarter in one pass: the list of reports waiting for the planner, accepting the
checked ones at once, and going on to the next waiting report after each review."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from plans.access import load_in_office
from plans.form_bounds import posted_int
from plans.interface_digits import digits_for_user, shown
from plans.models import ActionPlan
from projects.reporting import bulk
from projects.reporting.queue import next_waiting, waiting_reports
from projects.reporting.reminders import remind_overdue

NONE_LEFT = gettext_lazy("ไม่มีรายงานที่รอตรวจในไตรมาสนี้แล้ว")


def queue_url(action_plan, quarter):
    return reverse("reporting:waiting", kwargs={"plan_pk": action_plan.pk, "quarter": quarter})


def after_review(report):
    """Where the planner goes after reviewing `report`: the next waiting report of the quarter, or
    the quarter's list saying nothing is left."""
    plan = report.project.action_plan
    following = next_waiting(plan, report.quarter, after=report)
    if following is None:
        return queue_url(plan, report.quarter), NONE_LEFT
    return reverse("reporting:report", kwargs={"pk": following.project_id, "quarter": following.quarter}), None


def _load_plan(user, plan_pk):
    """The plan of the user's office (404 for another office's, whatever the role); planners only (403)."""
    return load_in_office(user, ActionPlan.objects.select_related("fiscal_year", "office"), plan_pk,
                          office_path="office", for_write=True)


@login_required
def waiting(request, plan_pk, quarter):
    """The quarter's reports waiting for review, with boxes to accept the ones already read."""
    plan = _load_plan(request.user, plan_pk)
    reports = list(waiting_reports(plan, quarter))
    return render(request, "reporting/waiting.html", {
        "plan": plan, "quarter": quarter, "reports": reports, "quarters": range(1, 5), "none_left": NONE_LEFT,
    })


def _checked(post):
    """{report id: version read} from the list's boxes; junk in the form is ignored, not a 500."""
    checked = {}
    for value in post.getlist("report"):
        if (pk := posted_int(value)) is not None:
            checked[pk] = posted_int(post.get(f"version-{value}"), "PositiveIntegerField")
    return checked


@login_required
@require_POST
def accept_checked(request, plan_pk, quarter):
    """Accept every checked report, one by one through the service (each audited, each its own transaction)."""
    plan = _load_plan(request.user, plan_pk)
    checked = _checked(request.POST)
    if not checked:
        messages.error(request, _("ยังไม่ได้เลือกรายงาน กรุณาทำเครื่องหมายหน้ารายงานที่อ่านแล้วและต้องการตรวจรับ"))
        return redirect(queue_url(plan, quarter))
    outcome = bulk.accept_many(action_plan=plan, checked=checked, user=request.user)
    if outcome.done:
        messages.success(request, _("ตรวจรับรายงานแล้ว %(n)s ฉบับ: %(list)s") % {
            "n": shown(digits_for_user(request.user), len(outcome.done)),
            "list": ", ".join(r.project.code for r in outcome.done)})
    for _report, reason in outcome.refused:
        messages.error(request, reason)
    return redirect(queue_url(plan, quarter))


def _names(users):
    return ", ".join(u.get_full_name() or u.username for u in users)


# The board's filter kept when going back to it after the reminder (the rest is the year and quarter).
BOARD_FILTER = ("group", "owner", "state", "q")


@login_required
@require_POST
def remind(request, plan_pk, quarter):
    """The board's button: one e-mail to each owner whose report of the quarter is missed, at most once a
    day per owner and quarter; a second click the same day says so and sends nothing."""
    plan = _load_plan(request.user, plan_pk)
    back = QueryDict(request.POST.get("back", "")[:2000])
    query = urlencode({"year": plan.fiscal_year.be_year, "quarter": quarter,
                       **{k: back[k][:200] for k in BOARD_FILTER if back.get(k)}})
    window = plan.reporting_windows.filter(quarter=quarter).first()
    if window is None:
        messages.error(request, _("ไตรมาสนี้ยังไม่ได้เปิดรับรายงาน จึงไม่มีผู้ที่ต้องเตือน"))
        return redirect(f"{reverse('plans:board')}?{query}")
    outcome = remind_overdue(window=window, by=request.user, today=timezone.localdate())
    if outcome.sent:
        messages.success(request, _("ส่งอีเมลเตือนผู้รับผิดชอบที่เลยกำหนดส่งไตรมาสที่ %(q)s แล้ว %(n)s คน: %(names)s") % {
            "q": quarter, "n": len(outcome.sent), "names": _names(outcome.sent)})
    if outcome.already:
        messages.info(request, _("วันนี้ส่งอีเมลเตือนไตรมาสที่ %(q)s ถึง %(names)s ไปแล้ว จึงไม่ส่งซ้ำ "
                                 "(เตือนได้วันละครั้ง ส่งอีกครั้งได้พรุ่งนี้)") % {
            "q": quarter, "names": _names(outcome.already)})
    if outcome.no_address:
        messages.warning(request, _("ส่งไม่ได้เพราะไม่มีอีเมล: %(names)s กรุณาเพิ่มอีเมลในหน้าบุคลากร") % {
            "names": _names(outcome.no_address)})
    if not (outcome.sent or outcome.already or outcome.no_address):
        messages.info(request, _("ไม่มีผู้รับผิดชอบที่เลยกำหนดส่งรายงานไตรมาสที่ %(q)s") % {"q": quarter})
    return redirect(f"{reverse('plans:board')}?{query}")
