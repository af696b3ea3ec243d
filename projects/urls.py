from django.urls import path

from projects import strategy_views, views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_create, name="create"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/status/", views.project_status, name="status"),
    path("<int:pk>/money/", views.money, name="money"),
    path("<int:pk>/activities/", views.activities, name="activities"),
    path("<int:pk>/activities/<int:activity_pk>/edit/", views.activity_edit, name="activity_edit"),
    path("<int:pk>/activities/<int:activity_pk>/move/", views.activity_move, name="activity_move"),
    path("<int:pk>/activities/<int:activity_pk>/delete/", views.activity_delete, name="activity_delete"),
    path("<int:pk>/indicators/", views.indicators, name="indicators"),
    path("<int:pk>/plan-indicators/", strategy_views.project_plan_indicators, name="plan_indicators"),
    path("<int:pk>/indicators/<int:indicator_pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("<int:pk>/indicators/<int:indicator_pk>/delete/", views.indicator_delete, name="indicator_delete"),
]
