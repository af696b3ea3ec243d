"""A strategy's projects across years, and the page where a project names the plan indicators it serves."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from plans.access import load_in_office
from plans.models import Strategy
from projects.access import load_project
from projects.strategy_links import indicators_for, project_set_strategy_indicators, strategy_projects


@login_required
def strategy_projects_page(request, pk):
    strategy = load_in_office(request.user, Strategy.objects.select_related("development_plan"), pk,
                              office_path="development_plan__office")
    return render(request, "projects/strategy_projects.html",
                  {"strategy": strategy, "years": strategy_projects(strategy)})


class ServedIndicatorsForm(forms.Form):
    indicators = forms.ModelMultipleChoiceField(
        label="ตัวชี้วัดตามแผนพัฒนาการศึกษาที่โครงการตอบสนอง", queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = indicators_for(project)
        self.fields["indicators"].label_from_instance = (
            lambda i: f"กลยุทธ์ที่ {i.strategy.number} · {i.code} {i.text}")


@login_required
def project_plan_indicators(request, pk):
    project = load_project(request.user, pk, for_write=True)
    form = ServedIndicatorsForm(request.POST or None, project=project,
                                initial={"indicators": project.strategy_indicators.all()})
    if request.method == "POST" and form.is_valid():
        try:
            project_set_strategy_indicators(project=project, indicators=list(form.cleaned_data["indicators"]),
                                            by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"บันทึกตัวชี้วัดตามแผนพัฒนาของโครงการ {project.code} แล้ว")
            return redirect("projects:detail", project.pk)
    return render(request, "plans/devplan/form.html", {
        "form": form, "title": f"ตัวชี้วัดตามแผนพัฒนาที่โครงการ {project.code} ตอบสนอง",
        "back_url": f"/projects/{project.pk}/",
    })
