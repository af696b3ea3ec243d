"""Render a round's booklet PDF without the browser: for cron, and for many offices at once.

    manage.py render_booklet --office สพป.สมุทรสาคร --year 2567 --round 6 --output booklet.pdf
    manage.py render_booklet --all-offices --year 2567 --round 6 --output "out/{office}-{year}-{round}.pdf"

The office's saved booklet of that round (if any) supplies the foreword, document number and tables;
options given here override it. The PDF is the same function the portal uses (reports.pdf).
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plans.models import ActionPlan, Office
from plans.thai_calendar import ROUNDS
from reports.context import BookletParams
from reports.figures import GROUPINGS
from reports.models import Booklet
from reports.pdf import render_booklet_pdf


class Command(BaseCommand):
    help = "สร้างไฟล์ PDF รายงานความก้าวหน้าของรอบที่ระบุ โดยไม่ต้องเปิดเบราว์เซอร์"

    def add_arguments(self, parser):
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--office", action="append", help="ชื่อย่อ ชื่อเต็ม หรือรหัสของหน่วยงาน (ซ้ำได้)")
        who.add_argument("--all-offices", action="store_true", help="ทุกหน่วยงานที่มีแผนของปีนั้น")
        parser.add_argument("--year", type=int, required=True, help="ปีงบประมาณ พ.ศ. เช่น 2567")
        parser.add_argument("--round", type=int, required=True, choices=ROUNDS, help="รอบ 3/6/9/12 เดือน")
        parser.add_argument("--grouping", choices=GROUPINGS, help="จัดกลุ่มรายละเอียดโครงการ")
        parser.add_argument("--digits", choices=["thai", "arabic"], help="ตัวเลขไทยหรืออารบิก")
        parser.add_argument("--document-number", help="เอกสารลำดับที่ เช่น 1/2567")
        parser.add_argument("--output", required=True,
                            help="ไฟล์ผลลัพธ์; หลายหน่วยงานต้องมี {office} ในชื่อ (ใช้ {year} {round} ได้)")

    def handle(self, *args, office=None, all_offices=False, year, round, grouping, digits, document_number,
               output, **options):
        plans = ActionPlan.objects.select_related("office", "fiscal_year", "development_plan").filter(
            fiscal_year__be_year=year)
        if all_offices:
            plans = list(plans.order_by("office__name"))
        else:
            plans = [self._plan_of(plans, name) for name in office]
        if not plans:
            raise CommandError(f"ไม่มีหน่วยงานใดมีแผนปฏิบัติการปีงบประมาณ {year}")
        if len(plans) > 1 and "{office}" not in output:
            raise CommandError("หลายหน่วยงาน: ชื่อไฟล์ใน --output ต้องมี {office} เช่น out/{office}.pdf")
        for plan in plans:
            params = self._params(plan, round, grouping=grouping, digits=digits, document_number=document_number)
            started = time.perf_counter()
            pdf = render_booklet_pdf(params)
            path = Path(output.format(office=plan.office.short_name, year=year, round=round))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pdf)
            self.stdout.write(f"{path} ({len(pdf) // 1024} KB, {time.perf_counter() - started:.1f} s)")

    def _plan_of(self, plans, name):
        offices = Office.objects.filter(short_name=name) | Office.objects.filter(name=name)
        if name.isdigit():
            offices = offices | Office.objects.filter(pk=int(name))
        plan = plans.filter(office__in=offices).first()
        if plan is None:
            raise CommandError(f"ไม่พบแผนปฏิบัติการของหน่วยงาน “{name}” ในปีงบประมาณที่ระบุ")
        return plan

    def _params(self, plan, months, **overrides):
        saved = Booklet.objects.filter(action_plan=plan, months=months).order_by("-updated_at").first()
        params = saved.params() if saved else BookletParams(action_plan=plan, months=months)
        params.action_plan = plan
        for name, value in overrides.items():
            if value is not None:
                setattr(params, name, value)
        return params
