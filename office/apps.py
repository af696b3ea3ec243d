from django.apps import AppConfig


class OfficeConfig(AppConfig):
    """The office runs itself (issue #15): its people and roles, its profile, its year settings,
    and creating a new office. Sits above the business apps: it reuses the Excel import machinery
    of `projects`."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "office"
    verbose_name = "การบริหารหน่วยงาน"
