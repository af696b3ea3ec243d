from datetime import date, datetime
from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError

from plans.form_fields import BEDateField, MoneyField


class BudgetForm(forms.Form):
    amount = MoneyField()
    signed_on = BEDateField()
    optional_amount = MoneyField(required=False)
    optional_date = BEDateField(required=False)


def _form(**data):
    return BudgetForm(data={"amount": "1", "signed_on": "1/1/2567", **data})


def test_it_cleans_a_typed_be_date_to_the_ce_date():
    assert BEDateField().clean("31/03/2567") == date(2024, 3, 31)


def test_it_cleans_thai_digit_money_to_a_decimal():
    assert MoneyField().clean("๑๒,๕๐๐") == Decimal("12500")


def test_it_cleans_a_whole_form_typed_the_thai_way():
    form = _form(amount="๑๒,๕๐๐.๕๐ บาท", signed_on="๓๑/๐๓/๒๕๖๗", optional_amount="", optional_date="")
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "amount": Decimal("12500.50"),
        "signed_on": date(2024, 3, 31),
        "optional_amount": None,
        "optional_date": None,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,500", Decimal("12500")),
        ("12500.50", Decimal("12500.50")),
        (" 1,000.00 ", Decimal("1000")),
        ("0", 0),
    ],
)
def test_it_accepts_money_as_people_type_it(text, expected):
    assert MoneyField().clean(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12,5OO", "ไม่ใช่ตัวเลข"),
        ("-1", "ติดลบ"),
        ("1.005", "ทศนิยมเกิน 2 ตำแหน่ง"),
        ("1,00,0", "ผิดตำแหน่ง"),
    ],
)
def test_it_reports_bad_money_in_thai(text, message):
    form = _form(amount=text)
    assert not form.is_valid()
    assert message in form.errors["amount"][0]


def test_it_uses_the_invalid_error_code_for_unparseable_input():
    with pytest.raises(ValidationError) as excinfo:
        MoneyField().clean("abc")
    assert excinfo.value.code == "invalid"
    with pytest.raises(ValidationError) as excinfo:
        BEDateField().clean("30/02/2567")
    assert excinfo.value.code == "invalid"


def test_it_limits_money_to_fourteen_digits_with_two_decimals():
    assert MoneyField().clean("999,999,999,999.99") == Decimal("999999999999.99")
    with pytest.raises(ValidationError):
        MoneyField().clean("1,000,000,000,000")


def test_it_requires_a_value_unless_told_otherwise():
    form = BudgetForm(data={})
    assert not form.is_valid()
    assert set(form.errors) == {"amount", "signed_on"}


def test_it_passes_decimals_and_dates_through_untouched():
    assert MoneyField().clean(Decimal("5.25")) == Decimal("5.25")
    assert MoneyField().to_python(7) == Decimal("7")
    assert BEDateField().clean(date(2024, 3, 31)) == date(2024, 3, 31)
    assert BEDateField().to_python(datetime(2024, 3, 31, 8, 0)) == date(2024, 3, 31)


def test_it_renders_money_as_a_decimal_keypad_text_input():
    html = str(_form()["amount"])
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html


def test_it_lets_a_caller_choose_another_money_widget():
    field = MoneyField(widget=forms.HiddenInput)
    assert isinstance(field.widget, forms.HiddenInput)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30/02/2567", "ไม่มีวันที่ 30 กุมภาพันธ์ พ.ศ. 2567"),
        ("31/03/2024", "ให้กรอกเป็นปีพุทธศักราช เช่น 2567"),
        ("2024-03-31", "รูปแบบวันที่"),
    ],
)
def test_it_reports_bad_dates_in_thai(text, message):
    form = _form(signed_on=text)
    assert not form.is_valid()
    assert message in form.errors["signed_on"][0]


def test_it_shows_a_stored_date_as_dd_mm_be_year():
    field = BEDateField()
    assert field.prepare_value(date(2024, 3, 1)) == "01/03/2567"
    assert field.prepare_value(datetime(2023, 10, 1, 9, 30)) == "01/10/2566"
    form = BudgetForm(initial={"signed_on": date(2024, 3, 31)})
    assert 'value="31/03/2567"' in str(form["signed_on"])


def test_it_redisplays_what_the_user_typed_when_the_date_is_wrong():
    form = _form(signed_on="30/02/2567")
    assert not form.is_valid()
    assert 'value="30/02/2567"' in str(form["signed_on"])


def test_it_sees_no_change_when_the_typed_values_match_the_initial_ones():
    form = BudgetForm(
        data={"amount": "12,500", "signed_on": "31/03/2567"},
        initial={"amount": Decimal("12500.00"), "signed_on": date(2024, 3, 31)},
    )
    assert not form.has_changed()
