"""Mail the portal sends (report returned/accepted/submitted, window opened, reminders), one row per
message: a Celery task sends it, retries, and records whether it went, so the planner sees "not sent"."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plans.models import Office, ReportingWindow

# Tries before a mail is given up as not sent (the first and two retries).
MAX_TRIES = 3


class MailKind(models.TextChoices):
    RETURNED = "returned", _("แจ้งรายงานถูกส่งกลับ")
    ACCEPTED = "accepted", _("แจ้งรายงานได้รับการตรวจรับ")
    SUBMITTED = "submitted", _("แจ้งกลุ่มนโยบายและแผนว่ามีรายงานส่งมา")
    WINDOW_OPENED = "window", _("แจ้งเปิดรับรายงาน")
    REMINDER = "reminder", _("เตือนส่งรายงาน")


class MailState(models.TextChoices):
    QUEUED = "queued", _("รอส่ง")
    SENT = "sent", _("ส่งแล้ว")
    FAILED = "failed", _("ส่งไม่สำเร็จ")


class Mail(models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("เรื่อง"), max_length=10, choices=MailKind.choices)
    recipients = models.JSONField(_("ผู้รับ"), default=list)
    subject = models.CharField(_("หัวเรื่อง"), max_length=300)
    body = models.TextField(_("ข้อความ"))
    state = models.CharField(_("สถานะ"), max_length=10, choices=MailState.choices, default=MailState.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("ครั้งที่ส่ง"), default=0)
    error = models.TextField(_("สาเหตุที่ส่งไม่ได้"), blank=True)
    report = models.ForeignKey("projects.QuarterlyReport", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="mails")
    window = models.ForeignKey(ReportingWindow, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "projects"
        verbose_name = _("อีเมล")
        verbose_name_plural = _("อีเมล")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["office", "state"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {', '.join(self.recipients)} ({self.get_state_display()})"
