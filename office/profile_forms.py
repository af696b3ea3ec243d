"""The office profile form and its deputy directors. Labels are Thai."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from plans.models import Office, OfficeDeputy

MAX_LOGO_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG"}


class OfficeProfileForm(forms.ModelForm):
    website = forms.URLField(
        label=_("เว็บไซต์"), required=False, max_length=200, assume_scheme="https",
        help_text=_("เช่น https://www.sksarea.go.th"),
        error_messages={"invalid": _("กรุณากรอกที่อยู่เว็บไซต์ให้ครบ เช่น https://www.sksarea.go.th")},
    )

    class Meta:
        model = Office
        fields = [
            "name", "short_name", "parent_agencies", "address", "phones", "website", "email", "logo",
            "director_name", "director_position", "interface_digits",
        ]
        widgets = {
            "parent_agencies": forms.Textarea(attrs={"rows": 3}),
            "address": forms.Textarea(attrs={"rows": 3}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
            "interface_digits": forms.RadioSelect,
        }
        help_texts = {
            "name": _("พิมพ์บนปกและปกหลังของเล่มรายงาน เช่น สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร"),
            "short_name": _("ใช้ในเมนูและชื่อไฟล์ เช่น สพป.สมุทรสาคร"),
            "parent_agencies": _("บรรทัดละหนึ่งหน่วยงาน เรียงจากหน่วยงานที่ใกล้ที่สุด พิมพ์ใต้ชื่อหน่วยงานบนปก"),
            "phones": _("เช่น 0 3442 1234, 0 3442 5678"),
            "logo": _("ไฟล์ PNG หรือ JPEG ไม่เกิน 1 MB พิมพ์บนปกเล่มรายงาน"),
        }
        error_messages = {
            "name": {"unique": _("มีหน่วยงานชื่อนี้ในระบบแล้ว กรุณาตรวจสอบชื่อเต็มของหน่วยงาน")},
            "email": {"invalid": _("อีเมลไม่ถูกต้อง เช่น saraban@sksarea.go.th")},
            "logo": {"invalid_image": _("ไฟล์นี้ไม่ใช่รูปภาพหรือเสียหาย กรุณาเลือกไฟล์ PNG หรือ JPEG")},
            "interface_digits": {"invalid_choice": _("กรุณาเลือกตัวเลขบนหน้าจอ: เลขไทยหรือเลขอารบิก")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left out of a post (a form saved before the choice existed): the office keeps its digits.
        self.fields["interface_digits"].required = False

    def clean_interface_digits(self):
        return self.cleaned_data.get("interface_digits") or self.instance.interface_digits

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        image = getattr(logo, "image", None)  # set by Django when a new file was uploaded and Pillow read it
        if image is None:
            return logo
        if logo.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(_("ไฟล์ตราสัญลักษณ์ใหญ่เกิน 1 MB กรุณาย่อขนาดรูปก่อน"))
        if image.format not in LOGO_FORMATS:
            raise forms.ValidationError(_("ตราสัญลักษณ์ต้องเป็นไฟล์ PNG หรือ JPEG"))
        return logo


DeputyFormSet = inlineformset_factory(
    Office, OfficeDeputy, fields=["name", "position", "display_order"], extra=2, can_delete=True,
)
