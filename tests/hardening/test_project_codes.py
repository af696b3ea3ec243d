"""L3: a project code is one printable line; it is normalised (NFKC, Thai digits) before the
uniqueness check, so `６７-０４` or `๖๗-๐๔` is the same code as `67-04`."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from projects import services
from projects.models import Project
from projects.workbooks.cells import CellError
from projects.workbooks.plan_import.read import _code
from tests.support.html_forms import the_form


def _values(world, code):
    return {"code": code, "title": "ทดสอบ", "strategy": world.strategy, "group": world.group}


@pytest.mark.parametrize("look_alike", ["６７-０４", "๖๗-๐๔", " 67-04 ", "67‐04"[:0] + "67-04"])
def test_a_look_alike_of_an_existing_code_is_the_same_code(world, look_alike):
    services.project_create(action_plan=world.plan, values=_values(world, "67-04"))
    with pytest.raises(ValidationError) as refused:
        services.project_create(action_plan=world.plan, values=_values(world, look_alike))
    assert "67-04" in " ".join(refused.value.messages)


def test_a_code_is_stored_normalised(world):
    project = services.project_create(action_plan=world.plan, values=_values(world, "６８-๐๑"))
    assert project.code == "68-01"


@pytest.mark.parametrize("bad", ["67\n04", "67\u202e04", "67-04 🎉", "67\u200b04", "67\x0004"])
def test_a_code_that_is_not_one_printable_line_is_refused_in_thai(world, bad):
    with pytest.raises(ValidationError) as refused:
        services.project_create(action_plan=world.plan, values=_values(world, bad))
    assert "รหัสโครงการ" in " ".join(refused.value.messages)
    assert not Project.objects.filter(title="ทดสอบ").exists()


def test_the_form_shows_the_refusal(client, world):
    client.force_login(world.planner)
    url = reverse("projects:edit", kwargs={"pk": world.project_a.pk})
    form = the_form(client.get(url), containing="code")
    response = client.post(url, form.data(code="A\u202eB"))
    assert response.status_code == 200
    assert "code" in response.context["form"].errors


def test_the_plan_import_reads_codes_the_same_way():
    assert _code("６７-๐๔") == "67-04"
    with pytest.raises(CellError):
        _code("67\u202e04")


def test_a_code_stored_with_a_newline_before_the_fix_does_not_break_the_return_email(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    from decimal import Decimal

    from projects.models import QuarterlyReport, ReportState

    Project.objects.filter(pk=world.project_a.pk).update(code="67\n04")
    world.owner_a.email = "owner@example.org"
    world.owner_a.save()
    report = QuarterlyReport.objects.create(project=world.project_a, quarter=2, state=ReportState.SUBMITTED,
                                            spent_amount=Decimal("0"))
    client.force_login(world.planner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting:review", kwargs={"pk": report.pk}),
                               {"action": "return", "comment": "แก้ไขผล", "version": report.version})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and "\n" not in mailoutbox[0].subject
