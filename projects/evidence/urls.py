from django.urls import path

from projects.evidence import views

app_name = "evidence"

urlpatterns = [
    path("reports/<int:pk>/add/", views.add_to_report, name="add_to_report"),
    path("year-end/<int:pk>/add/", views.add_to_year_end, name="add_to_year_end"),
    path("projects/<int:pk>/add/", views.add_to_project, name="add_to_project"),
    path("<int:pk>/", views.download, name="download"),
    path("<int:pk>/thumbnail/", views.thumbnail, name="thumbnail"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/caption/", views.caption, name="caption"),
]
