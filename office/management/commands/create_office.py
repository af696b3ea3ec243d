"""manage.py create_office: a new office with its first planner, who signs in with the temporary
password printed here and then sets up everything else in the portal."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from office.office_services import office_create


class Command(BaseCommand):
    help = "สร้างหน่วยงานใหม่พร้อมนักวิเคราะห์นโยบายและแผนคนแรก (พิมพ์รหัสผ่านชั่วคราว)"

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="ชื่อเต็ม เช่น สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร")
        parser.add_argument("--short-name", required=True, help="ชื่อย่อ เช่น สพป.สมุทรสาคร")
        parser.add_argument("--planner", required=True, help="ชื่อผู้ใช้ของนักวิเคราะห์นโยบายและแผนคนแรก")
        parser.add_argument("--first-name", required=True, help="ชื่อ (ไม่ต้องมีคำนำหน้า)")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--title", default="", help="คำนำหน้าชื่อ เช่น นางสาว")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--standard-groups", action="store_true", help="สร้างกลุ่มตามโครงสร้าง สพท. (แก้ไขภายหลังได้ในหน้ากลุ่ม/หน่วย)"
        )

    def handle(self, *args, **options):
        try:
            office, membership, password = office_create(
                name=options["name"], short_name=options["short_name"], planner_username=options["planner"],
                planner_first_name=options["first_name"], planner_last_name=options["last_name"],
                planner_title=options["title"], planner_email=options["email"],
                standard_groups=options["standard_groups"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"สร้าง {office.name} ({office.short_name}) แล้ว")
        self.stdout.write(f"นักวิเคราะห์นโยบายและแผน: {membership.user.username}")
        self.stdout.write(f"รหัสผ่านชั่วคราว (ต้องเปลี่ยนเมื่อเข้าสู่ระบบครั้งแรก): {password}")
