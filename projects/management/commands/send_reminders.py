"""Mail owners whose report for an open window is missing or returned, a few days before the deadline.

Meant for cron, once a day: `python manage.py send_reminders [--days 3] [--dry-run]`.
"""

from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import timezone

from plans.thai_formats import format_date_long
from projects.reporting.selectors import reminders_due


class Command(BaseCommand):
    help = "ส่งอีเมลเตือนผู้รับผิดชอบโครงการที่ยังไม่ส่งรายงานหรือรายงานถูกส่งกลับ ก่อนถึงกำหนดส่ง"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3,
                            help="เตือนเมื่อเหลือเวลาถึงกำหนดส่งไม่เกินกี่วัน (ค่าเริ่มต้น 3)")
        parser.add_argument("--dry-run", action="store_true", help="แสดงรายชื่อที่จะส่ง โดยไม่ส่งจริง")

    def handle(self, *args, days, dry_run, **options):
        today = timezone.localdate()
        # One mail per owner and window, listing all of that owner's projects still due.
        grouped = {}
        for reminder in reminders_due(today, days):
            grouped.setdefault((reminder.owner, reminder.window), []).append(reminder)
        sent = skipped = 0
        for (owner, window), items in grouped.items():
            projects = ", ".join(item.project.code for item in items)
            if not owner.email:
                skipped += 1
                self.stdout.write(f"ข้าม {owner.username}: ไม่มีอีเมล ({projects})")
                continue
            context = {"owner": owner, "window": window, "items": items,
                       "deadline": format_date_long(window.deadline, digits="arabic")}
            if not dry_run:
                send_mail(
                    subject=" ".join(render_to_string("emails/reminder_subject.txt", context).split()),
                    message=render_to_string("emails/reminder.txt", context),
                    from_email=None, recipient_list=[owner.email],
                )
            sent += 1
            self.stdout.write(f"{'จะส่ง' if dry_run else 'ส่งแล้ว'} {owner.email}: ไตรมาสที่ {window.quarter} "
                              f"กำหนดส่ง {context['deadline']} โครงการ {projects}")
        verb = "จะส่ง" if dry_run else "ส่ง"
        self.stdout.write(self.style.SUCCESS(f"{verb}อีเมลเตือน {sent} ฉบับ ข้าม {skipped} คน (ไม่มีอีเมล)"))
