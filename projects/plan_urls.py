"""URLs under /plan/ served by `projects` (in the `plans` namespace: see config/urls.py)."""

from django.urls import path

from projects import plan_views as views

urlpatterns = [
    path("my-projects/", views.my_projects, name="my_projects"),
    path("board/", views.board, name="board"),
    path("years/copy/", views.action_plan_copy, name="action_plan_copy"),
]
