"""The development plan in Excel: template, export, upload with a preview, and confirm (planners only;
another office's plan or upload answers 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from plans.access import load_in_office, member_or_404, require_planner
from plans.interface_digits import digits_for_user, number, phrase
from plans.models import DevelopmentPlan
from projects.models import ImportKind, ImportUpload
from projects.workbooks.devplan_import import DevplanImportInvalid, check_devplan_import, devplan_import_apply
from projects.workbooks.devplan_workbook import build_devplan_workbook, devplan_file_name
from projects.workbooks.forms import WorkbookUploadForm
from projects.workbooks.plan_import import PreviewOutdated
from projects.workbooks.uploads import import_upload_create, import_upload_mark_applied
from projects.workbooks.views import _xlsx


def _plan(request, pk):
    # Another office's plan is 404 for every role; a member who may not write gets 403.
    return load_in_office(request.user, DevelopmentPlan.objects.select_related("office"), pk, office_path="office",
                          for_write=True)


def _upload(request, pk):
    membership = member_or_404(request.user)
    upload = (ImportUpload.objects.select_related("development_plan__office")
              .filter(pk=pk, kind=ImportKind.DEVPLAN, development_plan__office_id=membership.office_id).first())
    if upload is None:
        raise Http404("ไม่พบไฟล์ที่อัปโหลด")  # another office's upload: 404 for every role
    require_planner(request.user)
    if upload.uploaded_by_id != request.user.pk:
        raise Http404("ไม่พบไฟล์ที่อัปโหลด")
    return upload


@login_required
def devplan_template(request, pk):
    plan = _plan(request, pk)
    return _xlsx(build_devplan_workbook(plan, with_data=False), devplan_file_name(plan, with_data=False))


@login_required
def devplan_export(request, pk):
    plan = _plan(request, pk)
    return _xlsx(build_devplan_workbook(plan, with_data=True), devplan_file_name(plan, with_data=True))


@login_required
def devplan_upload(request, pk):
    plan = _plan(request, pk)
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    check = None
    if request.method == "POST" and form.is_valid():
        name, data = form.cleaned_data["file"].name, form.cleaned_data["data"]
        check = check_devplan_import(plan=plan, file_name=name, data=data)
        if check.ok:
            upload = import_upload_create(user=request.user, action_plan=None, development_plan=plan,
                                          kind=ImportKind.DEVPLAN, file_name=name, data=data)
            return redirect("imports:devplan_preview", pk=upload.pk)
        messages.error(request, "ไฟล์มีข้อผิดพลาด ยังไม่ได้บันทึกข้อมูลใด กรุณาแก้ไขตามรายการด้านล่างแล้วอัปโหลดอีกครั้ง")
    return render(request, "imports/devplan_upload.html", {"plan": plan, "form": form, "check": check})


def _preview(request, upload, check):
    return render(request, "imports/devplan_preview.html",
                  {"upload": upload, "plan": upload.development_plan, "check": check})


@login_required
def devplan_preview(request, pk):
    upload = _upload(request, pk)
    member_or_404(request.user)
    return _preview(request, upload, check_devplan_import(
        plan=upload.development_plan, file_name=upload.file_name, data=bytes(upload.content)))


@login_required
@require_POST
def devplan_confirm(request, pk):
    upload = _upload(request, pk)
    try:
        check = devplan_import_apply(plan=upload.development_plan, file_name=upload.file_name,
                                     data=bytes(upload.content), user=request.user,
                                     expected_fingerprint=request.POST.get("fingerprint") or None)
    except PreviewOutdated as outdated:
        messages.warning(request, str(outdated))
        return _preview(request, upload, outdated.check)
    except DevplanImportInvalid as invalid:
        messages.error(request, "ข้อมูลในระบบหรือไฟล์มีปัญหา ระบบยังไม่ได้บันทึกข้อมูลใด กรุณาตรวจสอบรายการด้านล่าง")
        return _preview(request, upload, invalid.check)
    import_upload_mark_applied(upload=upload)
    digits = digits_for_user(request.user)
    messages.success(request, phrase(digits, "นำเข้าเรียบร้อย: เพิ่ม {a} รายการ แก้ไข {b} รายการ คงเดิม {c} รายการ",
                                     a=number(digits, len(check.created)), b=number(digits, len(check.updated)),
                                     c=number(digits, len(check.unchanged))))
    return redirect("plans:devplan_detail", upload.development_plan_id)
