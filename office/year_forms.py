"""The per-year settings form: cabinet targets, budget sources in use, usual report deadlines."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from budget.models import BudgetSource
from plans import thai_calendar
from plans.form_fields import BEDateField

QUARTERS = (1, 2, 3, 4)


class YearSettingsForm(forms.Form):
    sources = forms.ModelMultipleChoiceField(
        label=_("แหล่งงบประมาณที่ใช้ในปีนี้"), queryset=BudgetSource.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("หน้ากรอกงบประมาณของโครงการแสดงเฉพาะแหล่งที่เลือก ไม่เลือกเลย = แสดงทุกแหล่ง"),
    )

    def __init__(self, *args, be_year, national=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.be_year = be_year
        for q in QUARTERS:
            self.fields[f"target_{q}"] = forms.DecimalField(
                label=_("เป้าหมายการเบิกจ่ายสะสม ณ สิ้นไตรมาสที่ %(q)s (ร้อยละ)") % {"q": q},
                required=False, min_value=Decimal("0"), max_value=Decimal("100"), max_digits=5, decimal_places=2,
                # Blank keeps following the national target, shown as the placeholder.
                widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": str((national or {}).get(q, ""))}),
                error_messages={"min_value": _("ร้อยละต้องอยู่ระหว่าง 0 ถึง 100"),
                                "max_value": _("ร้อยละต้องอยู่ระหว่าง 0 ถึง 100"),
                                "max_decimal_places": _("ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
                                "invalid": _("กรุณากรอกตัวเลข เช่น 50 หรือ 80.5")},
            )
        for q in QUARTERS:
            self.fields[f"deadline_{q}"] = BEDateField(
                label=_("กำหนดส่งรายงานไตรมาสที่ %(q)s (วัน/เดือน/ปี พ.ศ.)") % {"q": q}, required=False,
            )

    def clean(self):
        data = super().clean()
        previous = None
        for q in QUARTERS:
            value = data.get(f"target_{q}")
            if value is not None and previous is not None and value < previous:
                self.add_error(f"target_{q}", _("เป้าหมายสะสมต้องไม่น้อยกว่าไตรมาสก่อนหน้า"))
            previous = value if value is not None else previous
        quarters = dict(enumerate(thai_calendar.quarters_of(self.be_year), start=1))
        for q in QUARTERS:
            deadline = data.get(f"deadline_{q}")
            if deadline is not None and deadline < quarters[q].start:
                self.add_error(f"deadline_{q}", _("กำหนดส่งต้องไม่ก่อนวันเริ่มไตรมาส"))
        return data
