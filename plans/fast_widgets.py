"""A form renderer that writes the plain widgets (a text input, a text area, a select) in Python.

The report form repeats one status and one text per activity and three fields per indicator (issue
#12, point 9): rendered through Django's widget templates (select, each option, the attributes), the
widgets were about a quarter of the page's time. The markup is Django's own as its renderer returns it
(stripped), character for character (tests/plans/test_fast_widgets.py compares them); anything else
(another widget, option groups, a label or value that is not text) goes to Django's templates.

Used by the forms repeated many times on a page: `default_renderer = WidgetsInPython()`.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

TEXT = "django/forms/widgets/text.html"
TEXTAREA = "django/forms/widgets/textarea.html"
SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _is_text(value):
    return isinstance(value, (str, Promise))


def _attrs(attrs):
    """django/forms/widgets/attrs.html: ` name="value"`, ` name` for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}" if value is True
                     else f' {conditional_escape(name)}="{conditional_escape(value)}"')
    return "".join(parts)


def _input(widget):
    value = "" if widget["value"] is None else f' value="{conditional_escape(widget["value"])}"'
    return (f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
            f"{value}{_attrs(widget['attrs'])}>")


def _textarea(widget):
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _select(widget):
    options = []
    for _group_name, choices, _index in widget["optgroups"]:
        for option in choices:
            options.append(f'\n  <option value="{conditional_escape(option["value"])}"{_attrs(option["attrs"])}>'
                           f'{conditional_escape(option["label"])}</option>\n')
    return f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>{"".join(options)}\n</select>'


def _plain(template_name, widget):
    """Whether this module writes the widget: the three plain widgets, with text values and labels."""
    if template_name == TEXT:
        return widget["value"] is None or _is_text(widget["value"])
    if template_name == TEXTAREA:
        return widget["value"] is None or _is_text(widget["value"])
    if template_name == SELECT:
        return all(
            group_name is None and all(
                option["template_name"] == OPTION and _is_text(option["label"])
                and (_is_text(option["value"]) or type(option["value"]) is int) for option in choices)
            for group_name, choices, _index in widget["optgroups"])
    return False


class WidgetsInPython(DjangoTemplates):
    WRITERS = {TEXT: _input, TEXTAREA: _textarea, SELECT: _select}

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None and _plain(template_name, widget):
            return mark_safe(self.WRITERS[template_name](widget))
        return super().render(template_name, context, request)
