"""The planner's people pages: list, add, edit, deactivate, passwords.

Only the office's planner reaches them (403 for other members, 404 for another office's person).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from office import people_services as services
from office.people_forms import TITLE_CHOICES, PeopleFilterForm, PersonForm
from plans.access import load_in_office, require_planner
from plans.interface_digits import digits_for_user, shown_message
from plans.models import Group, Membership
from plans.views import add_errors

MEMBERS = Membership.objects.select_related("user", "group", "office")
SHOWN_ONCE = "tidtam_temporary_password"


def _load_person(user, pk):
    return load_in_office(user, MEMBERS, pk, office_path="office", for_write=True)


def _remember_password(request, membership, password):
    """The temporary password is shown on the next page once, then forgotten."""
    request.session[SHOWN_ONCE] = {"pk": membership.pk, "password": password}


@login_required
def people(request):
    membership = require_planner(request.user)
    form = PeopleFilterForm(request.GET or None, office=membership.office)
    members = MEMBERS.filter(office=membership.office).order_by(
        "group__display_order", "user__first_name", "user__last_name"
    )
    show = "active"
    if form.is_valid():
        show = form.cleaned_data["show"] or "active"
        if form.cleaned_data["group"]:
            members = members.filter(group=form.cleaned_data["group"])
        words = form.cleaned_data["q"].split()
        for word in words:
            members = members.filter(
                Q(user__username__icontains=word) | Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word) | Q(position__icontains=word)
                | Q(user__email__icontains=word)
            )
    if show != "all":
        members = members.filter(user__is_active=show == "active")
    heads = dict(Group.objects.filter(office=membership.office, head__isnull=False).values_list("head_id", "name"))
    return render(
        request,
        "office/people.html",
        {"members": list(members), "form": form, "show": show, "heads": heads},
    )


@login_required
def person_create(request):
    membership = require_planner(request.user)
    form = PersonForm(request.POST or None, office=membership.office)
    if request.method == "POST" and form.is_valid():
        try:
            person, password = services.person_create(office=membership.office, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            _remember_password(request, person, password)
            messages.success(request, f"เพิ่ม {person.user.get_full_name()} แล้ว")
            return redirect("office:person_edit", pk=person.pk)
    return render(
        request, "office/person_form.html", {"form": form, "title": "เพิ่มบุคลากร", "titles": TITLE_CHOICES}
    )


@login_required
def person_edit(request, pk):
    person = _load_person(request.user, pk)
    form = PersonForm(request.POST or None, initial=PersonForm.initial_of(person), office=person.office)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(membership=person, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"บันทึกข้อมูลของ {person.user.get_full_name()} แล้ว")
            return redirect("office:people")
    shown = request.session.pop(SHOWN_ONCE, None)
    password = shown["password"] if shown and shown.get("pk") == person.pk else None
    history = person.history.select_related("history_user").order_by("-history_date")[:20]
    return render(
        request,
        "office/person_form.html",
        {
            "form": form,
            "title": f"ข้อมูลบุคลากร: {person.user.get_full_name() or person.user.username}",
            "person": person,
            "password": password,
            "history": history,
            "titles": TITLE_CHOICES,
        },
    )


def _act(request, pk, action, done):
    person = _load_person(request.user, pk)
    try:
        result = action(membership=person, by=request.user)
    except ValidationError as error:
        messages.error(request, shown_message(digits_for_user(request.user), " ".join(error.messages)))
    else:
        messages.success(request, done.format(name=person.user.get_full_name() or person.user.username))
        return person, result
    return person, None


@require_POST
@login_required
def person_deactivate(request, pk):
    _act(request, pk, services.person_deactivate,
         "ปิดการใช้งานบัญชีของ {name} แล้ว ชื่อยังคงปรากฏในโครงการและประวัติการแก้ไขเดิม")
    return redirect("office:person_edit", pk=pk)


@require_POST
@login_required
def person_reactivate(request, pk):
    _act(request, pk, services.person_reactivate, "เปิดการใช้งานบัญชีของ {name} แล้ว")
    return redirect("office:person_edit", pk=pk)


@require_POST
@login_required
def person_password(request, pk):
    person, password = _act(
        request, pk, services.person_reset_password,
        "ตั้งรหัสผ่านชั่วคราวของ {name} แล้ว แจ้งรหัสนี้แก่เจ้าของบัญชี ระบบจะให้เปลี่ยนเมื่อเข้าสู่ระบบครั้งแรก",
    )
    if password:
        _remember_password(request, person, password)
    return redirect("office:person_edit", pk=pk)


@require_POST
@login_required
def person_send_link(request, pk):
    def send(membership, by):
        services.person_send_reset_link(membership=membership, by=by, base_url=request.build_absolute_uri("/"))

    _act(request, pk, send, "ส่งลิงก์ตั้งรหัสผ่าน (ใช้ได้ครั้งเดียว) ไปที่อีเมลของ {name} แล้ว")
    return redirect("office:person_edit", pk=pk)
