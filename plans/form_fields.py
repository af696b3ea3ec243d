"""Form fields that accept money and dates the way Thai staff type them.

People paste "๑๒,๕๐๐" from Word documents and type Buddhist Era dates ("31/03/2567");
Django's stock fields reject both, or worse, read 2567 as a CE year.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from plans.thai_calendar import be_year
from plans.thai_formats import parse_be_date, parse_money


class MoneyField(forms.DecimalField):
    """Baht amount (จำนวนเงิน): 14 digits, 2 decimals (สตางค์), never negative."""

    def __init__(self, *, max_digits=14, decimal_places=2, min_value=Decimal("0"), **kwargs):
        # A text input, not type="number": browsers refuse "12,500" and Thai digits in
        # number inputs, while inputmode still brings up the numeric keypad on phones.
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        # Django's own messages for these are not translated into Thai.
        kwargs["error_messages"] = {
            "max_digits": "จำนวนเงินมากเกินกว่าที่รับได้ กรุณาตรวจสอบจำนวนเงิน",
            "max_whole_digits": "จำนวนเงินมากเกินกว่าที่รับได้ กรุณาตรวจสอบจำนวนเงิน",
            "max_decimal_places": "จำนวนเงินมีทศนิยมเกิน 2 ตำแหน่ง ให้กรอกสตางค์ไม่เกิน 2 หลัก",
            "min_value": "จำนวนเงินต้องไม่ติดลบ ให้กรอกจำนวนตั้งแต่ 0 ขึ้นไป",
            **kwargs.get("error_messages", {}),
        }
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, min_value=min_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return Decimal(value)
        try:
            return parse_money(str(value))
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from exc


class BEDateField(forms.DateField):
    """Date typed day/month/BE year (วัน/เดือน/ปี พ.ศ.), e.g. "31/03/2567"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"placeholder": "วว/ดด/ปปปป"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return parse_be_date(str(value))
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from exc

    def prepare_value(self, value):
        # Show stored dates the way they are typed; leave what the user typed untouched
        # so an invalid entry is redisplayed for correction.
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return f"{value.day:02d}/{value.month:02d}/{be_year(value)}"
        return value
