"""manage.py national_admin USERNAME [--revoke]: who may create offices on the page /office/new/
(the permission plans.add_office). A new account gets a temporary password, printed once."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from office.people_services import temporary_password


class Command(BaseCommand):
    help = "ให้หรือถอนสิทธิ์ผู้ดูแลระดับประเทศ (สร้างหน่วยงานใหม่ได้ที่ /office/new/)"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true", help="ถอนสิทธิ์")

    @transaction.atomic
    def handle(self, *args, username, revoke=False, **options):
        permission = Permission.objects.get(codename="add_office", content_type__app_label="plans")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if revoke:
            if user is None:
                raise CommandError(f"ไม่พบผู้ใช้ “{username}”")
            user.user_permissions.remove(permission)
            self.stdout.write(f"ถอนสิทธิ์ผู้ดูแลระดับประเทศของ {username} แล้ว")
            return
        if user is None:
            password = temporary_password()
            user = User.objects.create_user(username=username, password=password)
            self.stdout.write(f"สร้างบัญชี {username} รหัสผ่าน (เปลี่ยนได้ที่ /accounts/password/): {password}")
        user.user_permissions.add(permission)
        self.stdout.write(f"{username} เป็นผู้ดูแลระดับประเทศแล้ว: สร้างหน่วยงานได้ที่ /office/new/")
