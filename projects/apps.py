from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = "โครงการและรายงาน"

    def ready(self):
        from plans.signals import window_opened
        from projects.notifications.receivers import on_window_opened

        window_opened.connect(on_window_opened, dispatch_uid="projects.mail_window_opened")
