"""Excel in and out: the plan template and export, uploads with a preview, and quarter results sheets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plans.access import NOT_YOURS, is_planner, member_or_404, plan_or_404, require_role
from plans.downloads import XLSX, file_response
from plans.interface_digits import digits_for_user, number, phrase
from plans.models import Role
from projects.models import ImportKind, ImportUpload
from projects.workbooks.forms import WorkbookUploadForm
from projects.workbooks.plan_import import (
    PlanImportInvalid,
    PreviewOutdated,
    check_plan_import,
    plan_import_apply,
)
from projects.workbooks.plan_workbook import build_plan_workbook, plan_file_name
from projects.workbooks.results_import import (
    ResultsImportInvalid,
    check_results_import,
    results_import_apply,
)
from projects.workbooks.results_workbook import (
    build_results_workbook,
    results_file_name,
    results_projects,
)
from projects.workbooks.uploads import import_upload_create, import_upload_mark_applied


def _xlsx(data, file_name):
    return file_response(data, XLSX, file_name)


def _require_results_access(user, plan, quarter):
    """Planners report for every project, owners for their own; anyone else may not (403)."""
    if quarter not in (1, 2, 3, 4):
        raise Http404("ไม่มีไตรมาสนี้")
    if not is_planner(user, plan.office) and not results_projects(user, plan).exists():
        raise PermissionDenied(NOT_YOURS)


def _load_upload(request, pk):
    """An upload is seen only by the person who uploaded it, in their office (404 otherwise)."""
    membership = member_or_404(request.user)
    upload = (
        ImportUpload.objects.select_related("action_plan__office", "action_plan__fiscal_year")
        .filter(pk=pk, uploaded_by=request.user, action_plan__office_id=membership.office_id)
        .first()
    )
    if upload is None:
        raise Http404("ไม่พบไฟล์ที่อัปโหลด")
    if upload.kind == ImportKind.PLAN:
        require_role(request.user, Role.PLANNER)
    else:
        _require_results_access(request.user, upload.action_plan, upload.quarter)
    return upload


def _check(upload, user):
    data = bytes(upload.content)
    if upload.kind == ImportKind.PLAN:
        return check_plan_import(action_plan=upload.action_plan, file_name=upload.file_name, data=data)
    return check_results_import(
        user=user,
        action_plan=upload.action_plan,
        quarter=upload.quarter,
        file_name=upload.file_name,
        data=data,
    )


@login_required
def index(request):
    plan = plan_or_404(request)
    return render(
        request,
        "imports/index.html",
        {
            "plan": plan,
            "is_planner": is_planner(request.user, plan.office),
            "reports_results": results_projects(request.user, plan).exists(),
            "quarters": [1, 2, 3, 4],
        },
    )


@login_required
def plan_template(request):
    require_role(request.user, Role.PLANNER)
    plan = plan_or_404(request)
    return _xlsx(build_plan_workbook(plan, with_data=False), plan_file_name(plan, with_data=False))


@login_required
def plan_export(request):
    require_role(request.user, Role.PLANNER)
    plan = plan_or_404(request)
    return _xlsx(build_plan_workbook(plan, with_data=True), plan_file_name(plan, with_data=True))


@login_required
def plan_upload(request):
    require_role(request.user, Role.PLANNER)
    plan = plan_or_404(request)
    return _upload(request, plan, ImportKind.PLAN, None)


@login_required
def results_export(request, quarter):
    plan = plan_or_404(request)
    _require_results_access(request.user, plan, quarter)
    return _xlsx(build_results_workbook(request.user, plan, quarter), results_file_name(plan, quarter))


@login_required
def results_upload(request, quarter):
    plan = plan_or_404(request)
    _require_results_access(request.user, plan, quarter)
    return _upload(request, plan, ImportKind.RESULTS, quarter)


def _upload(request, plan, kind, quarter):
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    check = None
    if request.method == "POST" and form.is_valid():
        name, data = form.cleaned_data["file"].name, form.cleaned_data["data"]
        if kind == ImportKind.PLAN:
            check = check_plan_import(action_plan=plan, file_name=name, data=data)
        else:
            check = check_results_import(
                user=request.user, action_plan=plan, quarter=quarter, file_name=name, data=data
            )
        if check.ok:
            upload = import_upload_create(
                user=request.user, action_plan=plan, kind=kind, quarter=quarter, file_name=name, data=data
            )
            return redirect("imports:preview", pk=upload.pk)
        messages.error(request, "ไฟล์มีข้อผิดพลาด ยังไม่ได้บันทึกข้อมูลใด กรุณาแก้ไขตามรายการด้านล่างแล้วอัปโหลดอีกครั้ง")
    return render(
        request,
        "imports/upload.html",
        {
            "plan": plan,
            "form": form,
            "check": check,
            "kind": kind,
            "quarter": quarter,
        },
    )


@login_required
def preview(request, pk):
    upload = _load_upload(request, pk)
    return _render_preview(request, upload, _check(upload, request.user))


def _render_preview(request, upload, check):
    return render(
        request, "imports/preview.html", {"upload": upload, "plan": upload.action_plan, "check": check}
    )


@login_required
@require_POST
def confirm(request, pk):
    upload = _load_upload(request, pk)
    # The preview's digest: if the database moved since, the user sees the new preview first. A
    # confirm without it did not come from a preview, and is refused.
    expected = request.POST.get("fingerprint") or None
    if expected is None:
        messages.error(request, "กรุณาตรวจสอบรายการที่จะเปลี่ยนแปลงในหน้านี้ แล้วกด “ยืนยันนำเข้า” จากหน้านี้")
        return _render_preview(request, upload, _check(upload, request.user))
    with transaction.atomic():
        # One confirm at a time per upload; an applied file is never applied again.
        upload = ImportUpload.objects.select_for_update(of=("self",)).select_related(
            "action_plan__office", "action_plan__fiscal_year").get(pk=upload.pk)
        if upload.applied_at is not None:
            messages.error(
                request,
                phrase(digits_for_user(request.user), "ไฟล์ “{name}” นำเข้าไปแล้วเมื่อ {when} ระบบไม่นำเข้าซ้ำ "
                       "(จะทับการแก้ไขที่ทำหลังจากนั้น) หากต้องการนำเข้าอีกครั้ง กรุณาอัปโหลดไฟล์ใหม่",
                       name=upload.file_name, when=upload.applied_at),
            )
            return redirect(f"{reverse('imports:index')}?year={upload.action_plan.fiscal_year.be_year}")
        check, response = _apply(request, upload, expected)
        if response is not None:
            return response
    digits = digits_for_user(request.user)
    messages.success(request, phrase(digits, "นำเข้าเรียบร้อย: เพิ่ม {a} รายการ แก้ไข {b} รายการ คงเดิม {c} รายการ",
                                     a=number(digits, len(check.created)), b=number(digits, len(check.updated)),
                                     c=number(digits, len(check.unchanged))))
    if upload.kind == ImportKind.RESULTS:
        # The imported reports are still drafts: next, send them together (issue #19).
        return redirect("imports:submit_drafts", pk=upload.pk)
    return redirect(f"{reverse('imports:index')}?year={upload.action_plan.fiscal_year.be_year}")


def _apply(request, upload, expected):
    """Apply the upload: (its check, None), or (None, the page to show) when nothing was written."""
    data = bytes(upload.content)
    try:
        if upload.kind == ImportKind.PLAN:
            check = plan_import_apply(
                action_plan=upload.action_plan,
                file_name=upload.file_name,
                data=data,
                user=request.user,
                expected_fingerprint=expected,
            )
        else:
            check = results_import_apply(
                user=request.user,
                action_plan=upload.action_plan,
                quarter=upload.quarter,
                file_name=upload.file_name,
                data=data,
                expected_fingerprint=expected,
            )
    except PreviewOutdated as outdated:
        messages.warning(request, str(outdated))
        return None, _render_preview(request, upload, outdated.check)
    except (PlanImportInvalid, ResultsImportInvalid) as invalid:
        messages.error(request, "ข้อมูลในระบบหรือไฟล์มีปัญหา ระบบยังไม่ได้บันทึกข้อมูลใด กรุณาตรวจสอบรายการด้านล่าง")
        return None, _render_preview(request, upload, invalid.check)
    import_upload_mark_applied(upload=upload)
    return check, None
