"""Writes about the office profile: its names, contacts, logo and who signs for it."""

from django.db import transaction


@transaction.atomic
def office_profile_update(*, form, deputies, by):
    """Save the profile and its deputy directors together (history says who changed what)."""
    office = form.save(commit=False)
    office._history_user = by
    office.save()
    for deputy in deputies.save(commit=False):
        deputy._history_user = by
        deputy.office = office
        deputy.save()
    for deputy in deputies.deleted_objects:
        deputy._history_user = by
        deputy.delete()
    return office
