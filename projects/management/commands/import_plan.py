"""python manage.py import_plan FILE --office … --year … [--dry-run] [--user …]

For planners who load many offices: the same check, preview and errors as the upload page.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from plans.form_bounds import posted_int
from plans.models import ActionPlan
from projects.workbooks.plan_import import PlanImportInvalid, check_plan_import, plan_import_apply


class Command(BaseCommand):
    help = "นำเข้าแผนปฏิบัติการจากไฟล์ Excel (.xlsx) ตามแม่แบบ: ตรวจสอบ แสดงรายการเปลี่ยนแปลง แล้วบันทึก"

    def add_arguments(self, parser):
        parser.add_argument("file", help="ไฟล์ .xlsx ตามแม่แบบ")
        parser.add_argument("--office", required=True, help="ชื่อ ชื่อย่อ หรือรหัส (id) ของหน่วยงาน")
        parser.add_argument("--year", required=True, type=int, help="ปีงบประมาณ พ.ศ. เช่น 2567")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจสอบและแสดงผลเท่านั้น ไม่บันทึก")
        parser.add_argument("--user", help="ชื่อผู้ใช้ที่บันทึกเป็นผู้แก้ไขในประวัติการแก้ไข")

    def handle(self, *args, file, office, year, dry_run, user, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"ไม่พบไฟล์ {file}")
        plan = self._plan(office, year)
        history_user = None
        if user:
            history_user = get_user_model().objects.filter(username=user).first()
            if history_user is None:
                raise CommandError(f"ไม่พบผู้ใช้ “{user}”")
        data = path.read_bytes()
        check = check_plan_import(action_plan=plan, file_name=path.name, data=data)
        self._print(check, plan)
        if not check.ok:
            raise CommandError(f"ไฟล์มีข้อผิดพลาด {len(check.errors):,} รายการ ยังไม่ได้บันทึกข้อมูลใด")
        if dry_run:
            self.stdout.write("ตรวจสอบอย่างเดียว (--dry-run): ยังไม่ได้บันทึกข้อมูล")
            return
        try:
            check = plan_import_apply(action_plan=plan, file_name=path.name, data=data, user=history_user)
        except PlanImportInvalid as invalid:
            self._print(invalid.check, plan)
            raise CommandError("ไฟล์มีข้อผิดพลาด ยังไม่ได้บันทึกข้อมูลใด") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"นำเข้าเรียบร้อย: เพิ่ม {len(check.created):,} แก้ไข {len(check.updated):,} "
                f"คงเดิม {len(check.unchanged):,}"
            )
        )

    def _plan(self, office, year):
        plans = ActionPlan.objects.select_related("office", "fiscal_year").filter(fiscal_year__be_year=year)
        match = Q(office__name=office) | Q(office__short_name=office)
        if (pk := posted_int(office)) is not None:
            match |= Q(office_id=pk)
        found = list(plans.filter(match))
        if len(found) != 1:
            raise CommandError(
                f"ไม่พบแผนปฏิบัติการปี {year} ของหน่วยงาน “{office}”"
                if not found
                else f"พบหลายหน่วยงานที่ตรงกับ “{office}” กรุณาระบุรหัส (id) ของหน่วยงาน"
            )
        return found[0]

    def _print(self, check, plan):
        self.stdout.write(f"{plan}")
        for problem in check.errors:
            self.stdout.write(self.style.ERROR(f"ผิดพลาด  {problem}"))
        for problem in check.warnings:
            self.stdout.write(self.style.WARNING(f"ข้อสังเกต {problem}"))
        if not check.ok:
            return
        for sheet, counts in check.summary().items():
            self.stdout.write(
                f"{sheet}: เพิ่ม {counts['create']:,} แก้ไข {counts['update']:,} คงเดิม {counts['same']:,}"
            )
        for change in check.updated:
            details = "; ".join(f"{f.label}: {f.old_shown} → {f.new_shown}" for f in change.fields)
            self.stdout.write(f"  แก้ไข {change.sheet} แถว {change.row} {change.label}: {details}")
        if check.left_alone:
            self.stdout.write(f"ไม่อยู่ในไฟล์ คงไว้ตามเดิม: {len(check.left_alone):,} รายการ")
