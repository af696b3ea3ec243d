"""
WSGI config for config project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings')

application = get_wsgi_application()

# The URL conf and the views it imports are loaded now, not by each worker's first request: with gunicorn's
# preload_app (config/gunicorn.conf.py) the master loads them once and every worker is forked with them.
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018 - loads every urls module and view

from config.gc_tuning import tune  # noqa: E402 - after the application is loaded, as the docstring says

tune()
