"""manage.py load_catalogue catalogue/2567.json [--dry-run]: keep the shared alignment catalogue (all
offices) from a versioned data file under the project. Items are matched by kind, code and year;
items the file leaves out are kept (projects may point at them) and listed."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from plans.catalogue import alignment_code, catalogue_load


class Command(BaseCommand):
    help = "ปรับรายการความสอดคล้อง (ยุทธศาสตร์ชาติ แผนแม่บท นโยบาย ฯลฯ) ของทุกหน่วยงานตามไฟล์ข้อมูล"

    def add_arguments(self, parser):
        parser.add_argument("file", help="ไฟล์ JSON เช่น catalogue/2567.json")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจและแสดงผลโดยไม่บันทึก")

    def handle(self, *args, file, dry_run=False, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"อ่านไฟล์ {file} ไม่ได้: {error}") from None
        try:
            result = catalogue_load(data, dry_run=dry_run)
        except ValidationError as error:
            raise CommandError("ไฟล์มีข้อผิดพลาด ยังไม่ได้บันทึกข้อมูลใด:\n" + "\n".join(error.messages)) from None
        prefix = "(ทดลอง ไม่บันทึก) " if dry_run else ""
        self.stdout.write(
            f"{prefix}รุ่น {data.get('version', '-')}: เพิ่ม {len(result.created)} แก้ไข {len(result.updated)} "
            f"คงเดิม {result.unchanged} รายการ"
        )
        for item in result.created:
            self.stdout.write(f"  + {alignment_code(item)} {item.title}")
        for item in result.updated:
            self.stdout.write(f"  ~ {alignment_code(item)} {item.title}")
        if result.not_in_file:
            self.stdout.write(f"ไม่อยู่ในไฟล์ (คงไว้): {', '.join(alignment_code(i) for i in result.not_in_file)}")
