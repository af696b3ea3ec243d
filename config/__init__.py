# The Celery app (config/celery.py) is not loaded with Django: Celery costs every process about 16 MB.
# `celery -A config` finds it as config.celery; the code that queues a task imports its app's tasks module,
# which imports config.celery first, so @shared_task tasks are queued through this app's settings.
