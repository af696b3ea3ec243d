"""Print views: one project, one quarterly report, A4 in the booklet's style, as HTML; its PDF
(?format=pdf, the toolbar's "ดาวน์โหลด PDF") is made by a document job (reports/jobs/), never here."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from projects.access import load_project
from reports.jobs.models import JobKind
from reports.jobs.views import start_and_show
from reports.printing import print_page


def _answer(request, project, quarter=None):
    """The HTML page (with a toolbar) or, for ?format=pdf, the PDF's job: started (or joined), and the
    file handed over at once when it is already made (tasks run eagerly without a broker)."""
    if request.GET.get("format") == "pdf":
        kind = JobKind.PROJECT_PRINT if quarter is None else JobKind.REPORT_PRINT
        return start_and_show(request, kind, hand_over=True, project=project, quarter=quarter)
    html, _digits = print_page(project, quarter, screen=True, request=request)
    return HttpResponse(html)


@login_required
def project_print(request, pk):
    return _answer(request, load_project(request.user, pk))


@login_required
def report_print(request, pk, quarter):
    return _answer(request, load_project(request.user, pk), quarter)
