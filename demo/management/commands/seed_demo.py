"""`manage.py seed_demo`: load the demo office (idempotent). `--list-accounts`: print its accounts only."""

import unicodedata

from django.core.management.base import BaseCommand

from demo import loader, office, people
from plans.models import ActionPlan


class Command(BaseCommand):
    help = "สร้างข้อมูลสาธิต สพป.สมุทรสาคร ปีงบประมาณ 2567 (รันซ้ำได้ ไม่สร้างข้อมูลซ้ำ)"

    def add_arguments(self, parser):
        parser.add_argument("--list-accounts", action="store_true",
                            help="แสดงบัญชีผู้ใช้สาธิตเท่านั้น ไม่สร้างข้อมูล")

    def handle(self, *args, list_accounts=False, **options):
        if list_accounts:
            self.list_accounts()
            return
        plan = loader.seed()
        self.stdout.write(self.style.SUCCESS(
            f"ข้อมูลสาธิตพร้อมแล้ว: {plan.office.short_name} ปีงบประมาณ {plan.fiscal_year.be_year}, "
            f"{plan.projects.count()} โครงการ"))

    def list_accounts(self):
        plan = ActionPlan.objects.filter(
            office__name=office.OFFICE["name"], fiscal_year__be_year=office.FISCAL_YEAR).first()
        rows = loader.accounts(plan)
        if not rows:
            self.stdout.write("ยังไม่มีบัญชีสาธิต: รัน manage.py seed_demo ก่อน")
            return
        header = ("username", "ชื่อ", "บทบาท", "กลุ่ม", "โครงการ")
        table = [header] + [(u, n, r, g, "" if owned is None else str(owned)) for u, n, r, g, owned in rows]
        widths = [max(_width(row[i]) for row in table) for i in range(len(header))]
        for row in table:
            cells = (cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
        self.stdout.write(f"(รหัสผ่าน '{people.PASSWORD}' ทุกบัญชี; ข้อมูลสาธิตเท่านั้น)")


def _width(text):
    """Columns a terminal gives `text`: Thai vowel and tone marks (Mn) take none."""
    return sum(1 for char in text if unicodedata.category(char) != "Mn")
