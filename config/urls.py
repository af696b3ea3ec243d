from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from config import health
from office import password_views
from plans import account_views
from plans import urls as plan_urls
from plans import views as plan_views
from projects import plan_urls as project_plan_urls

admin.site.site_header = "Tidtam ติดตาม: ผู้ดูแลระบบ"
admin.site.site_title = "Tidtam"

urlpatterns = [
    path("", plan_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", password_views.password_change, name="password_change"),
    path("accounts/password/done/", account_views.PasswordChangeDone.as_view(), name="password_change_done"),
    path("accounts/reset/<uidb64>/<token>/", password_views.LinkPasswordSetView.as_view(),
         name="password_reset_confirm"),
    path("accounts/login-attempts/", account_views.login_attempts, name="login_attempts"),
    path("healthz", health.healthz, name="healthz"),
    path("office/", include("office.urls")),
    # /plan/: the set-up pages (plans) and the pages there that read projects, in one `plans` namespace.
    path("plan/", include((plan_urls.urlpatterns + project_plan_urls.urlpatterns, "plans"))),
    path("projects/", include("projects.urls")),
    path("reporting/", include("projects.reporting.urls")),
    path("year-end/", include("projects.year_end.urls")),
    path("budget/", include("budget.urls")),
    path("booklets/", include("reports.urls")),
    path("import/", include("projects.workbooks.urls")),
    path("evidence/", include("projects.evidence.urls")),
    path("admin/", admin.site.urls),
]

# No route serves MEDIA_ROOT, in development either: uploaded evidence is served only through the
# access-checked views of projects/evidence (issue #18).

handler400 = "config.error_views.bad_request"
handler500 = "config.error_views.server_error"
