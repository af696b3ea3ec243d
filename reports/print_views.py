"""Print views: one project, one quarterly report, A4 in the booklet's style, as HTML or PDF."""

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from projects.access import load_project
from reports.pdf import booklet_pdf_from_html
from reports.printing import project_print_context, report_print_context


def _answer(request, template, context, file_name):
    """The HTML page (with a toolbar) or, for ?format=pdf, the same page laid out by WeasyPrint."""
    pdf = request.GET.get("format") == "pdf"
    context = {**context, "screen": not pdf,
               "toolbar": [{"url": "?format=pdf", "label": "ดาวน์โหลด PDF"},
                           {"url": context["back_url"], "label": "กลับ"}]}
    html = render_to_string(template, context, request=request)
    if not pdf:
        return HttpResponse(html)
    response = HttpResponse(booklet_pdf_from_html(html, digits=context["d"], workers=1), content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(file_name)}"
    return response


@login_required
def project_print(request, pk):
    project = load_project(request.user, pk)
    context = project_print_context(project)
    context["back_url"] = reverse("projects:detail", kwargs={"pk": project.pk})
    return _answer(request, "reports/print/project.html", context, f"โครงการ-{project.code}.pdf")


@login_required
def report_print(request, pk, quarter):
    project = load_project(request.user, pk)
    context = report_print_context(project, quarter)
    context["back_url"] = reverse("reporting:report", kwargs={"pk": project.pk, "quarter": quarter})
    return _answer(request, "reports/print/report.html", context, f"รายงาน-{project.code}-ไตรมาส{quarter}.pdf")
