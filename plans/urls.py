from django.urls import path

from plans import devplan_views as dp
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
    # The development plan (แผนพัฒนาการศึกษา).
    path("devplans/", dp.devplan_list, name="devplan_list"),
    path("devplans/new/", dp.devplan_create, name="devplan_create"),
    path("devplans/<int:pk>/", dp.devplan_detail, name="devplan_detail"),
    path("devplans/<int:pk>/edit/", dp.devplan_edit, name="devplan_edit"),
    path("devplans/<int:pk>/revise/", dp.devplan_revise, name="devplan_revise"),
    path("devplans/<int:pk>/history/", dp.devplan_history, name="devplan_history"),
    path("devplans/<int:pk>/items/<str:kind>/new/", dp.devplan_item_edit, name="devplan_item_create"),
    path("devplans/items/<int:item_pk>/edit/", dp.devplan_item_edit, name="devplan_item_edit"),
    path("devplans/items/<int:item_pk>/delete/", dp.devplan_item_delete, name="devplan_item_delete"),
    path("devplans/strategies/<int:pk>/parts/<str:part>/new/", dp.strategy_part_edit, name="strategy_part_create"),
    path("devplans/parts/<str:part>/<int:part_pk>/edit/", dp.strategy_part_edit, name="strategy_part_edit"),
    path("devplans/parts/<str:part>/<int:part_pk>/delete/", dp.strategy_part_delete, name="strategy_part_delete"),
    path("devplans/strategies/<int:pk>/alignment/", dp.strategy_alignment, name="strategy_alignment"),
    path("devplans/strategies/<int:pk>/indicators/new/", dp.indicator_edit, name="indicator_create"),
    path("devplans/indicators/<int:indicator_pk>/edit/", dp.indicator_edit, name="indicator_edit"),
    path("devplans/indicators/<int:indicator_pk>/delete/", dp.indicator_delete, name="indicator_delete"),
    path("devplans/indicators/<int:indicator_pk>/results/<int:year>/", dp.result_edit, name="result_edit"),
    path("devplans/<int:pk>/results/<int:year>/", dp.devplan_results, name="devplan_results"),
]
