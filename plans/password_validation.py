"""Django's four password validators, unchanged in what they check, with Thai messages that say what
to fix (Django has no Thai translation of them)."""

from django.contrib.auth import password_validation as base
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError


def _thai(validator, message, code):
    def validate(self, password, user=None):
        try:
            validator.validate(self, password, user)
        except ValidationError:
            raise ValidationError(message(self), code=code) from None
    return validate


class UserAttributeSimilarityValidator(base.UserAttributeSimilarityValidator):
    validate = _thai(base.UserAttributeSimilarityValidator,
                     lambda self: "รหัสผ่านคล้ายชื่อผู้ใช้ ชื่อ หรืออีเมลของคุณมากเกินไป กรุณาตั้งรหัสที่ต่างออกไป",
                     "password_too_similar")

    def get_help_text(self):
        return "ไม่คล้ายชื่อผู้ใช้ ชื่อ หรืออีเมลของคุณ"


class MinimumLengthValidator(base.MinimumLengthValidator):
    validate = _thai(base.MinimumLengthValidator,
                     lambda self: f"รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย {self.min_length} ตัวอักษร",
                     "password_too_short")

    def get_help_text(self):
        return f"ยาวอย่างน้อย {self.min_length} ตัวอักษร"


class CommonPasswordValidator(base.CommonPasswordValidator):
    validate = _thai(base.CommonPasswordValidator,
                     lambda self: "รหัสผ่านนี้ใช้กันทั่วไปจนเดาได้ง่าย กรุณาตั้งรหัสอื่น", "password_too_common")

    def get_help_text(self):
        return "ไม่ใช่รหัสที่ใช้กันทั่วไป"


class NumericPasswordValidator(base.NumericPasswordValidator):
    validate = _thai(base.NumericPasswordValidator,
                     lambda self: "รหัสผ่านเป็นตัวเลขล้วน กรุณาผสมตัวอักษรด้วย", "password_entirely_numeric")

    def get_help_text(self):
        return "ไม่ใช่ตัวเลขล้วน"


class ThaiPasswordChangeForm(PasswordChangeForm):
    error_messages = {
        "password_incorrect": "รหัสผ่านเดิมไม่ถูกต้อง กรุณาพิมพ์ใหม่",
        "password_mismatch": "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน กรุณาพิมพ์ให้เหมือนกัน",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password2"].help_text = "พิมพ์รหัสผ่านใหม่อีกครั้งให้เหมือนช่องบน"
