"""The booklet preview (issue #12): the summaries at once (reports:booklet_preview), each project's section
and the digest on their own URLs, opened in place by static/js/booklet_preview.js or as pages without it."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from plans.access import require_role
from plans.models import Role
from reports import preview
from reports.pdf import render_booklet_html
from reports.selectors import load_booklet


def _planners_booklet(request, pk):
    booklet = load_booklet(request.user, pk)
    require_role(request.user, Role.PLANNER)
    return booklet


@login_required
def booklet_preview(request, pk):
    booklet = _planners_booklet(request, pk)
    toolbar = [
        {"url": reverse("reports:booklets"), "label": "← เล่มรายงานทั้งหมด"},
        {"url": reverse("reports:booklet_edit", args=[pk]), "label": "แก้ไข"},
        {"url": reverse("reports:booklet_pdf", args=[pk]), "label": "ดาวน์โหลด PDF (ฉบับร่าง)"},
        {"url": reverse("reports:booklet_excel", args=[pk]), "label": "Excel"},
    ]
    return HttpResponse(render_booklet_html(booklet, screen=True, extra={"toolbar": toolbar, "booklet": booklet},
                                            context=preview.summary_context(booklet), request=request))


@login_required
def booklet_preview_project(request, pk, project_pk):
    booklet = _planners_booklet(request, pk)
    context = preview.project_context(booklet, project_pk)
    context["toolbar"] = preview.part_toolbar(booklet, f"project-{project_pk}")
    return render(request, "reports/booklet/preview_part.html", context)


@login_required
def booklet_preview_digest(request, pk):
    booklet = _planners_booklet(request, pk)
    context = preview.digest_context(booklet)
    context["toolbar"] = preview.part_toolbar(booklet, "digest")
    return render(request, "reports/booklet/preview_part.html", context)
