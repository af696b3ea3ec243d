"""The Celery application: long work (booklet PDFs, Excel, mail) runs in worker processes.

Settings come from Django's settings under the ``CELERY_`` prefix (config/settings.py reads them
from the environment). With no ``CELERY_BROKER_URL`` the tasks run eagerly, inside the process that
asks for them, so ``make run`` and ``make test`` need no Redis.

    celery -A config worker -l info          # `make worker`
"""

import os

from celery import Celery
from celery.signals import worker_process_init

from config.gc_tuning import freeze_start_up

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("tidtam")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _freeze_start_up(**kwargs):
    """Each worker process, once started: its start-up objects out of every later collection
    (config/gc_tuning.py says why)."""
    freeze_start_up()
