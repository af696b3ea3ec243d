from django import forms
from django.utils.translation import gettext_lazy as _

from plans.form_bounds import VersionField, bound_to_model
from plans.form_fields import BEDateField
from plans.selectors import action_plans_of_office
from reports.context import TABLES
from reports.figures import Round
from reports.models import Booklet


class BookletForm(forms.ModelForm):
    as_of_date = BEDateField(label=_("ข้อมูล ณ วันที่ (วว/ดด/ปปปป พ.ศ.)"), required=False,
                             help_text=_("เว้นว่างไว้ = วันสุดท้ายของรอบ"))
    tables = forms.MultipleChoiceField(label=_("ตารางสรุปที่แสดง"), choices=list(TABLES.items()), required=False,
                                       initial=list(TABLES), widget=forms.CheckboxSelectMultiple)
    version = VersionField()

    class Meta:
        model = Booklet
        fields = ["action_plan", "months", "as_of_date", "document_number", "foreword", "signer", "grouping",
                  "digits", "tables", "photos", "photos_per_project", "append_documents"]
        widgets = {"foreword": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)

        # Only this office's plans can be chosen: another office's plan is not a valid choice.
        self.fields["action_plan"].queryset = action_plans_of_office(office).order_by("-fiscal_year__be_year")
        self.fields["action_plan"].empty_label = None
        bound_to_model(self)
        self.fields["action_plan"].label_from_instance = lambda plan: f"ปีงบประมาณ พ.ศ. {plan.fiscal_year.be_year}"
        if self.instance.pk:
            self.initial["version"] = self.instance.version
        # A form without the photo settings (an older page, a script) keeps the model's defaults.
        for name in ("photos", "photos_per_project"):
            self.fields[name].required = False

    def clean_photos(self):
        return self.cleaned_data.get("photos") or Booklet._meta.get_field("photos").default

    def clean_photos_per_project(self):
        value = self.cleaned_data.get("photos_per_project")
        return Booklet._meta.get_field("photos_per_project").default if value is None else value

    def clean(self):
        data = super().clean()
        plan, months, as_of = data.get("action_plan"), data.get("months"), data.get("as_of_date")
        if plan and months and as_of:

            end = Round(plan.fiscal_year.be_year, months).end
            if as_of < end:
                self.add_error("as_of_date", _("วันที่ข้อมูลต้องไม่ก่อนวันสุดท้ายของรอบ (%(end)s)")
                               % {"end": end.strftime("%d/%m/") + str(end.year + 543)})
        return data
