"""Adding and removing evidence: limits, locks, history, and nothing half-stored."""

import pytest
from django.db import IntegrityError

from projects.evidence import services, storage
from projects.evidence.models import Attachment
from projects.models import ReportState
from projects.reporting.selectors import project_history
from tests.evidence import samples


def _add(report, user, *files, caption="ประชุมชี้แจง"):
    uploads = [services.Upload(name=name, file=samples.upload(name, data), caption=caption) for name, data in files]
    return services.attachments_add(project=report.project, report=report, user=user, uploads=uploads)


def test_it_stores_a_photo_in_three_versions_named_by_content_hash(world, report, stored_files):
    [photo] = _add(report, world.owner_a, ("IMG_1.jpg", samples.jpeg()))
    assert photo.kind == "photo" and photo.caption == "ประชุมชี้แจง"
    assert photo.file == f"evidence/{photo.sha256[:2]}/{photo.sha256}.jpg"
    assert stored_files() == sorted([photo.file, photo.print_file, photo.thumb_file])
    assert storage.name_for(storage.read(photo.file), ".jpg")[0] == photo.sha256


def test_it_stores_the_same_bytes_once(world, report, stored_files):
    data = samples.jpeg()
    first = _add(report, world.owner_a, ("a.jpg", data))[0]
    second = _add(report, world.owner_a, ("b.jpg", data))[0]
    assert first.file == second.file
    assert len(stored_files()) == 3
    services.attachment_delete(attachment=first, user=world.owner_a)
    assert len(stored_files()) == 3  # the other row still names them


def test_it_refuses_a_photo_without_a_caption_but_titles_a_document_by_its_name(world, report):
    with pytest.raises(services.EvidenceRefused, match="คำบรรยายภาพ"):
        _add(report, world.owner_a, ("a.jpg", samples.jpeg()), caption="  ")
    [document] = _add(report, world.owner_a, ("คำสั่งแต่งตั้ง.pdf", samples.pdf()), caption="")
    assert document.caption == "คำสั่งแต่งตั้ง" and document.kind == "document" and document.pages == 2


def test_it_refuses_a_file_over_the_size_cap(world, report, settings, stored_files):
    settings.EVIDENCE_MAX_FILE_BYTES = 1000
    with pytest.raises(services.EvidenceRefused, match="เกินขนาดที่รับได้"):
        _add(report, world.owner_a, ("big.jpg", samples.jpeg()))
    assert not Attachment.objects.exists() and stored_files() == []


def test_it_refuses_files_over_the_report_total(world, report, settings):
    _add(report, world.owner_a, ("a.pdf", samples.pdf()))
    settings.EVIDENCE_MAX_TOTAL_BYTES = Attachment.objects.get().size + 10
    with pytest.raises(services.EvidenceRefused, match="รวมกันจะเกิน"):
        _add(report, world.owner_a, ("b.pdf", samples.pdf(pages=3)))
    assert Attachment.objects.count() == 1


def test_it_refuses_more_files_than_the_count_cap(world, report, settings):
    settings.EVIDENCE_MAX_FILES = 2
    _add(report, world.owner_a, ("a.jpg", samples.jpeg(color=(1, 2, 3))))
    with pytest.raises(services.EvidenceRefused, match="ไม่เกิน 2 ไฟล์"):
        _add(report, world.owner_a, ("b.jpg", samples.jpeg()), ("c.jpg", samples.png()))
    assert Attachment.objects.count() == 1


def test_it_refuses_an_empty_file_and_an_empty_choice(world, report):
    with pytest.raises(services.EvidenceRefused, match="ว่างเปล่า"):
        _add(report, world.owner_a, ("a.jpg", b""))
    with pytest.raises(services.EvidenceRefused, match="ยังไม่ได้เลือกไฟล์"):
        _add(report, world.owner_a)


def test_one_bad_file_stores_none_of_those_sent_with_it(world, report, stored_files):
    with pytest.raises(services.EvidenceRefused, match="ไม่ใช่ภาพ"):
        _add(report, world.owner_a, ("good.jpg", samples.jpeg()), ("bad.jpg", b"not a photo at all"))
    assert not Attachment.objects.exists() and stored_files() == []


def test_a_storage_failure_leaves_no_file_and_no_row(world, report, stored_files, monkeypatch):
    real_save = storage.save_new
    calls = []

    def failing_save(name, data, written):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disk full")
        real_save(name, data, written)

    monkeypatch.setattr(storage, "save_new", failing_save)
    with pytest.raises(OSError):
        _add(report, world.owner_a, ("a.jpg", samples.jpeg()))
    assert len(calls) == 2
    assert not Attachment.objects.exists() and stored_files() == []


