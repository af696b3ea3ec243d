"""Uploaded workbooks kept between the preview and the confirmation."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from projects.models import ImportUpload
from projects.workbooks import cells as cells

UPLOADS_KEPT_FOR = datetime.timedelta(days=1)


def import_upload_create(*, user, action_plan, kind, file_name, data, quarter=None) -> ImportUpload:
    """Keep an uploaded file until its preview is confirmed; a user's day-old uploads are dropped."""
    with transaction.atomic():
        ImportUpload.objects.filter(
            uploaded_by=user, created_at__lt=timezone.now() - UPLOADS_KEPT_FOR
        ).delete()
        return ImportUpload.objects.create(
            action_plan=action_plan,
            uploaded_by=user,
            kind=kind,
            quarter=quarter,
            file_name=file_name[:255],
            content=data,
        )


def import_upload_mark_applied(*, upload: ImportUpload) -> None:
    upload.applied_at = timezone.now()
    upload.save(update_fields=["applied_at"])
