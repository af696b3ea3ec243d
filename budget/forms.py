import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from budget.models import BudgetSource, ExpenditureCategory
from budget.office_budget import ALL_CATEGORIES
from budget.office_budget_services import AMOUNT_LABELS, AMOUNTS, LineInput, field_name
from budget.plan_services import money_version
from budget.selectors import sources_in_use
from plans.form_bounds import VersionField
from plans.form_fields import BEDateField, MoneyField

# A reason is kept whole in the history (a text column); this only stops a pasted book.
REASON_MAX_LENGTH = 2000


class DisbursementForm(forms.Form):
    date = BEDateField(label=_("วันที่เบิกจ่าย (วัน/เดือน/ปี พ.ศ.)"),
                       error_messages={"required": _("กรุณากรอกวันที่เบิกจ่าย เช่น 31/03/2567")})
    amount = MoneyField(label=_("จำนวนเงิน (บาท)"), help_text=_("เช่น 12,500 หรือ 12500.50 หรือ ๑๒,๕๐๐"),
                        error_messages={"required": _("กรุณากรอกจำนวนเงินที่เบิกจ่าย")})
    source = forms.ModelChoiceField(label=_("แหล่งงบประมาณ"), queryset=BudgetSource.objects.none(),
                                    empty_label=_("— เลือกแหล่งงบประมาณ —"),
                                    error_messages={"required": _("กรุณาเลือกแหล่งงบประมาณ")})
    reference = forms.CharField(label=_("เลขที่เอกสาร"), max_length=100, required=False)
    note = forms.CharField(label=_("หมายเหตุ"), max_length=300, required=False)
    over_allocation_reason = forms.CharField(
        label=_("เหตุผลที่เบิกจ่ายเกินงบประมาณที่ได้รับจัดสรร"), max_length=300, required=False,
        help_text=_("กรอกเฉพาะเมื่อยอดเบิกจ่ายรวมเกินงบจัดสรร เช่น ได้รับโอนเงินเพิ่มเติมแล้ว"),
    )

    # One-time token (a new one each time the empty form is shown): sending the same form twice records once.
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = uuid.uuid4().hex
        # Only the sources this project was allocated money from.
        source_ids = [allocation.source_id for allocation in project.allocations.all()]
        self.fields["source"].queryset = BudgetSource.objects.filter(pk__in=source_ids)
        if len(source_ids) == 1:
            self.fields["source"].initial = source_ids[0]


class DisbursementCorrectionForm(DisbursementForm):
    token = None  # a correction changes an existing entry
    version = VersionField(required=True)
    reason = forms.CharField(label=_("เหตุผลที่แก้ไข"), max_length=REASON_MAX_LENGTH,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("บันทึกไว้ในประวัติการแก้ไข"),
                             error_messages={"required": _("กรุณาระบุเหตุผลที่แก้ไขรายการนี้")})


class DisbursementDeleteForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผลที่ลบรายการนี้"), max_length=REASON_MAX_LENGTH,
                             error_messages={"required": _("กรุณาระบุเหตุผลที่ลบรายการนี้")})


class ProjectMoneyForm(forms.Form):
    """One amount per budget source (จัดสรร) and one per quarter (แผนการใช้จ่าย); blank means none."""

    version = forms.CharField(widget=forms.HiddenInput, max_length=64, error_messages={
        "required": _("หน้านี้ไม่ได้ส่งรุ่นของข้อมูลมาด้วย กรุณาเปิดหน้านี้ใหม่แล้วบันทึกอีกครั้ง"),
    })

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = money_version(project)
        # The sources the office uses this year (issue #15), and any the project already has money from.
        in_use = sources_in_use(project.action_plan.office_id, project.action_plan.fiscal_year_id)
        held = {a.source_id for a in project.allocations.all()}
        self.sources = [s for s in BudgetSource.objects.all() if s in in_use or s.pk in held]
        # Shown as staff type money ("12,500.00"); MoneyField reads it back.
        allocated = {a.source_id: f"{a.amount:,.2f}" for a in project.allocations.all()}
        planned = {line.quarter: f"{line.amount:,.2f}" for line in project.spending_plan.all()}
        for source in self.sources:
            self.fields[f"source_{source.pk}"] = MoneyField(
                label=source.name, required=False, initial=allocated.get(source.pk)
            )
        for quarter in range(1, 5):
            self.fields[f"quarter_{quarter}"] = MoneyField(
                label=_("ไตรมาสที่ %(q)s") % {"q": quarter}, required=False, initial=planned.get(quarter)
            )

    def source_fields(self):
        return [self[f"source_{s.pk}"] for s in self.sources]

    def quarter_fields(self):
        return [self[f"quarter_{q}"] for q in range(1, 5)]

    def allocations(self):
        return {s: self.cleaned_data.get(f"source_{s.pk}") for s in self.sources}

    def spending(self):
        return {q: self.cleaned_data.get(f"quarter_{q}") for q in range(1, 5)}


class OfficeBudgetForm(forms.Form):
    """The office's budget by expenditure category (issue #17): the date the figures stand at and, for
    each of the six categories, allocated / disbursed / committed by purchase order. A row left blank
    has no line; remaining and percent are computed (budget.office_budget), never typed."""

    as_of = BEDateField(label=_("ข้อมูล ณ วันที่ (วัน/เดือน/ปี พ.ศ.)"),
                        error_messages={"required": _("กรุณากรอกวันที่ของข้อมูล เช่น 30/09/2567")})
    version = VersionField(required=True, error_messages={
        "required": _("หน้านี้ไม่ได้ส่งรุ่นของข้อมูลมาด้วย กรุณาเปิดหน้านี้ใหม่แล้วบันทึกอีกครั้ง"),
    })
    reason = forms.CharField(label=_("หมายเหตุการบันทึก (ถ้ามี)"), max_length=REASON_MAX_LENGTH, required=False,
                             help_text=_("เช่น ปรับตามรายงานจากระบบ GFMIS บันทึกไว้ในประวัติการแก้ไข"))

    def __init__(self, *args, lines=None, **kwargs):
        super().__init__(*args, **kwargs)
        lines = lines or {}
        for category in ALL_CATEGORIES:
            stored = lines.get(category)
            for amount in AMOUNTS:
                value = getattr(stored, amount) if stored is not None else None
                self.fields[field_name(category, amount)] = MoneyField(
                    label=f"{ExpenditureCategory(category).label} {AMOUNT_LABELS[amount]}", required=False,
                    initial=f"{value:,.2f}" if value is not None else None,
                )

    def rows(self):
        """(category label, [bound fields allocated, disbursed, committed]) for the template's table."""
        return [(ExpenditureCategory(c).label, c == ExpenditureCategory.CENTRAL,
                 [self[field_name(c, amount)] for amount in AMOUNTS]) for c in ALL_CATEGORIES]

    def lines(self):
        return {c: LineInput(**{amount: self.cleaned_data.get(field_name(c, amount)) for amount in AMOUNTS})
                for c in ALL_CATEGORIES}
