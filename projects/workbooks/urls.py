from django.urls import path

from projects.workbooks import devplan_views, office_budget_views, submit_views
from projects.workbooks import views as views

app_name = "imports"

urlpatterns = [
    path("", views.index, name="index"),
    path("plan/template.xlsx", views.plan_template, name="plan_template"),
    path("plan/export.xlsx", views.plan_export, name="plan_export"),
    path("plan/upload/", views.plan_upload, name="plan_upload"),
    path("results/<int:quarter>/export.xlsx", views.results_export, name="results_export"),
    path("results/<int:quarter>/upload/", views.results_upload, name="results_upload"),
    path("devplans/<int:pk>/template.xlsx", devplan_views.devplan_template, name="devplan_template"),
    path("devplans/<int:pk>/export.xlsx", devplan_views.devplan_export, name="devplan_export"),
    path("devplans/<int:pk>/upload/", devplan_views.devplan_upload, name="devplan_upload"),
    path("devplans/uploads/<int:pk>/", devplan_views.devplan_preview, name="devplan_preview"),
    path("devplans/uploads/<int:pk>/confirm/", devplan_views.devplan_confirm, name="devplan_confirm"),
    path("office-budget/export.xlsx", office_budget_views.office_budget_export, name="office_budget_export"),
    path("office-budget/upload/", office_budget_views.office_budget_upload, name="office_budget_upload"),
    path("office-budget/uploads/<int:pk>/", office_budget_views.office_budget_preview, name="office_budget_preview"),
    path("office-budget/uploads/<int:pk>/confirm/", office_budget_views.office_budget_confirm,
         name="office_budget_confirm"),
    path("<int:pk>/", views.preview, name="preview"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
    path("<int:pk>/submit/", submit_views.submit_drafts, name="submit_drafts"),
    path("<int:pk>/submit/confirm/", submit_views.submit_drafts_confirm, name="submit_drafts_confirm"),
]
