"""No lost updates: a row carries a `version`; a save based on an older version is refused.

A form sends back the version it was rendered with. `save_if_unchanged` writes only when the row
still has that version (one UPDATE ... WHERE version = n, so two saves cannot both win) and tells
the caller what the other person changed, so the later user sees it and nothing is lost.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F


class StaleEdit(Exception):
    """Someone saved the object after this user opened it. `changes` maps field -> (theirs, ours)."""

    def __init__(self, current, changes):
        super().__init__("ข้อมูลนี้ถูกแก้ไขโดยผู้อื่นหลังจากที่คุณเปิดหน้านี้ กรุณาตรวจสอบการเปลี่ยนแปลงแล้วบันทึกอีกครั้ง")
        self.current = current
        self.changes = changes


class Vanished(ValidationError):
    """The row was deleted after this user opened it: saving it would bring it back, so nothing is saved."""

    def __init__(self):
        super().__init__("รายการนี้ถูกลบไปแล้วหลังจากที่คุณเปิดหน้านี้ ระบบไม่ได้บันทึกการแก้ไขและไม่ได้สร้างรายการขึ้นใหม่")


def save_if_unchanged(instance, *, expected_version, fields):
    """Save `fields` of `instance` if the stored row is still at `expected_version`; bump the version.

    Raises StaleEdit (and writes nothing) otherwise. Call inside the service's transaction.
    History (simple-history) is recorded by the final instance.save().
    """
    model = type(instance)
    with transaction.atomic():
        current = model.objects.select_for_update().filter(pk=instance.pk).first()
        if current is None:
            raise Vanished()
        if current.version != expected_version:
            changes = {
                name: (getattr(current, name), getattr(instance, name))
                for name in fields
                if getattr(current, name) != getattr(instance, name)
            }
            raise StaleEdit(current, changes)
        instance.version = F("version") + 1
        instance.save(update_fields=[*fields, "version"])
        instance.refresh_from_db(fields=["version"])
    return instance


def describe(model, changes):
    """'label: theirs → ours; ...' for a message, from StaleEdit.changes."""
    parts = []
    for name, (theirs, ours) in changes.items():
        try:
            label = model._meta.get_field(name).verbose_name
        except Exception:  # noqa: BLE001 - a name that is not a field (e.g. a money line) is shown as is
            label = name
        parts.append(f"{label}: {_shown(theirs)} (ผู้อื่นบันทึก) / {_shown(ours)} (ของคุณ)")
    return "; ".join(parts)


def _shown(value):
    return "-" if value in (None, "") else str(value)


def show_stale(form, stale, *, model=None, field="version"):
    """Put a StaleEdit on the form and take the current version: saving again keeps what the user typed."""
    details = describe(model, stale.changes) if model is not None and stale.changes else ""
    form.add_error(None, f"{stale} {details}".strip())
    form.data = form.data.copy()
    form.data[field] = getattr(stale.current, field, None) if field != "version" else stale.current.version
