"""A worker whose PDF layout always fails (`celery -A tests.integration.failing_worker worker`)."""

from celery.signals import worker_process_init

from config.celery import app

__all__ = ["app"]


@worker_process_init.connect
def break_pdf_layout(**kwargs):
    from reports import pdf

    def broken(*args, **kw):
        raise OSError("ไม่พบฟอนต์ Laksaman (เครื่องทดสอบ)")

    pdf.booklet_pdf_from_html = broken
