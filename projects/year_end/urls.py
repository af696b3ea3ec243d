from django.urls import path

from projects.year_end import views

app_name = "year_end"

urlpatterns = [
    path("projects/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/review/", views.review, name="review"),
    path("reports/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("plans/<int:plan_pk>/waiting/", views.waiting, name="waiting"),
]
