"""Unique values under races: two people saving the same project code, plan year, window or group
name at the same moment both pass the service's check; the database refuses the second. That
refusal becomes the same Thai validation message as the check's, never a 500 (issue M6)."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction


@contextmanager
def unique_or(message):
    """Run the block in a savepoint; a unique-constraint refusal raises ValidationError(message)."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        raise ValidationError(message) from exc
