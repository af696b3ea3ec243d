"""Forms of the people pages. Labels are Thai; rules live in office/people_services.py."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from plans.models import Group, Role
from plans.people_lookup import without_title

TITLE_CHOICES = ["นาย", "นาง", "นางสาว", "ดร.", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง"]


class PersonForm(forms.Form):
    username = forms.CharField(
        label=_("ชื่อผู้ใช้ (ใช้เข้าสู่ระบบ)"), max_length=150,
        help_text=_("ตัวอักษรภาษาอังกฤษหรือตัวเลข เช่น somchai.s"),
    )
    title = forms.CharField(
        label=_("คำนำหน้าชื่อ"), max_length=50, required=False,
        widget=forms.TextInput(attrs={"list": "title-choices"}),
        help_text=_("เช่น นาย นาง นางสาว ดร."),
    )
    first_name = forms.CharField(label=_("ชื่อ"), max_length=100)
    last_name = forms.CharField(label=_("นามสกุล"), max_length=150, required=False)
    position = forms.CharField(label=_("ตำแหน่ง"), max_length=200, required=False,
                               help_text=_("เช่น นักวิเคราะห์นโยบายและแผนชำนาญการ"))
    email = forms.EmailField(label=_("อีเมล"), required=False,
                             help_text=_("ใช้ส่งลิงก์ตั้งรหัสผ่านและการแจ้งเตือน"))
    group = forms.ModelChoiceField(label=_("กลุ่ม"), queryset=Group.objects.none(), required=False,
                                   empty_label=_("(ไม่สังกัดกลุ่ม)"))
    role = forms.ChoiceField(
        label=_("บทบาทหลัก"), choices=Role.choices, initial=Role.STAFF,
        help_text=_("กำหนดหน้าแรกหลังเข้าสู่ระบบ ผู้รับผิดชอบโครงการใช้บทบาท “บุคลากร” "
                    "ผู้ที่เป็นเจ้าของโครงการแก้ไขและรายงานโครงการของตนได้ไม่ว่าจะมีบทบาทใด"),
    )
    extra_roles = forms.MultipleChoiceField(
        label=_("บทบาทเพิ่มเติม"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(value, label) for value, label in Role.choices if value != Role.STAFF],
        help_text=_("เช่น ผู้อำนวยการกลุ่มที่ทำหน้าที่การเงินด้วย สิทธิ์ของทุกบทบาทรวมกัน"),
    )

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = Group.objects.filter(office=office)

    @classmethod
    def initial_of(cls, membership):
        user = membership.user
        first = user.first_name
        if membership.title and first.startswith(membership.title):
            first = first[len(membership.title):]
        elif not membership.title:
            first = without_title(first)
        return {
            "username": user.username,
            "title": membership.title or user.first_name[: len(user.first_name) - len(first)],
            "first_name": first,
            "last_name": user.last_name,
            "position": membership.position,
            "email": user.email,
            "group": membership.group_id,
            "role": membership.role,
            "extra_roles": list(membership.extra_roles or []),
        }


SMALL_SELECT = {"class": "form-select form-select-sm"}


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("ค้นหา"), required=False)
    group = forms.ModelChoiceField(label=_("กลุ่ม"), queryset=Group.objects.none(), required=False,
                                   empty_label=_("ทุกกลุ่ม"),
                                   widget=forms.Select(attrs={**SMALL_SELECT, "aria-label": _("กลุ่ม")}))
    show = forms.ChoiceField(
        label=_("สถานะ"), required=False, widget=forms.Select(attrs={**SMALL_SELECT, "aria-label": _("สถานะบัญชี")}),
        choices=[("active", _("ใช้งานอยู่")), ("inactive", _("ปิดการใช้งาน")), ("all", _("ทั้งหมด"))],
    )

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = Group.objects.filter(office=office)


def users_of_office(office):
    return get_user_model().objects.filter(memberships__office=office)
