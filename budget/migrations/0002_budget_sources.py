from django.db import migrations

SOURCES = [
    ("office", "งบ สพป.", 1),  # the office's own budget
    ("obec", "งบ สพฐ.", 2),  # allocated by OBEC
    ("other", "งบอื่น ๆ", 3),  # other agencies
]


def create_sources(apps, schema_editor):
    BudgetSource = apps.get_model("budget", "BudgetSource")
    for code, name, order in SOURCES:
        BudgetSource.objects.update_or_create(code=code, defaults={"name": name, "display_order": order})


class Migration(migrations.Migration):
    dependencies = [("budget", "0001_initial")]
    operations = [migrations.RunPython(create_sources, migrations.RunPython.noop)]
