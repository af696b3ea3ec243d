"""`{% quick_field form.x %}`: the markup crispy-forms' `|as_crispy_field` gives a plain field (label,
Bootstrap widget classes, errors, help text), built in Python instead of through crispy's nested
templates. For fields repeated many times on one page (the report form has one status and one text
per activity and three fields per indicator): about half the cost of each field. Only optional fields
without help text with one of the widgets below are built here; every other field goes to crispy itself.
tests/plans/test_quick_fields.py compares the two. Either way the field goes through `form_digits` with the
page's `digits`, as `{{ field|as_crispy_field|form_digits:digits }}` does: its label and errors in the
interface's digits, what people typed as typed."""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.utils.html import format_html, format_html_join

from plans.templatetags.thai import form_digits

register = template.Library()

WIDGET_CLASSES = {
    forms.Select: "select form-select",
    forms.Textarea: "textarea form-control",
    forms.TextInput: "textinput form-control",
}


@register.simple_tag(takes_context=True)
def quick_field(context, bound):
    return form_digits(_field(bound), context.get("digits"))


def _field(bound):
    css = WIDGET_CLASSES.get(type(bound.field.widget))
    if css is None or bound.is_hidden or bound.field.required or bound.help_text:
        return as_crispy_field(bound)
    auto_id = bound.auto_id
    attrs = {"class": css}
    if bound.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{auto_id}_error"
    widget = bound.as_widget(attrs=attrs)
    label = format_html('<label for="{}" class="form-label">{}</label>', auto_id, bound.label) if bound.label else ""
    errors = format_html(
        '<div id="{}_error" class="invalid-feedback">{}</div>', auto_id,
        format_html_join("", '<p id="error_{}_{}"><strong>{}</strong></p>',
                         ((n, auto_id, e) for n, e in enumerate(bound.errors, start=1))),
    ) if bound.errors else ""
    return format_html('<div id="div_{}" class="mb-3">{}{}{}</div>', auto_id, label, widget, errors)
