from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo office (`seed_demo`): stands above every other app and nothing imports it."""

    name = "demo"
    verbose_name = "สำนักงานตัวอย่าง"
