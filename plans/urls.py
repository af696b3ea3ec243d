from django.urls import path

from plans import views

app_name = "plans"

urlpatterns = [
    path("", views.setup, name="setup"),
    path("years/new/", views.action_plan_create, name="action_plan_create"),
    path("groups/", views.group_list, name="groups"),
    path("groups/new/", views.group_edit, name="group_create"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group_edit"),
    path("groups/<int:pk>/delete/", views.group_delete, name="group_delete"),
    path("strategies/", views.strategy_list, name="strategies"),
    path("strategies/new/", views.strategy_edit, name="strategy_create"),
    path("strategies/<int:pk>/edit/", views.strategy_edit, name="strategy_edit"),
    path("strategies/<int:pk>/delete/", views.strategy_delete, name="strategy_delete"),
    path("windows/open/", views.window_open, name="window_open"),
    path("windows/<int:pk>/close/", views.window_close, name="window_close"),
]
