from django.urls import path

from budget import office_budget_views, views

app_name = "budget"

urlpatterns = [
    path("disbursements/", views.disbursements, name="disbursements"),
    path("projects/<int:pk>/", views.project_disbursements, name="project"),
    path("projects/<int:pk>/disbursements/add/", views.disbursement_add, name="disbursement_add"),
    path("disbursements/<int:pk>/edit/", views.disbursement_edit, name="disbursement_edit"),
    path("disbursements/<int:pk>/delete/", views.disbursement_delete, name="disbursement_delete"),
    path("office/", office_budget_views.office_budget, name="office_budget"),
]
