"""Mounted under /booklets/annual/ in the reports namespace (reports/urls.py)."""

from django.urls import path

from reports.annual import views

urlpatterns = [
    path("annual/new/", views.annual_new, name="annual_new"),
    path("annual/<int:pk>/edit/", views.annual_edit, name="annual_edit"),
    path("annual/<int:pk>/preview/", views.annual_preview, name="annual_preview"),
    path("annual/<int:pk>/pdf/", views.annual_pdf, name="annual_pdf"),
    path("annual/<int:pk>/excel/", views.annual_excel, name="annual_excel"),
    path("annual/<int:pk>/publish/", views.annual_publish, name="annual_publish"),
    path("annual/published/<int:pk>.pdf", views.annual_publication_pdf, name="annual_publication_pdf"),
]
