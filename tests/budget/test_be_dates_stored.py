"""A date typed in the Buddhist Era is stored as the right Gregorian date."""

from decimal import Decimal

import pytest
from django import forms

from budget.models import Disbursement
from plans.form_fields import BEDateField, MoneyField
from tests import factories


class DisbursementEntry(forms.ModelForm):
    date = BEDateField()
    amount = MoneyField()

    class Meta:
        model = Disbursement
        fields = ["date", "amount", "reference"]


@pytest.mark.django_db
def test_it_stores_31_03_2567_as_2024_03_31():
    project = factories.ProjectFactory()
    form = DisbursementEntry(data={"date": "31/03/2567", "amount": "๑๒,๕๐๐", "reference": "บค 123/2567"},
                             instance=Disbursement(project=project))
    assert form.is_valid(), form.errors
    form.save()
    stored = Disbursement.objects.get(project=project)
    assert stored.date.isoformat() == "2024-03-31"
    assert stored.amount == Decimal("12500")


@pytest.mark.django_db
def test_it_tells_in_thai_what_to_fix_when_the_year_is_gregorian():
    form = DisbursementEntry(data={"date": "31/03/2024", "amount": "100", "reference": ""},
                             instance=Disbursement(project=factories.ProjectFactory()))
    assert not form.is_valid()
    assert "พ.ศ." in str(form.errors["date"])
