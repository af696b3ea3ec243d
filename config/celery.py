"""The Celery application: long work (booklet PDFs, Excel, mail) runs in worker processes.

Settings come from Django's settings under the ``CELERY_`` prefix (config/settings.py reads them
from the environment). With no ``CELERY_BROKER_URL`` the tasks run eagerly, inside the process that
asks for them, so ``make run`` and ``make test`` need no Redis.

    celery -A config worker -l info          # `make worker`
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("tidtam")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
