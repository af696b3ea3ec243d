"""The national administrator's page: create an office with its first planner (a deployment hosting
many offices). A national administrator holds the permission plans.add_office, given by
`manage.py national_admin USERNAME`; nobody else reaches the page (403)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from office.office_services import office_create
from plans.models import Office
from plans.views import add_errors

CREATED_ONCE = "tidtam_office_created"


class OfficeCreateForm(forms.Form):
    name = forms.CharField(label=_("ชื่อเต็มของหน่วยงาน"), max_length=200,
                           help_text=_("เช่น สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครปฐม เขต 1"))
    short_name = forms.CharField(label=_("ชื่อย่อ"), max_length=60, help_text=_("เช่น สพป.นครปฐม เขต 1"))
    standard_groups = forms.BooleanField(label=_("สร้างกลุ่มตามโครงสร้าง สพท. (แก้ไขภายหลังได้)"), required=False,
                                         initial=True)
    planner_username = forms.CharField(label=_("ชื่อผู้ใช้ของนักวิเคราะห์นโยบายและแผนคนแรก"), max_length=150)
    planner_title = forms.CharField(label=_("คำนำหน้าชื่อ"), max_length=50, required=False)
    planner_first_name = forms.CharField(label=_("ชื่อ"), max_length=100)
    planner_last_name = forms.CharField(label=_("นามสกุล"), max_length=150, required=False)
    planner_email = forms.EmailField(label=_("อีเมล"), required=False)


@login_required
@permission_required("plans.add_office", raise_exception=True)
def office_new(request):
    form = OfficeCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            office, membership, password = office_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            request.session[CREATED_ONCE] = {
                "office": office.name, "username": membership.user.username, "password": password,
            }
            messages.success(request, f"สร้าง {office.name} แล้ว")
            return redirect("office:office_new")
    created = request.session.pop(CREATED_ONCE, None)
    offices = Office.objects.order_by("name")
    return render(request, "office/office_new.html", {"form": form, "created": created, "offices": offices})
