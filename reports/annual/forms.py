from django import forms
from django.utils.translation import gettext_lazy as _

from plans.form_bounds import VersionField, bound_to_model
from plans.selectors import action_plans_of_office
from reports.annual.models import AnnualReport
from reports.annual.parts import PARTS


class AnnualReportForm(forms.ModelForm):
    parts = forms.MultipleChoiceField(label=_("ส่วนที่พิมพ์ (ปก คำนำ และสารบัญพิมพ์เสมอ)"), choices=list(PARTS.items()),
                                      required=False, initial=list(PARTS), widget=forms.CheckboxSelectMultiple)
    version = VersionField()

    class Meta:
        model = AnnualReport
        fields = ["action_plan", "document_number", "grouping", "digits", "parts", "photos", "photos_per_project",
                  "signer", "foreword", "office_problems", "office_recommendations"]
        widgets = {"foreword": forms.Textarea(attrs={"rows": 7}),
                   "office_problems": forms.Textarea(attrs={"rows": 7}),
                   "office_recommendations": forms.Textarea(attrs={"rows": 7})}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        plans = action_plans_of_office(office).order_by("-fiscal_year__be_year")
        if not self.instance.pk:  # one annual report per year: years that have one are not offered again
            plans = plans.filter(annual_report__isnull=True)
        self.fields["action_plan"].queryset = plans
        self.fields["action_plan"].empty_label = None
        self.fields["action_plan"].label = _("ปีงบประมาณ")
        self.fields["action_plan"].label_from_instance = lambda plan: f"ปีงบประมาณ พ.ศ. {plan.fiscal_year.be_year}"
        if self.instance.pk:
            self.fields["action_plan"].disabled = True
            self.initial["version"] = self.instance.version
        bound_to_model(self)
