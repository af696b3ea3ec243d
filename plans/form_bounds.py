"""Forms carry the model's bounds (issue L2): a number a column cannot hold is a Thai form error on
every database, not a 500 on PostgreSQL and a silently stored value on SQLite (which enforces nothing).

The ranges are PostgreSQL's (Django's portable ones), whichever database runs.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.backends.base.operations import BaseDatabaseOperations

RANGES = BaseDatabaseOperations.integer_field_ranges
VERSION_MAX = RANGES["PositiveIntegerField"][1]


def bound_to_model(form):
    """Give each integer field of a ModelForm its model column's range (min and max)."""
    model = form._meta.model
    for name, field in form.fields.items():
        if not isinstance(field, forms.IntegerField):
            continue
        try:
            internal = model._meta.get_field(name).get_internal_type()
        except Exception:  # noqa: BLE001 - a form-only field (version, ...) has no column
            continue
        low, high = RANGES.get(internal, (None, None))
        if low is not None and (field.min_value is None or field.min_value < low):
            field.min_value = low
            field.validators.append(MinValueValidator(low))
            field.widget.attrs["min"] = low
        if high is not None and (field.max_value is None or field.max_value > high):
            field.max_value = high
            field.validators.append(MaxValueValidator(high))
            field.widget.attrs["max"] = high


class VersionField(forms.IntegerField):
    """The hidden version a form was rendered with (plans.concurrency), within the column's range."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(widget=forms.HiddenInput, min_value=0, max_value=VERSION_MAX, **kwargs)


def posted_int(value, column="BigIntegerField"):
    """A whole number typed or posted outside a form (ids, versions, page numbers), or None.

    Only ASCII digits within the column's range count: str.isdigit() also says yes to "²" (which int()
    refuses) and to 30 nines (which no column holds), and either one became a 500.
    """
    text = str(value if value is not None else "").strip()
    if not text or not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if number <= RANGES[column][1] else None


def _guarded(clean, field):
    def clean_ids(value):
        for item in value or ():
            text = str(item).strip()
            if not text.isascii() or not text.lstrip("-").isdigit() or len(text) > 19 or int(text) > RANGES[
                    "BigIntegerField"][1]:
                raise forms.ValidationError(field.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                            params={"pk": text[:30]})
        return clean(value)
    return clean_ids


def guard_ids(form):
    """Many-to-many choices: an id no column can hold is "not a valid choice", not an overflow."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelMultipleChoiceField):
            field.clean = _guarded(field.clean, field)
