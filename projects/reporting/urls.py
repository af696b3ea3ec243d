from django.urls import path, register_converter

from projects.notifications import views as mail_views
from projects.reporting import queue_views
from projects.reporting import views as views


class QuarterConverter:
    regex = "[1-4]"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(QuarterConverter, "quarter")

app_name = "reporting"

urlpatterns = [
    path("projects/<int:pk>/q<quarter:quarter>/", views.report, name="report"),
    path("projects/<int:pk>/history/", views.history, name="history"),
    path("reports/<int:pk>/review/", views.review, name="review"),
    path("reports/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("mails/", mail_views.mail_list, name="mails"),
    path("mails/<int:pk>/resend/", mail_views.mail_resend, name="mail_resend"),
    path("plans/<int:plan_pk>/q<quarter:quarter>/waiting/", queue_views.waiting, name="waiting"),
    path("plans/<int:plan_pk>/q<quarter:quarter>/accept/", queue_views.accept_checked, name="accept_checked"),
    path("plans/<int:plan_pk>/q<quarter:quarter>/remind/", queue_views.remind, name="remind_overdue"),
]
