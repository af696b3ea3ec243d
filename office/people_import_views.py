"""Bulk add from the people workbook: template → upload → preview → confirm (the planner only)."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from office.people_import import (
    PeopleImportInvalid,
    PreviewOutdated,
    check_people_import,
    people_import_apply,
    people_upload_create,
)
from office.people_sheet import build_people_workbook
from office.people_views import MEMBERS
from plans.access import member_or_404, require_planner
from plans.interface_digits import digits_for_user, number, phrase
from projects.models import ImportKind, ImportUpload
from projects.workbooks.forms import WorkbookUploadForm
from projects.workbooks.views import XLSX

ADDED_ONCE = "tidtam_people_added"


def _load_upload(request, pk):
    # Someone else's upload does not exist for you, whatever your role (issue #11, L6): 404 before 403.
    membership = member_or_404(request.user)
    upload = ImportUpload.objects.filter(
        pk=pk, kind=ImportKind.PEOPLE, uploaded_by=request.user, office=membership.office
    ).first()
    if upload is None:
        raise Http404("ไม่พบไฟล์ที่อัปโหลด")
    require_planner(request.user)
    return upload


@login_required
def template(request):
    membership = require_planner(request.user)
    members = MEMBERS.filter(office=membership.office, user__is_active=True).order_by(
        "group__display_order", "user__username"
    )
    response = HttpResponse(build_people_workbook(membership.office, members=members), content_type=XLSX)
    name = f"บุคลากร-{membership.office.short_name}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def upload(request):
    membership = require_planner(request.user)
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    check = None
    if request.method == "POST" and form.is_valid():
        name, data = form.cleaned_data["file"].name, form.cleaned_data["data"]
        check = check_people_import(office=membership.office, file_name=name, data=data)
        if check.ok:
            saved = people_upload_create(user=request.user, office=membership.office, file_name=name, data=data)
            return redirect("office:people_preview", pk=saved.pk)
        messages.error(request, "ไฟล์มีข้อผิดพลาด ยังไม่ได้บันทึกข้อมูลใด กรุณาแก้ไขตามรายการด้านล่างแล้วอัปโหลดอีกครั้ง")
    added = request.session.pop(ADDED_ONCE, None)
    return render(request, "office/people_upload.html", {"form": form, "check": check, "added": added})


@login_required
def preview(request, pk):
    saved = _load_upload(request, pk)
    check = check_people_import(office=saved.office, file_name=saved.file_name, data=bytes(saved.content))
    return render(request, "office/people_preview.html", {"upload": saved, "check": check})


@require_POST
@login_required
def confirm(request, pk):
    saved = _load_upload(request, pk)
    try:
        check, added = people_import_apply(
            office=saved.office, file_name=saved.file_name, data=bytes(saved.content), user=request.user,
            expected_fingerprint=request.POST.get("fingerprint") or None,
        )
    except PreviewOutdated as outdated:
        messages.warning(request, str(outdated))
        return render(request, "office/people_preview.html", {"upload": saved, "check": outdated.check})
    except PeopleImportInvalid as invalid:
        messages.error(request, "ข้อมูลในระบบหรือไฟล์มีปัญหา ระบบยังไม่ได้บันทึกข้อมูลใด กรุณาตรวจสอบรายการด้านล่าง")
        return render(request, "office/people_preview.html", {"upload": saved, "check": invalid.check})
    saved.delete()
    request.session[ADDED_ONCE] = [
        {"username": m.user.username, "name": m.user.get_full_name(), "password": password} for m, password in added
    ]
    digits = digits_for_user(request.user)
    messages.success(request, phrase(digits, "นำเข้าเรียบร้อย: เพิ่ม {a} คน แก้ไข {b} คน คงเดิม {c} คน",
                                     a=number(digits, len(check.created)), b=number(digits, len(check.updated)),
                                     c=number(digits, len(check.unchanged))))
    return redirect("office:people_upload")
