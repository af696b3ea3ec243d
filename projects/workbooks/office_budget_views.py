"""The office's budget by expenditure category in Excel (issue #17): download the workbook with the
current figures, upload it, preview the table it will make, confirm (all or nothing). Finance and the
planner only (403 for other members); another office's upload is 404, and an upload is seen only by
the person who uploaded it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from budget.office_budget import office_budget_record, office_budget_table
from budget.office_budget_services import as_of_default, office_budget_set
from budget.views import WRITERS
from plans.access import member_or_404, plan_or_404, require_role
from plans.concurrency import StaleEdit
from plans.form_bounds import posted_int
from projects.models import ImportKind, ImportUpload
from projects.workbooks.cells import Problem
from projects.workbooks.files import BadFile
from projects.workbooks.forms import WorkbookUploadForm
from projects.workbooks.office_budget_workbook import (
    OfficeBudgetCheck,
    build_office_budget_workbook,
    check_office_budget_file,
    office_budget_file_name,
)
from projects.workbooks.uploads import import_upload_create, import_upload_mark_applied
from projects.workbooks.views import _xlsx

CHANGED_SINCE = ("งบประมาณของสำนักงานปีนี้ถูกบันทึกโดยผู้อื่นหลังจากที่คุณอัปโหลดไฟล์ ระบบยังไม่ได้บันทึกข้อมูลใด "
                 "กรุณาตรวจสอบตัวเลขปัจจุบันด้านล่างแล้วกดยืนยันอีกครั้ง")


def _plan(request):
    plan = plan_or_404(request)
    require_role(request.user, *WRITERS)
    return plan


def _upload(request, pk):
    membership = member_or_404(request.user)
    upload = (ImportUpload.objects.select_related("action_plan__fiscal_year", "action_plan__office")
              .filter(pk=pk, kind=ImportKind.OFFICE_BUDGET, action_plan__office_id=membership.office_id).first())
    if upload is None or upload.uploaded_by_id != request.user.pk:
        raise Http404("ไม่พบไฟล์ที่อัปโหลด")  # another office's or another person's upload
    require_role(request.user, *WRITERS)
    return upload


def _page(plan):
    return f"{reverse('budget:office_budget')}?year={plan.fiscal_year.be_year}"


@login_required
def office_budget_export(request):
    plan = _plan(request)
    record = office_budget_record(office=plan.office, fiscal_year=plan.fiscal_year)
    be_year = plan.fiscal_year.be_year
    data = build_office_budget_workbook(be_year=be_year, office_name=plan.office.name, record=record,
                                        as_of=record.as_of if record else as_of_default(be_year))
    return _xlsx(data, office_budget_file_name(be_year))


@login_required
def office_budget_upload(request):
    plan = _plan(request)
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    check = None
    if request.method == "POST" and form.is_valid():
        name, data = form.cleaned_data["file"].name, form.cleaned_data["data"]
        try:
            check = check_office_budget_file(file_name=name, data=data, be_year=plan.fiscal_year.be_year)
        except BadFile as error:
            form.add_error("file", str(error))
        else:
            if check.ok:
                upload = import_upload_create(user=request.user, action_plan=plan, kind=ImportKind.OFFICE_BUDGET,
                                              file_name=name, data=data)
                return redirect("imports:office_budget_preview", pk=upload.pk)
            messages.error(request, "ไฟล์มีข้อผิดพลาด ยังไม่ได้บันทึกข้อมูลใด กรุณาแก้ไขตามรายการด้านล่างแล้วอัปโหลดอีกครั้ง")
    return render(request, "imports/office_budget_upload.html", {"plan": plan, "form": form, "check": check})


def _preview(request, upload, *, status=200):
    plan = upload.action_plan
    try:
        check = check_office_budget_file(file_name=upload.file_name, data=bytes(upload.content),
                                         be_year=plan.fiscal_year.be_year)
    except BadFile as error:
        check = OfficeBudgetCheck(problems=[Problem(str(error))])
    current = office_budget_table(office=plan.office, fiscal_year=plan.fiscal_year)
    return render(request, "imports/office_budget_preview.html", {
        "upload": upload, "plan": plan, "check": check, "current": current,
        "new": check.table(plan.fiscal_year.be_year) if check.ok else None,
        "version": current.version if current else 0,
    }, status=status)


@login_required
def office_budget_preview(request, pk):
    return _preview(request, _upload(request, pk))


@login_required
@require_POST
def office_budget_confirm(request, pk):
    upload = _upload(request, pk)
    plan = upload.action_plan
    version = request.POST.get("version", "")
    if posted_int(version, "PositiveIntegerField") is None:
        messages.warning(request, "หน้านี้ไม่ได้ส่งรุ่นของข้อมูลมาด้วย กรุณาตรวจสอบตัวอย่างแล้วกดยืนยันอีกครั้ง")
        return _preview(request, upload)
    try:
        check = check_office_budget_file(file_name=upload.file_name, data=bytes(upload.content),
                                         be_year=plan.fiscal_year.be_year)
        if not check.ok:
            raise ValidationError("invalid")
        office_budget_set(office=plan.office, fiscal_year=plan.fiscal_year, as_of=check.as_of, lines=check.lines,
                          user=request.user, expected_version=int(version),
                          reason=f"นำเข้าจาก Excel: {upload.file_name}")
    except StaleEdit:
        messages.warning(request, CHANGED_SINCE)
        return _preview(request, upload)
    except (ValidationError, BadFile):
        messages.error(request, "ข้อมูลในไฟล์มีปัญหา ระบบยังไม่ได้บันทึกข้อมูลใด กรุณาตรวจสอบรายการด้านล่าง")
        return _preview(request, upload)
    import_upload_mark_applied(upload=upload)
    messages.success(request, "นำเข้างบประมาณของสำนักงานตามงบรายจ่ายจาก Excel เรียบร้อย")
    return redirect(_page(plan))
