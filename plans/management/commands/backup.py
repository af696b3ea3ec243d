from django.core.management.base import BaseCommand

from plans.backup import backup


class Command(BaseCommand):
    help = "Backs up the whole database (history and published PDFs included) and MEDIA_ROOT into one zip file."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="the zip file to write")

    def handle(self, *args, output, **options):
        manifest = backup(output)
        rows = sum(manifest["rows"].values())
        self.stdout.write(f"{output}: {rows} rows of {len(manifest['rows'])} models, "
                          f"{manifest['media_files']} media files ({manifest['database']})")
