from django.apps import AppConfig
from django.db.models.signals import pre_save


class PlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "plans"
    verbose_name = "แผนและหน่วยงาน"

    def ready(self):
        from plans.text_rules import clean_model_text

        pre_save.connect(clean_model_text, dispatch_uid="plans.clean_model_text")
