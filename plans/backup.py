"""Backup and restore of a whole Tidtam installation in one zip file.

The zip holds `data.json` (every table through Django's serializers: offices, users, plans,
projects, reports, money, booklets with their published PDFs, which live in the database, and
every history row), `media/` (anything under MEDIA_ROOT) and `manifest.json` (when, which
database, which migrations, how many rows of each model). The same file restores into SQLite or
PostgreSQL, so it also moves an office from the demo database to PostgreSQL.
"""

import json
import shutil
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
# Rebuilt by `migrate` (content types, permissions) or worth nothing after a restore (sessions).
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]


class BackupError(Exception):
    pass


def applied_migrations():
    recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def backup(path):
    """Writes the backup to `path`; returns the manifest."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.json"
        # One transaction: a consistent snapshot even while people keep working.
        with transaction.atomic():
            call_command("dumpdata", exclude=EXCLUDED, natural_foreign=True, output=str(data), verbosity=0)
            migrations = applied_migrations()
        counts = Counter(row["model"] for row in json.loads(data.read_text(encoding="utf-8")))
        media_root = Path(settings.MEDIA_ROOT)
        media = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else []
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": connections[DEFAULT_DB_ALIAS].vendor,
            "migrations": migrations,
            "rows": dict(sorted(counts.items())),
            "media_files": len(media),
        }
        partial = path.with_name(path.name + ".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(data, "data.json")
            for file in media:
                archive.write(file, f"media/{file.relative_to(media_root).as_posix()}")
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        partial.replace(path)  # never a half-written backup under the real name
    return manifest


def read_manifest(path):
    try:
        with zipfile.ZipFile(path) as archive:
            return json.loads(archive.read("manifest.json"))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as exc:
        raise BackupError(f"{path} is not a Tidtam backup ({exc}).") from exc


def database_is_empty():
    """No office and no user: a fresh `migrate` (rows migrations write themselves do not count)."""
    office = apps.get_model("plans", "Office")
    user = apps.get_model(settings.AUTH_USER_MODEL)
    return not office.objects.exists() and not user.objects.exists()


def restore(path, *, replace=False):
    """Loads the backup at `path`. Refuses a non-empty database unless `replace` (then everything in it
    is deleted first), and a backup made with migrations this code does not have. All in one
    transaction: a failed restore leaves the database as it was. Returns the manifest."""
    manifest = read_manifest(path)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"backup format {manifest.get('format')} is not {FORMAT}.")
    unknown = set(manifest["migrations"]) - set(applied_migrations())
    if unknown:
        raise BackupError("the backup was made by a newer Tidtam (migrations missing here: "
                          f"{', '.join(sorted(unknown)[:5])}); update the code and run migrate first.")
    if not replace and not database_is_empty():
        raise BackupError("the database already holds data; restore into an empty database, or use --replace "
                          "to delete everything in it first.")
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(path) as archive:
            archive.extract("data.json", tmp)
            media_names = [n for n in archive.namelist() if n.startswith("media/") and not n.endswith("/")]
            with transaction.atomic():
                if replace:
                    call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(Path(tmp) / "data.json"), verbosity=0)
            media_root = Path(settings.MEDIA_ROOT).resolve()
            for name in media_names:
                target = (media_root / name.removeprefix("media/")).resolve()
                if not target.is_relative_to(media_root):
                    continue  # a name that climbs out of MEDIA_ROOT is not ours
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(name) as source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out)
    return manifest
