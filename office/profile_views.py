"""The office profile page: the planner keeps what every booklet cover prints."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from office.profile_forms import DeputyFormSet, OfficeProfileForm
from office.profile_services import office_profile_update
from plans.access import require_planner


@login_required
def profile(request):
    membership = require_planner(request.user)
    office = membership.office
    form = OfficeProfileForm(request.POST or None, request.FILES or None, instance=office)
    deputies = DeputyFormSet(request.POST or None, instance=office, prefix="deputies")
    if request.method == "POST":
        if form.is_valid() and deputies.is_valid():
            office_profile_update(form=form, deputies=deputies, by=request.user)
            messages.success(request, "บันทึกข้อมูลหน่วยงานแล้ว ข้อมูลใหม่จะพิมพ์ในเล่มรายงานที่สร้างต่อจากนี้")
            return redirect("office:profile")
        messages.error(request, "ยังไม่ได้บันทึก กรุณาแก้ไขช่องที่มีข้อความสีแดง")
        office.refresh_from_db()
    history = office.history.select_related("history_user").order_by("-history_date")[:15]
    return render(request, "office/profile.html", {"form": form, "deputies": deputies, "office": office,
                                                   "history": history})
