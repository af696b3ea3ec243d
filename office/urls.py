from django.urls import path

from office import (
    national_views,
    people_import_views,
    people_views,
    profile_views,
    year_views,
)

app_name = "office"

urlpatterns = [
    path("new/", national_views.office_new, name="office_new"),
    path("profile/", profile_views.profile, name="profile"),
    path("years/", year_views.years, name="years"),
    path("years/<int:be_year>/", year_views.year_edit, name="year_edit"),
    path("people/", people_views.people, name="people"),
    path("people/new/", people_views.person_create, name="person_create"),
    path("people/<int:pk>/", people_views.person_edit, name="person_edit"),
    path("people/<int:pk>/deactivate/", people_views.person_deactivate, name="person_deactivate"),
    path("people/<int:pk>/reactivate/", people_views.person_reactivate, name="person_reactivate"),
    path("people/<int:pk>/password/", people_views.person_password, name="person_password"),
    path("people/<int:pk>/send-link/", people_views.person_send_link, name="person_send_link"),
    path("people/import/template.xlsx", people_import_views.template, name="people_template"),
    path("people/import/", people_import_views.upload, name="people_upload"),
    path("people/import/<int:pk>/", people_import_views.preview, name="people_preview"),
    path("people/import/<int:pk>/confirm/", people_import_views.confirm, name="people_confirm"),
]
