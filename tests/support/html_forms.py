"""The forms of a page, read from its HTML as a browser would submit them (tests only).

`forms_of(html)` returns one HtmlForm per <form>: its action, method and the values a user who
changes nothing would send (text inputs, hidden inputs, checked boxes, selected options, textareas).
Tests then change one or two values and POST, so a write is built from the page's own form.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class HtmlForm:
    action: str
    method: str
    values: dict = field(default_factory=dict)  # name -> list of values
    choices: dict = field(default_factory=dict)  # name of a select/checkbox/radio -> every value offered
    required: set = field(default_factory=set)

    def data(self, **changes):
        """The form's values for client.post, with `changes` applied (None removes a field)."""
        data = {name: values if len(values) > 1 else values[0] for name, values in self.values.items() if values}
        for name, value in changes.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value
        data.pop("csrfmiddlewaretoken", None)
        return data


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.option, self.textarea = [], None, None, None, None
        self.multiple = False

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.form = HtmlForm(action=attrs.get("action", ""), method=attrs.get("method", "get").lower())
            self.forms.append(self.form)
            return
        if self.form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                if kind == "file":
                    self.form.values.setdefault(name, [])
                return
            if kind in ("checkbox", "radio"):
                self.form.choices.setdefault(name, []).append(attrs.get("value", "on"))
                self.form.values.setdefault(name, [])
                if "checked" in attrs:
                    self.form.values[name].append(attrs.get("value", "on"))
            else:
                self.form.values.setdefault(name, []).append(attrs.get("value", ""))
            if "required" in attrs:
                self.form.required.add(name)
        elif tag == "select" and name:
            self.select, self.multiple = name, "multiple" in attrs
            self.form.values.setdefault(name, [])
            self.form.choices.setdefault(name, [])
            if "required" in attrs:
                self.form.required.add(name)
        elif tag == "option" and self.select:
            value = attrs.get("value")
            self.option = [value, "selected" in attrs, ""]
        elif tag == "textarea" and name:
            self.textarea = name
            self.form.values.setdefault(name, []).append("")
            if "required" in attrs:
                self.form.required.add(name)

    def handle_data(self, data):
        if self.textarea:
            self.form.values[self.textarea][-1] += data
        if self.option is not None:
            self.option[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea" and self.textarea:
            # A browser drops the newline right after <textarea> (Django writes one).
            values = self.form.values[self.textarea]
            if values[-1].startswith("\r\n"):
                values[-1] = values[-1][2:]
            elif values[-1].startswith("\n"):
                values[-1] = values[-1][1:]
            self.textarea = None
        elif tag == "option" and self.option is not None:
            value, selected, text = self.option
            value = text.strip() if value is None else value
            self.form.choices[self.select].append(value)
            if selected:
                self.form.values[self.select].append(value)
            self.option = None
        elif tag == "select" and self.select:
            # A single select with nothing marked sends its first option, as a browser does.
            if not self.multiple and not self.form.values[self.select] and self.form.choices[self.select]:
                self.form.values[self.select].append(self.form.choices[self.select][0])
            self.select = None


def forms_of(html):
    parser = _Parser()
    parser.feed(html if isinstance(html, str) else html.decode())
    return parser.forms


def post_forms(html):
    return [form for form in forms_of(html) if form.method == "post"]


def the_form(response, *, containing=None):
    """The page's POST form that has the field `containing` (or the first POST form)."""
    forms = post_forms(response.content)
    for form in forms:
        if containing is None or containing in form.values:
            return form
    raise AssertionError(f"no POST form with {containing!r} on the page")