def test_a_database_failure_after_the_files_were_written_leaves_no_file(world, report, stored_files, monkeypatch):
    real_insert = services._insert
    calls = []

    def insert_then_fail(*args):
        calls.append(1)
        if len(calls) == 2:
            raise IntegrityError("constraint")
        return real_insert(*args)

    monkeypatch.setattr(services, "_insert", insert_then_fail)
    with pytest.raises(IntegrityError):
        _add(report, world.owner_a, ("a.jpg", samples.jpeg()), ("b.pdf", samples.pdf()))
    assert not Attachment.objects.exists() and stored_files() == []


@pytest.mark.parametrize("state", [ReportState.ACCEPTED])
def test_files_are_locked_with_an_accepted_report(world, report, state):
    [photo] = _add(report, world.owner_a, ("a.jpg", samples.jpeg()))
    report.state = state
    report.save()
    for user in (world.owner_a, world.planner):
        with pytest.raises(services.EvidenceRefused, match="ล็อก"):
            _add(report, user, ("b.jpg", samples.png()))
        with pytest.raises(services.EvidenceRefused, match="ล็อก"):
            services.attachment_delete(attachment=photo, user=user)
        with pytest.raises(services.EvidenceRefused, match="ล็อก"):
            services.attachment_move(attachment=photo, user=user, direction=1)
    assert Attachment.objects.count() == 1


def test_a_sent_report_takes_files_only_from_the_planner(world, report):
    report.state = ReportState.SUBMITTED
    report.save()
    with pytest.raises(services.EvidenceRefused, match="ส่งแล้ว"):
        _add(report, world.owner_a, ("a.jpg", samples.jpeg()))
    assert len(_add(report, world.planner, ("a.jpg", samples.jpeg()))) == 1


def test_an_owner_cannot_attach_when_the_window_is_closed(world, report):
    from plans.models import ReportingWindow

    ReportingWindow.objects.filter(action_plan=world.plan).delete()
    with pytest.raises(services.EvidenceRefused, match="ยังไม่เปิดรอบการรายงาน"):
        _add(report, world.owner_a, ("a.jpg", samples.jpeg()))


def test_it_reorders_photos(world, report):
    a, b, c = (_add(report, world.owner_a, (f"{n}.jpg", samples.jpeg(color=(n, n, n))))[0] for n in (1, 2, 3))
    services.attachment_move(attachment=c, user=world.owner_a, direction=-1)
    assert list(Attachment.objects.order_by("display_order").values_list("pk", flat=True)) == [a.pk, c.pk, b.pk]
    services.attachment_move(attachment=a, user=world.owner_a, direction=-1)  # already first: no change
    assert list(Attachment.objects.order_by("display_order").values_list("pk", flat=True)) == [a.pk, c.pk, b.pk]


def test_deleting_removes_the_files_once_committed(world, report, stored_files, django_capture_on_commit_callbacks):
    [photo] = _add(report, world.owner_a, ("a.jpg", samples.jpeg()))
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_delete(attachment=photo, user=world.owner_a)
    assert stored_files() == [] and not Attachment.objects.exists()


def test_adding_and_removing_show_in_the_project_history(world, report):
    [photo] = _add(report, world.owner_a, ("a.jpg", samples.jpeg()), caption="อบรมครู")
    services.attachment_delete(attachment=photo, user=world.owner_a)
    entries = [e for e in project_history(world.project_a) if "อบรมครู" in e.what]
    assert [(e.action, e.reason, e.who) for e in entries] == [
        ("ลบ", "ลบภาพกิจกรรม", world.owner_a), ("สร้าง", "แนบภาพกิจกรรม", world.owner_a)]
    assert entries[0].what == "รายงานไตรมาสที่ 2: ภาพกิจกรรม “อบรมครู”"


def test_a_project_takes_files_of_its_own(world):
    [document] = services.attachments_add(project=world.project_a, report=None, user=world.owner_a, uploads=[
        services.Upload(name="แผนงาน.xlsx", file=samples.upload("แผนงาน.xlsx", samples.xlsx()))])
    assert document.report is None and document.file_type == "xlsx"


def test_a_caption_fits_the_column_or_is_refused_in_thai(world, report):
    with pytest.raises(services.EvidenceRefused, match="ยาวเกิน ๓๐๐ ตัวอักษร"):
        _add(report, world.owner_a, ("a.jpg", samples.jpeg()), caption="ก" * 301)
    long_name = "ภ" * 300 + ".jpg"
    [photo] = _add(report, world.owner_a, (long_name, samples.jpeg()), caption="ข" * 300)
    photo.refresh_from_db()
    assert len(photo.caption) == 300 and len(photo.original_name) == 255
