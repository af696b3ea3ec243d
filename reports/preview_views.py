"""The booklet preview (issue #12): the summaries at once (reports:booklet_preview); the register's lines of
each group, each section's list, each project's section and the digest on their own URLs, opened in place
by static/js/booklet_preview.js or as pages without it."""

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
    context["toolbar"] = preview.part_toolbar(booklet, f"sec-{context['section'].key}")
    return render(request, "reports/booklet/preview_part.html", context)


@login_required
def booklet_preview_register(request, pk, group_pk):
    """One group's lines of the register, or (group_pk None) the cancelled projects'."""
    booklet = _planners_booklet(request, pk)
    context = preview.register_context(booklet, group_pk)
    context["toolbar"] = preview.part_toolbar(booklet, f"register-{context['part']}")
    return render(request, "reports/booklet/preview_register.html", context)


@login_required
def booklet_preview_section(request, pk, key):
    booklet = _planners_booklet(request, pk)
    context = preview.section_context(booklet, key)
    context["toolbar"] = preview.part_toolbar(booklet, f"sec-{key}")
    context["booklet"] = booklet
    return render(request, "reports/booklet/preview_section.html", context)


@login_required
def booklet_preview_digest(request, pk):
    booklet = _planners_booklet(request, pk)
    context = preview.digest_context(booklet)
    context["toolbar"] = preview.part_toolbar(booklet, "digest")
    return render(request, "reports/booklet/preview_part.html", context)
