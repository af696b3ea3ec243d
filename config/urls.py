from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from office import password_views
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
    path("accounts/reset/<uidb64>/<token>/", password_views.LinkPasswordSetView.as_view(),
         name="password_reset_confirm"),
    path("office/", include("office.urls")),
    # /plan/: the set-up pages (plans) and the pages there that read projects, in one `plans` namespace.
    path("plan/", include((plan_urls.urlpatterns + project_plan_urls.urlpatterns, "plans"))),
    path("projects/", include("projects.urls")),
    path("reporting/", include("projects.reporting.urls")),
    path("budget/", include("budget.urls")),
    path("booklets/", include("reports.urls")),
    path("import/", include("projects.workbooks.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
