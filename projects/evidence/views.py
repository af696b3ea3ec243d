"""Evidence files: attach (several at once, one request per file from the page's script), remove,
reorder, recaption, and download through an access check (never a public media URL)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from projects.access import load_project, load_report
from projects.evidence import storage
from projects.evidence.access import load_attachment
from projects.evidence.selectors import download_name
from projects.evidence.services import (
    EvidenceRefused,
    Upload,
    attachment_delete,
    attachment_move,
    attachment_set_caption,
    attachments_add,
    report_of_attachment,
)
from projects.models import YearEndReport
from projects.year_end.access import load_year_end


def _page_of(project, report):
    if isinstance(report, YearEndReport):
        url = reverse("year_end:report", kwargs={"pk": project.pk})
    elif report is not None:
        url = reverse("reporting:report", kwargs={"pk": project.pk, "quarter": report.quarter})
    else:
        url = reverse("projects:detail", kwargs={"pk": project.pk})
    return f"{url}#evidence"


def _wants_json(request):
    return request.headers.get("x-requested-with") == "XMLHttpRequest"


def _answer(request, back, ok, message):
    """The page's script gets JSON (it shows the message next to the file); a plain form a redirect."""
    if _wants_json(request):
        return JsonResponse({"ok": ok, "message": message}, status=200 if ok else 400)
    (messages.success if ok else messages.error)(request, message)
    return redirect(back)


def _uploads(request):
    files = request.FILES.getlist("files")
    captions = request.POST.getlist("caption")
    if len(captions) != len(files):
        # A plain form sends one caption for every photo it sends.
        captions = [captions[0] if captions else ""] * len(files)
    return [Upload(name=f.name, file=f, caption=c) for f, c in zip(files, captions, strict=True)]


def _add(request, project, report):
    back = _page_of(project, report)
    try:
        added = attachments_add(project=project, report=report, user=request.user, uploads=_uploads(request))
    except EvidenceRefused as refused:
        return _answer(request, back, False, str(refused))
    return _answer(request, back, True, f"แนบไฟล์แล้ว {len(added)} ไฟล์")


@login_required
@require_POST
def add_to_report(request, pk):
    report = load_report(request.user, pk, for_write=True)
    return _add(request, report.project, report)


@login_required
@require_POST
def add_to_year_end(request, pk):
    report = load_year_end(request.user, pk, for_write=True)
    return _add(request, report.project, report)


@login_required
@require_POST
def add_to_project(request, pk):
    project = load_project(request.user, pk, for_write=True)
    return _add(request, project, None)


@login_required
@require_POST
def delete(request, pk):
    attachment = load_attachment(request.user, pk, for_write=True)
    back = _page_of(attachment.project, report_of_attachment(attachment))
    try:
        attachment_delete(attachment=attachment, user=request.user)
    except EvidenceRefused as refused:
        return _answer(request, back, False, str(refused))
    return _answer(request, back, True, f"ลบ “{attachment.caption}” แล้ว")


@login_required
@require_POST
def move(request, pk):
    attachment = load_attachment(request.user, pk, for_write=True)
    back = _page_of(attachment.project, report_of_attachment(attachment))
    try:
        attachment_move(attachment=attachment, user=request.user,
                        direction=1 if request.POST.get("direction") == "down" else -1)
    except EvidenceRefused as refused:
        return _answer(request, back, False, str(refused))
    return redirect(back)


@login_required
@require_POST
def caption(request, pk):
    attachment = load_attachment(request.user, pk, for_write=True)
    back = _page_of(attachment.project, report_of_attachment(attachment))
    try:
        attachment_set_caption(attachment=attachment, user=request.user, caption=request.POST.get("caption", ""))
    except EvidenceRefused as refused:
        return _answer(request, back, False, str(refused))
    return _answer(request, back, True, "บันทึกคำบรรยายแล้ว")


def _serve(attachment, name, content_type, *, as_attachment):
    try:
        handle = storage.store().open(name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404("ไม่พบไฟล์ในที่เก็บ") from None
    response = FileResponse(handle, content_type=content_type, as_attachment=as_attachment,
                            filename=download_name(attachment))
    # The bytes are the office's; a browser must neither guess another type nor run anything in them.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def download(request, pk):
    """The file itself: photos open in the browser, documents download; a Thai name either way."""
    attachment = load_attachment(request.user, pk)
    return _serve(attachment, attachment.file, attachment.content_type, as_attachment=not attachment.is_photo)


@login_required
def thumbnail(request, pk):
    attachment = load_attachment(request.user, pk)
    if not attachment.is_photo:
        raise Http404("ไฟล์นี้ไม่มีภาพย่อ")
    return _serve(attachment, attachment.thumb_file, "image/jpeg", as_attachment=False)
