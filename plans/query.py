"""Query parameters (`?group=`, `?quarter=`, `?q=`, ...) are read through a form, never by hand (issue L1);
`?year=` and `?round=` through the form in `plans/year_picker.py`.

`read_query(request, Form)` returns every field of the form: its cleaned value when the parameter
could be read, else None (or "" for text). A superscript digit, a 5,000-digit year, a NUL byte or a
100,000-character search are simply not used: the page shows what it shows without the filter.
"""

from django import forms

from plans.text_rules import clean_text

# The largest id any of our tables hands out (a bigint): a larger "id" matches nothing.
MAX_ID = 2**63 - 1
SEARCH_MAX_LENGTH = 200


class IdField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=1, max_value=MAX_ID, **kwargs)

    def to_python(self, value):
        # int() accepts "²" and Thai digits through str.isdigit-like rules only partly; ASCII only here.
        if value not in self.empty_values and not (isinstance(value, str) and value.strip().isascii()):
            raise forms.ValidationError("ไม่ใช่ตัวเลข")
        if isinstance(value, str) and len(value) > 20:
            raise forms.ValidationError("ตัวเลขยาวเกินไป")
        return super().to_python(value)


class SearchField(forms.CharField):
    """Free text to search for: control characters dropped, cut to a sensible length."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=True, **kwargs)
        self.validators = []  # NUL is dropped below rather than refused

    def to_python(self, value):
        return clean_text(super().to_python(value))[:SEARCH_MAX_LENGTH]


class QuarterQuery(forms.Form):
    quarter = forms.TypedChoiceField(required=False, coerce=int, empty_value=None,
                                     choices=[("", "")] + [(str(q), str(q)) for q in range(1, 5)])


def read_query(data, form_class):
    form = form_class(data)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    return {name: cleaned.get(name, "" if isinstance(field, forms.CharField) else None)
            for name, field in form.fields.items()}
