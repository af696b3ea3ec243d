"""Render a round's booklet PDF without the browser: for cron, and for many offices at once.

    manage.py render_booklet --office สพป.สมุทรสาคร --year 2567 --round 6 --output booklet.pdf
    manage.py render_booklet --all-offices --year 2567 --round 6 --output "out/{office}-{year}-{round}.pdf"

The office's saved booklet of that round (if any) supplies the foreword, document number and tables;
options given here override it. The PDF is the same function the portal uses (reports.pdf).
Each office is one Celery task (reports.tasks.office_booklet): with CELERY_BROKER_URL set, the workers
of render_booklet's own queue (TIDTAM_NATIONAL_TASK_QUEUE, `make worker-national`) share them, so planners'
jobs never wait behind them (they write to --output, so give a folder they all reach); without, they run
here in turn.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from plans.form_bounds import posted_int
from plans.models import ActionPlan, Office
from plans.thai_calendar import ROUNDS
from reports.figures import GROUPINGS
from reports.tasks import office_booklet


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
        parser.add_argument("--no-wait", action="store_true",
                            help="ส่งงานเข้าคิวแล้วจบ ไม่รอผล (ต้องตั้ง CELERY_BROKER_URL)")
        parser.add_argument("--output", required=True,
                            help="ไฟล์ผลลัพธ์; หลายหน่วยงานต้องมี {office} ในชื่อ (ใช้ {year} {round} ได้)")

    def handle(self, *args, office=None, all_offices=False, year, round, grouping, digits, document_number,
               output, no_wait=False, **options):
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
        overrides = {"grouping": grouping, "digits": digits, "document_number": document_number}
        if not settings.CELERY_TASK_ALWAYS_EAGER and not national_queue_served():
            message = (f"ยังไม่มี worker รับคิว {settings.TIDTAM_NATIONAL_TASK_QUEUE} ของคำสั่งนี้ "
                       "เริ่ม `make worker-national` (หรือ celery worker -Q ชื่อคิวนี้) ก่อน")
            if not no_wait:
                raise CommandError(message)
            self.stderr.write(f"คำเตือน: {message} งานจะรอในคิวจนกว่าจะมี worker")
        # One task per office: with a broker, every worker on every machine takes its share.
        started = time.perf_counter()
        results = []
        for plan in plans:
            path = Path(output.format(office=plan.office.short_name, year=year, round=round)).absolute()
            results.append(office_booklet.delay(plan.pk, round, overrides, str(path)))
        if no_wait:
            self.stdout.write(f"ส่งงานเข้าคิว {len(results)} หน่วยงาน")
            return
        failed = 0
        for plan, result in zip(plans, results, strict=True):
            try:
                done = result.get(propagate=True)
            except Exception as error:
                failed += 1
                self.stderr.write(f"{plan.office.short_name}: ไม่สำเร็จ ({type(error).__name__}: {error})")
                continue
            self.stdout.write(f"{done['path']} ({done['bytes'] // 1024} KB, {done['seconds']:.1f} s, "
                              f"{done['worker']})")
        self.stdout.write(f"{len(plans) - failed} หน่วยงาน ใน {time.perf_counter() - started:.1f} s")
        if failed:
            raise CommandError(f"ไม่สำเร็จ {failed} หน่วยงาน (ดูข้อความด้านบน)")

    def _plan_of(self, plans, name):
        offices = Office.objects.filter(short_name=name) | Office.objects.filter(name=name)
        if (pk := posted_int(name)) is not None:
            offices = offices | Office.objects.filter(pk=pk)
        plan = plans.filter(office__in=offices).first()
        if plan is None:
            raise CommandError(f"ไม่พบแผนปฏิบัติการของหน่วยงาน “{name}” ในปีงบประมาณที่ระบุ")
        return plan


def national_queue_served(timeout=2.0):
    """Whether a running worker consumes the national queue (asked over the broker; none answering = no)."""
    from celery import current_app

    answers = current_app.control.inspect(timeout=timeout).active_queues() or {}
    return any(queue.get("name") == settings.TIDTAM_NATIONAL_TASK_QUEUE
               for queues in answers.values() for queue in queues)
