from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("office-history/", views.office_history, name="office_history"),
    path("", views.booklet_list, name="booklets"),
    path("new/", views.booklet_new, name="booklet_new"),
    path("<int:pk>/edit/", views.booklet_edit, name="booklet_edit"),
    path("<int:pk>/preview/", views.booklet_preview, name="booklet_preview"),
    path("<int:pk>/pdf/", views.booklet_pdf, name="booklet_pdf"),
    path("<int:pk>/excel/", views.booklet_excel, name="booklet_excel"),
    path("<int:pk>/publish/", views.booklet_publish_view, name="booklet_publish"),
    path("published/<int:pk>.pdf", views.publication_pdf, name="publication_pdf"),
]
