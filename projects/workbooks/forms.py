"""The upload form of the plan and results imports."""

from django import forms
from django.utils.translation import gettext_lazy as _

from projects.workbooks.files import MAX_FILE_BYTES, BadFile, check_upload


class WorkbookUploadForm(forms.Form):
    file = forms.FileField(
        label=_("ไฟล์ Excel (.xlsx)"),
        help_text=_("ใช้แม่แบบหรือไฟล์ที่ส่งออกจากระบบ ขนาดไม่เกิน 10 MB"),
        error_messages={"required": _("กรุณาเลือกไฟล์ .xlsx ที่จะนำเข้า"), "empty": _("ไฟล์ว่างเปล่า กรุณาเลือกไฟล์ใหม่")},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("ไฟล์ใหญ่เกิน 10 MB กรุณาลบแผ่นงานหรือรูปภาพที่ไม่ใช้ออก"))
        data = upload.read()
        try:
            check_upload(upload.name, data)
        except BadFile as error:
            raise forms.ValidationError(str(error)) from None
        self.cleaned_data["data"] = data
        return upload
