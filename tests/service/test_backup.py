"""manage.py backup / restore: everything comes back, history and published PDFs included."""

import hashlib
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from plans.backup import EXCLUDED
from plans.models import Office
from projects.models import Project
from reports.models import Booklet, Publication
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF"


def snapshot():
    out = StringIO()
    call_command("dumpdata", exclude=EXCLUDED, natural_foreign=True, stdout=out)
    return sorted(json.dumps(row, sort_keys=True) for row in json.loads(out.getvalue()))


def an_office_with_history(world):
    project = world.project_a
    project.title = "ชื่อโครงการที่แก้ไขแล้ว"
    project.save()  # a second history row
    factories.QuarterlyReportFactory(project=project, quarter=1)
    booklet = Booklet.objects.create(action_plan=world.plan, months=6, document_number="4/2567",
                                     created_by=world.planner)
    Publication.objects.create(booklet=booklet, title="รายงาน", document_number="4/2567", pdf=PDF,
                               sha256=hashlib.sha256(PDF).hexdigest(), size=len(PDF), published_by=world.planner)


def test_a_backup_restores_into_an_empty_database_unchanged(world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "imports").mkdir(parents=True)
    (tmp_path / "media" / "imports" / "plan.xlsx").write_bytes(b"a workbook")
    an_office_with_history(world)
    before = snapshot()
    history_rows = Project.history.count()
    assert history_rows >= 3

    out = StringIO()
    call_command("backup", output=str(tmp_path / "b.zip"), stdout=out)
    assert "1 media files" in out.getvalue()

    call_command("flush", interactive=False, verbosity=0)
    (tmp_path / "media" / "imports" / "plan.xlsx").unlink()
    assert not Office.objects.exists()

    call_command("restore", str(tmp_path / "b.zip"), stdout=StringIO())
    assert snapshot() == before
    assert Project.history.count() == history_rows
    assert bytes(Publication.objects.get().pdf) == PDF
    assert (tmp_path / "media" / "imports" / "plan.xlsx").read_bytes() == b"a workbook"
    # The restored users sign in, and new rows get fresh ids (sequences follow the restored rows).
    new = factories.ProjectFactory(action_plan=world.plan)
    assert new.pk > max(p.pk for p in Project.objects.exclude(pk=new.pk))


def test_restore_refuses_a_database_that_holds_data_and_keeps_it(world, tmp_path):
    call_command("backup", output=str(tmp_path / "b.zip"), stdout=StringIO())
    factories.ProjectFactory(action_plan=world.plan, title="งานหลังสำรอง")
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(tmp_path / "b.zip"), stdout=StringIO())
    assert Project.objects.filter(title="งานหลังสำรอง").exists()

    call_command("restore", str(tmp_path / "b.zip"), "--replace", "--noinput", stdout=StringIO())
    assert not Project.objects.filter(title="งานหลังสำรอง").exists()
    assert Project.objects.filter(pk=world.project_a.pk).exists()


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="not a Tidtam backup"):
        call_command("restore", str(tmp_path / "x.zip"), stdout=StringIO())
