"""{% quick_field %} gives the same markup as crispy's |as_crispy_field|form_digits:digits (whitespace aside)."""

import re

import pytest
from django import forms
from django.template import Context, Template

from projects.reporting.forms import ActivityProgressForm, IndicatorResultForm


def normalised(html):
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*([<>])\s*", r"\1", html).strip()


def both(bound, digits="thai"):
    context = Context({"f": bound, "digits": digits})
    crispy = Template("{% load crispy_forms_tags thai %}{{ f|as_crispy_field|form_digits:digits }}").render(context)
    quick = Template("{% load quick_fields %}{% quick_field f %}").render(context)
    return normalised(crispy), normalised(quick)


class Other(forms.Form):
    needed = forms.CharField(label="ต้องกรอก", help_text="คำอธิบาย <b>ตัวหนา</b>")


@pytest.mark.parametrize("data", [None, {"a7-status": "zz", "a7-text": "สิ่งที่ทำ <script>"}])
def test_the_activity_fields_match_crispy(data):
    form = ActivityProgressForm(prefix="a7", data=data)
    form.is_valid() if data else None
    for name in ("status", "text"):
        crispy, quick = both(form[name])
        assert quick == crispy


@pytest.mark.parametrize("data", [None, {"i3-value": "abc", "i3-achieved": "yes", "i3-text": "ผล"}])
def test_the_indicator_fields_match_crispy(data):
    form = IndicatorResultForm(prefix="i3", data=data)
    form.is_valid() if data else None
    for name in ("value", "achieved", "text"):
        crispy, quick = both(form[name])
        assert quick == crispy


def test_required_fields_and_help_texts_are_left_to_crispy():
    form = Other(data={})
    form.is_valid()
    crispy, quick = both(form["needed"])
    assert quick == crispy


@pytest.mark.parametrize(("digits", "shown"), [("thai", "ข้อ ๑"), ("arabic", "ข้อ 1")])
def test_an_error_beside_a_quick_field_follows_the_pages_digits_but_keeps_what_it_quotes(digits, shown):
    form = ActivityProgressForm(prefix="a7", data={"a7-text": "ทำ 2 รุ่น"})
    form.is_valid()
    form.add_error("text", "กรุณาเลือกว่าวัตถุประสงค์ข้อ 1 บรรลุหรือไม่ (กิจกรรม “อบรม 2 รุ่น”)")
    crispy, quick = both(form["text"], digits)
    assert quick == crispy
    assert f"วัตถุประสงค์{shown} บรรลุหรือไม่ (กิจกรรม “อบรม 2 รุ่น”)" in quick
    assert "ทำ 2 รุ่น</textarea>" in quick  # what the owner typed stays as typed
