from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from plans.access import member_or_404, picked_plan, require_role
from plans.concurrency import StaleEdit
from plans.downloads import PDF, file_response
from plans.models import Role
from reports import dashboard as dashboard_data
from reports.annual.selectors import annual_list_context, annual_publications_of
from reports.forms import BookletForm
from reports.jobs.models import DocumentJob, JobKind
from reports.jobs.selectors import development_plan_jobs_of, latest_per_kind
from reports.jobs.views import start_and_show
from reports.models import Publication
from reports.office_history import office_history as office_history_of
from reports.selectors import booklets_of, load_booklet, load_publication, publications_of
from reports.services import booklet_create, booklet_update


@login_required
def dashboard(request):
    """The directors' main page: status, money against plan and target, overdue reports, booklets."""
    membership = member_or_404(request.user)
    picked = picked_plan(request)
    plan = picked.plan
    context = dashboard_data.dashboard_context(plan, timezone.localdate(), picked.months) if plan else {}
    context.update(plan=plan, publications=publications_of(request.user)[:10],
                   annual_publications=annual_publications_of(request.user).filter(superseded=False)[:3],
                   is_planner=membership.has_role(Role.PLANNER))
    return render(request, "reports/dashboard.html", context)


@login_required
def booklet_list(request):
    membership = member_or_404(request.user)
    is_planner = membership.has_role(Role.PLANNER)
    booklets = (
        booklets_of(request.user).prefetch_related(
            Prefetch("publications", queryset=Publication.objects.defer("pdf")),
            Prefetch("jobs", queryset=DocumentJob.objects.defer("result").select_related("requested_by")),
        )
        if is_planner
        else []
    )
    for booklet in booklets:
        booklet.latest_jobs = latest_per_kind(booklet.jobs.all())
    annual = annual_list_context(request.user, is_planner=is_planner)
    for report in annual["annual_reports"]:
        report.latest_jobs = latest_per_kind(report.jobs.all())
    return render(request, "reports/booklet_list.html", {
        "publications": publications_of(request.user),
        "booklets": booklets,
        "is_planner": is_planner,
        "development_plan_jobs": development_plan_jobs_of(request.user),
        **annual,
    })


@login_required
def booklet_new(request):
    require_role(request.user, Role.PLANNER)
    office = member_or_404(request.user).office
    form = BookletForm(request.POST or None, office=office)
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        booklet = booklet_create(user=request.user, data=data)
        messages.success(request, "สร้างเล่มรายงานแล้ว ตรวจดูตัวอย่างก่อนเผยแพร่")
        return redirect("reports:booklet_preview", pk=booklet.pk)
    return render(request, "reports/booklet_form.html", {"form": form})


@login_required
def booklet_edit(request, pk):
    booklet = load_booklet(request.user, pk)
    require_role(request.user, Role.PLANNER)
    form = BookletForm(request.POST or None, instance=booklet, office=booklet.office)
    changes = None
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        try:
            booklet_update(booklet=booklet, expected_version=form.cleaned_data["version"] or 0, data=data)
        except StaleEdit as stale:
            form.add_error(None, str(stale))
            changes = [(form.fields[name].label, theirs, ours) for name, (theirs, ours) in stale.changes.items()
                       if name in form.fields]
            # The planner has now seen the other change: saving again keeps what they typed.
            form.data = form.data.copy()
            form.data["version"] = stale.current.version
        else:
            messages.success(request, "บันทึกการแก้ไขแล้ว")
            return redirect("reports:booklet_preview", pk=booklet.pk)
    return render(request, "reports/booklet_form.html", {"form": form, "booklet": booklet, "changes": changes})


@login_required
def booklet_pdf(request, pk):
    booklet = load_booklet(request.user, pk)
    require_role(request.user, Role.PLANNER)
    return start_and_show(request, JobKind.PREVIEW, booklet=booklet)


@login_required
def booklet_excel(request, pk):
    booklet = load_booklet(request.user, pk)
    return start_and_show(request, JobKind.EXCEL, booklet=booklet)


@login_required
@require_POST
def booklet_publish_view(request, pk):
    booklet = load_booklet(request.user, pk)
    require_role(request.user, Role.PLANNER)
    return start_and_show(request, JobKind.PUBLISH, booklet=booklet)


@login_required
def publication_pdf(request, pk):
    publication = load_publication(request.user, pk)
    return file_response(publication.pdf, PDF, publication.filename, ascii_name=f"booklet-{publication.pk}.pdf",
                         inline=True, etag=publication.sha256)


@login_required
def office_history(request):
    """Who changed what in the office's set-up (groups, members, strategies, windows, booklets): planners
    and directors read it."""
    membership = member_or_404(request.user)
    require_role(request.user, Role.PLANNER, Role.DIRECTOR)
    return render(request, "reports/office_history.html", {
        "office": membership.office, "entries": office_history_of(membership.office),
    })
