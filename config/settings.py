"""Tidtam settings. Everything that differs between machines comes from the environment,
and a value that cannot be read stops the start-up with a message saying which one."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", default="dev-only-insecure-key" if DEBUG else None)
if not DEBUG and SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to a real secret when DJANGO_DEBUG is off.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "plans",
    "projects",
    "budget",
    "reports",
    "office",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "office.middleware.ChangeTemporaryPasswordMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "plans.context_processors.membership",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# No DATABASE_URL: a SQLite file inside the project (the embedded default).
# postgres://user@host:port/name: PostgreSQL through psycopg2.
DATABASE_URL = env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL cannot be read ({exc}): use sqlite:///path or postgres://...") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Tests on a file, not in memory: the browser tests' live server then gets its own connection
    # per request thread instead of sharing the test's in-memory one across threads.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
if DATABASES["default"]["ENGINE"] not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
    raise ImproperlyConfigured("DATABASE_URL must name SQLite or PostgreSQL.")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("TIDTAM_MEDIA_ROOT", default=str(BASE_DIR / "media")))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Processes that lay out a large booklet's PDF at once (1: all in the web or command process).
BOOKLET_PDF_WORKERS = env_int("TIDTAM_PDF_WORKERS", default=min(4, os.cpu_count() or 1), minimum=1)

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", default="tidtam@localhost")

# Background work (config/celery.py). No broker: every task runs at once in the asking process.
CELERY_TASK_ALWAYS_EAGER = not env_str("CELERY_BROKER_URL", default="")
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", default="") or "memory://"
# Only render_booklet --all-offices waits for results (one per office); jobs and mails use the database.
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", default="") or (
    None if CELERY_TASK_ALWAYS_EAGER else CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True  # jobs and mails keep their state in the database
# A task is acknowledged only once it finished: a worker killed mid-booklet leaves it to another.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_ACKS_ON_FAILURE_OR_TIMEOUT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis hands an unacknowledged task to another worker after this many seconds: longer than the
# longest booklet (a 500-project booklet takes about a minute), shorter than a planner's patience.
_VISIBILITY_TIMEOUT = env_int("TIDTAM_TASK_VISIBILITY_TIMEOUT", default=600, minimum=1)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _VISIBILITY_TIMEOUT,
    # Look for such tasks every tenth of the timeout (kombu's default looks every 100 s).
    "unacked_restore_interval": max(1, min(10, _VISIBILITY_TIMEOUT // 10)),
    "unacked_restore_throttle": 1,
}
# The queue this deployment's web processes and workers share (two deployments on one Redis differ).
CELERY_TASK_DEFAULT_QUEUE = env_str("TIDTAM_TASK_QUEUE", default="tidtam")
CELERY_TIMEZONE = TIME_ZONE
# Absolute links in mail ("https://tidtam.example.go.th"); no trailing slash.
TIDTAM_SITE_URL = env_str("TIDTAM_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
