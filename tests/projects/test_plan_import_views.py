"""The import pages: who may use them, upload → preview → confirm, and bad files."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from projects.models import ImportUpload, Project
from projects.workbooks import plan_workbook as layout
from projects.workbooks.plan_workbook import build_plan_workbook
from tests.permission_rules import imports as rules
from tests.support.html_forms import the_form


def _check_rule(client, world, name, rule):
    for who, expected in rule.expect.items():
        client.logout()
        if who != "anonymous":
            client.force_login(getattr(world, who))
        url = reverse(name, kwargs=rule.kwargs(world))
        response = client.post(url, rule.data(world)) if rule.method == "POST" else client.get(url)
        assert response.status_code == expected, (name, who, response.status_code)


@pytest.mark.parametrize("name", sorted(rules.RULES))
def test_it_answers_every_user_as_the_permission_rules_say(client, world, name):
    _check_rule(client, world, name, rules.RULES[name])


def _template_with_project(world, code="N01", amount="12,500"):
    book = load_workbook(io.BytesIO(build_plan_workbook(world.plan, with_data=False)))
    book[layout.PROJECTS].append(
        [code, "โครงการใหม่", str(world.strategy.number), world.group.name, "owner_a"]
    )
    book[layout.ALLOCATIONS].append([code, "งบ สพป.", amount])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(client, data, name="plan.xlsx"):
    return client.post(reverse("imports:plan_upload"), {"file": SimpleUploadedFile(name, data)})


def test_it_previews_then_imports_only_on_confirm(client, world):
    client.force_login(world.planner)
    response = _upload(client, _template_with_project(world))
    upload = ImportUpload.objects.get()
    assert response.url == reverse("imports:preview", kwargs={"pk": upload.pk})
    page = client.get(response.url).content.decode()
    assert "จะเพิ่มใหม่" in page and "N01 โครงการใหม่" in page and "ยืนยันนำเข้า" in page
    assert not Project.objects.filter(code="N01").exists()
    fingerprint = the_form(client.get(reverse("imports:preview", kwargs={"pk": upload.pk})),
                           containing="fingerprint").data()["fingerprint"]
    response = client.post(reverse("imports:confirm", kwargs={"pk": upload.pk}), {"fingerprint": fingerprint})
    assert response.status_code == 302
    project = Project.objects.get(code="N01")
    assert project.allocations.get().amount == 12500
    assert "นำเข้าเรียบร้อย" in client.get(response.url).content.decode()


def test_it_shows_thai_errors_with_sheet_row_and_column_and_saves_nothing(client, world):
    client.force_login(world.planner)
    response = _upload(client, _template_with_project(world, amount="12,5OO"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "12,5OO" in page and "จำนวนเงิน (บาท)" in page and "ตัวอักษร O ไม่ใช่เลขศูนย์" in page
    assert not ImportUpload.objects.exists() and not Project.objects.filter(code="N01").exists()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("plan.xls", b"\xd0\xcf\x11\xe0", "ไม่รองรับ"),
        ("plan.csv", "รหัส,ชื่อ\n".encode(), "ไฟล์ .csv ไม่รองรับ"),
        ("plan.xlsx", b"this is not a zip file", "ไม่ใช่ไฟล์ Excel"),
        ("plan.pdf", b"%PDF-1.4", "เฉพาะไฟล์ Excel นามสกุล .xlsx"),
    ],
)
def test_it_refuses_other_formats_with_a_clear_message(client, world, name, data, message):
    client.force_login(world.planner)
    response = _upload(client, data, name)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_it_rechecks_on_confirm_against_the_database_as_it_is_then(client, world):
    client.force_login(world.planner)
    response = _upload(client, _template_with_project(world))
    world.group.name = "กลุ่มเปลี่ยนชื่อ"
    world.group.save()
    response = client.post(reverse("imports:confirm", kwargs={"pk": ImportUpload.objects.get().pk}),
                           {"fingerprint": "from-the-preview"})
    assert response.status_code == 200
    assert "ไม่พบกลุ่ม" in response.content.decode()
    assert not Project.objects.filter(code="N01").exists()


def test_it_exports_the_plan_with_its_projects(client, world):
    client.force_login(world.planner)
    response = client.get(reverse("imports:plan_export"))
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    codes = {row[0] for row in book[layout.PROJECTS].iter_rows(min_row=2, values_only=True)}
    assert codes == {world.project_a.code, world.project_b.code}
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_it_shows_the_new_preview_when_the_data_changed_after_the_preview(client, world):
    from decimal import Decimal

    from budget.models import Allocation
    from tests import factories

    allocation = factories.AllocationFactory(project=world.project_a, amount=Decimal("1000"))
    client.force_login(world.planner)
    book = load_workbook(io.BytesIO(build_plan_workbook(world.plan, with_data=True)))
    book[layout.ALLOCATIONS].cell(row=2, column=3, value="2,000")
    out = io.BytesIO()
    book.save(out)
    preview = client.get(_upload(client, out.getvalue()).url)
    fingerprint = preview.context["check"].fingerprint
    Allocation.objects.filter(pk=allocation.pk).update(amount=Decimal("1500"))  # someone else, meanwhile
    upload = ImportUpload.objects.get()
    response = client.post(reverse("imports:confirm", kwargs={"pk": upload.pk}), {"fingerprint": fingerprint})
    assert response.status_code == 200
    assert "ข้อมูลในระบบเปลี่ยนไปหลังจากแสดงตัวอย่าง" in response.content.decode()
    assert "1,500.00" in response.content.decode()
    allocation.refresh_from_db()
    assert allocation.amount == Decimal("1500")
    new_fingerprint = response.context["check"].fingerprint
    client.post(reverse("imports:confirm", kwargs={"pk": upload.pk}), {"fingerprint": new_fingerprint})
    allocation.refresh_from_db()
    assert allocation.amount == Decimal("2000")


def _preview_queries(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.planner)
    ImportUpload.objects.all().delete()
    _upload(client, build_plan_workbook(world.plan, with_data=True))
    upload = ImportUpload.objects.get()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("imports:preview", kwargs={"pk": upload.pk})).status_code == 200
    return len(queries)


def test_it_previews_a_plan_in_a_number_of_queries_that_does_not_grow_with_it(client, world):
    from tests import factories

    def add_projects(count):
        for _ in range(count):
            project = factories.ProjectFactory(
                action_plan=world.plan, group=world.group, strategy=world.strategy
            )
            factories.ActivityFactory(project=project)
            factories.IndicatorFactory(project=project)
            factories.AllocationFactory(project=project)
            factories.SpendingPlanFactory(project=project)

    add_projects(1)
    few = _preview_queries(client, world)
    add_projects(10)
    assert _preview_queries(client, world) == few
