from django.core.management.base import BaseCommand, CommandError

from plans.backup import BackupError, database_is_empty, read_manifest, restore


class Command(BaseCommand):
    help = "Restores a zip made by `manage.py backup` into an empty database (or, with --replace, over this one)."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="the zip file made by `manage.py backup`")
        parser.add_argument("--replace", action="store_true",
                            help="delete everything in this database first (asks unless --noinput)")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, backup, replace, interactive, **options):
        try:
            manifest = read_manifest(backup)
            if replace and interactive and not database_is_empty():
                answer = input(f"Delete everything in this database and load {backup} "
                               f"(made {manifest['created']})? Type yes: ")
                if answer.strip() != "yes":
                    raise CommandError("nothing changed.")
            manifest = restore(backup, replace=replace)
        except BackupError as problem:
            raise CommandError(str(problem)) from None
        rows = sum(manifest["rows"].values())
        self.stdout.write(f"restored {rows} rows and {manifest['media_files']} media files from {backup}")
