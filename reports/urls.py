from django.urls import path

from projects.reporting.urls import QuarterConverter  # noqa: F401 (registers <quarter:>)
from reports import preview_views, print_views, views
from reports.annual import urls as annual_urls
from reports.devplan import views as devplan_views
from reports.jobs import views as job_views

app_name = "reports"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("office-history/", views.office_history, name="office_history"),
    path("", views.booklet_list, name="booklets"),
    path("new/", views.booklet_new, name="booklet_new"),
    path("<int:pk>/edit/", views.booklet_edit, name="booklet_edit"),
    path("<int:pk>/preview/", preview_views.booklet_preview, name="booklet_preview"),
    path("<int:pk>/preview/projects/<int:project_pk>/", preview_views.booklet_preview_project,
         name="booklet_preview_project"),
    path("<int:pk>/preview/digest/", preview_views.booklet_preview_digest, name="booklet_preview_digest"),
    path("<int:pk>/preview/register/groups/<int:group_pk>/", preview_views.booklet_preview_register,
         name="booklet_preview_register"),
    path("<int:pk>/preview/register/cancelled/", preview_views.booklet_preview_register, {"group_pk": None},
         name="booklet_preview_cancelled"),
    path("<int:pk>/preview/sections/<slug:key>/", preview_views.booklet_preview_section,
         name="booklet_preview_section"),
    path("<int:pk>/pdf/", views.booklet_pdf, name="booklet_pdf"),
    path("<int:pk>/excel/", views.booklet_excel, name="booklet_excel"),
    path("<int:pk>/publish/", views.booklet_publish_view, name="booklet_publish"),
    path("published/<int:pk>.pdf", views.publication_pdf, name="publication_pdf"),
    path("devplans/<int:pk>/", devplan_views.plan_document, name="devplan_document"),
    path("devplans/<int:pk>/pdf/", devplan_views.plan_pdf, name="devplan_pdf"),
    path("devplans/<int:pk>/results/<int:year>/", devplan_views.results_document, name="devplan_results"),
    path("devplans/<int:pk>/results/<int:year>/pdf/", devplan_views.results_pdf, name="devplan_results_pdf"),
    path("jobs/<int:pk>/", job_views.job_page, name="job"),
    path("jobs/<int:pk>/status/", job_views.job_status, name="job_status"),
    path("jobs/<int:pk>/file/", job_views.job_file, name="job_file"),
    path("jobs/<int:pk>/retry/", job_views.job_retry_view, name="job_retry"),
    path("print/projects/<int:pk>/", print_views.project_print, name="print_project"),
    path("print/projects/<int:pk>/q<quarter:quarter>/", print_views.report_print, name="print_report"),
    *annual_urls.urlpatterns,
]
