"""The progress page of a document job, its file, and starting it again after a failure; the document
pages (booklet, annual report, development plan) start a job with `start_and_show`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from plans.access import member_or_404, require_role
from plans.downloads import file_response
from plans.interface_digits import digits_for_user
from plans.models import Role
from plans.thai_formats import format_number
from reports.jobs import documents
from reports.jobs.models import KINDS_OF, PLANNERS_ONLY, DocumentJob, JobState
from reports.jobs.services import job_retry, job_start

# The progress page asks for the job's state this often while it is queued or running.
POLL_S = 2


def load_job(user, pk, *, with_result=False):
    """A job of a document of the user's office (404 otherwise); draft PDF and publish jobs are the
    planners' (403); every member sees the Excel tables, the development plan's files and a project's
    print PDF (as every member opens its print page: projects.access.load_project)."""
    office = member_or_404(user).office_id
    jobs = DocumentJob.objects.select_related(
        "booklet__action_plan__fiscal_year", "booklet__action_plan__office",
        "annual_report__action_plan__fiscal_year", "annual_report__action_plan__office",
        "development_plan__office", "project__action_plan__office", "requested_by")
    job = (jobs if with_result else jobs.defer("result")).filter(
        Q(booklet__action_plan__office_id=office) | Q(annual_report__action_plan__office_id=office)
        | Q(development_plan__office_id=office) | Q(project__action_plan__office_id=office), pk=pk).first()
    if job is None:
        raise Http404("ไม่พบงานนี้")
    if job.kind in PLANNERS_ONLY:
        require_role(user, Role.PLANNER)
    return job


def start_and_show(request, kind, *, hand_over=False, **target):
    """Start the job of the document in `target` (or join the running one) and send the user to its
    progress page: the web process never renders the file itself. With `hand_over`, a job already done
    when it comes back (a short PDF, a task run eagerly) sends the file itself."""
    job, joined = job_start(kind=kind, user=request.user, **target)
    if hand_over and job.state == JobState.DONE:
        return redirect("reports:job_file", pk=job.pk)
    if joined:
        who = job.requested_by.get_full_name() or job.requested_by.username
        messages.info(request, f"งานนี้กำลังทำอยู่แล้ว (เริ่มโดย {who}) จึงแสดงความคืบหน้าของงานเดิม ไม่เริ่มซ้ำ")
    return redirect("reports:job", pk=job.pk)


@login_required
def job_page(request, pk):
    job = load_job(request.user, pk)
    recipe = documents.recipe(job)
    back_url, back_label = recipe.back(job)
    return render(request, "reports/job.html", {
        "job": job, "poll_s": POLL_S, "poll_ms": POLL_S * 1000, "back_url": back_url, "back_label": back_label,
        "publication_url": recipe.publication_url(job),
    })


@login_required
def job_status(request, pk):
    """What the progress page's script shows, read again every POLL_S seconds (static/js/job_progress.js)."""
    job = load_job(request.user, pk)
    digits = digits_for_user(request.user)
    status = {
        "active": job.is_active,
        "state": job.state,
        "state_label": job.get_state_display(),
        "phase_label": job.get_phase_display(),
        "percent": job.percent,
        "percent_text": f"{format_number(job.percent, digits=digits)}%",
        "step_text": render_to_string("reports/_job_step.html", {"job": job, "digits": digits}).strip(),
    }
    if job.state == JobState.DONE and job.kind in KINDS_OF["project"]:
        # A print view's PDF (a second or two) is handed over as soon as it is made (job_progress.js).
        status["file_url"] = reverse("reports:job_file", args=[job.pk])
    return JsonResponse(status)


@login_required
def job_file(request, pk):
    job = load_job(request.user, pk, with_result=True)
    if job.state != JobState.DONE or job.result is None:
        raise Http404("ไฟล์ยังไม่พร้อม")
    ascii_name, thai_name = documents.recipe(job).filename(job)
    return file_response(job.result, documents.content_type(job), thai_name or "", ascii_name=ascii_name)


@login_required
@require_POST
def job_retry_view(request, pk):
    job = load_job(request.user, pk)
    if job.state != JobState.FAILED:
        messages.info(request, "งานนี้ไม่ได้ล้มเหลว จึงไม่ต้องลองใหม่")
        return redirect("reports:job", pk=job.pk)
    new_job, _joined = job_retry(job=job, user=request.user)
    return redirect("reports:job", pk=new_job.pk)
