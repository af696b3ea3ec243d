"""Tidtam settings. Everything that differs between machines comes from the environment,
and a value that cannot be read stops the start-up with a message saying which one."""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import check_production_secrets, env_admins, env_bool, env_int, env_list, env_str
from config.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", default="dev-only-insecure-key" if DEBUG else None)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
if not DEBUG:
    check_production_secrets(SECRET_KEY, os.environ.get("DJANGO_ALLOWED_HOSTS"))
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# HTTPS (behind a proxy that terminates TLS): one switch turns on secure cookies, the redirect to
# https and HSTS; the proxy header is trusted only when the proxy sets it.
HTTPS = env_bool("DJANGO_HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", default=31536000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
if env_bool("DJANGO_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer asks over plain HTTP
# The address axes counts failed logins for: REMOTE_ADDR, or behind a proxy the address it saw.
TRUST_X_FORWARDED_FOR = env_bool("TIDTAM_TRUST_X_FORWARDED_FOR", default=False)

SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE", default=False)
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", default=14 * 24 * 3600, minimum=60)

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
    "axes",
    "plans",
    "projects",
    "budget",
    "reports",
    "office",
    "demo",
]

MIDDLEWARE = [
    "config.request_id.RequestIdMiddleware",
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
    "axes.middleware.AxesMiddleware",
]
if not DEBUG:
    # Static files from STATIC_ROOT, before everything else (runserver serves them while debugging).
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

# Login throttling (django-axes): a username from one address is locked for a few minutes after a
# handful of wrong passwords. Per username + address: an office shares one address behind its router,
# so one person's typos never lock out their colleagues, and the lock ends by itself.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("TIDTAM_LOGIN_FAILURE_LIMIT", default=5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("TIDTAM_LOGIN_COOLOFF_MINUTES", default=15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
AXES_VERBOSE = False

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
                "reports.inbox.inbox",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# No DATABASE_URL: a SQLite file inside the project (the embedded default).
# postgres://user@host:port/name: PostgreSQL through psycopg2.
DATABASE_URL = env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# Each gunicorn worker (one thread) keeps its connection for a minute, checked before reuse. Under
# DEBUG none is kept: runserver starts a thread per request, and each thread's kept connection stayed
# open until PostgreSQL refused more ("too many clients", after about a hundred pages).
db_conn_max_age = env_int("TIDTAM_DB_CONN_MAX_AGE", default=0 if DEBUG else 60, minimum=0)
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=db_conn_max_age,
                                                  conn_health_checks=db_conn_max_age > 0)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL cannot be read ({exc}): use sqlite:///path or postgres://...") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two people saving at once: every transaction takes the write lock when it starts (IMMEDIATE),
    # so a second writer waits (up to the timeout) instead of failing with "database is locked"
    # half-way; WAL lets pages be read while someone writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("TIDTAM_SQLITE_TIMEOUT", default=20, minimum=1),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests on a file, not in memory: the browser tests' live server then gets its own connection
    # per request thread instead of sharing the test's in-memory one across threads.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
if DATABASES["default"]["ENGINE"] not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
    raise ImproperlyConfigured("DATABASE_URL must name SQLite or PostgreSQL.")

# Django's four validators, with Thai messages (plans/password_validation.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "plans.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "plans.password_validation.MinimumLengthValidator"},
    {"NAME": "plans.password_validation.CommonPasswordValidator"},
    {"NAME": "plans.password_validation.NumericPasswordValidator"},
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

# Uploaded files (evidence photos and documents) go through Django's storage API: the media folder
# by default; an S3-compatible store (shared by several servers) when TIDTAM_S3_BUCKET is set, with
# django-storages[s3] installed (README "Files"). Files are never served from a public URL: the
# evidence views check access and stream them.
S3_BUCKET = env_str("TIDTAM_S3_BUCKET", default="")
if S3_BUCKET:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("TIDTAM_S3_ENDPOINT_URL", default="") or None,
            "region_name": env_str("TIDTAM_S3_REGION", default="") or None,
            "access_key": env_str("TIDTAM_S3_ACCESS_KEY", default="") or None,
            "secret_key": env_str("TIDTAM_S3_SECRET_KEY", default="") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": True,  # names are content hashes: the same name is the same bytes
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    # Served by WhiteNoise from STATIC_ROOT (`collectstatic`): compressed, with hashed names cached for a
    # year. While debugging, the plain storage: no collectstatic needed.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# Evidence limits (issue #18): per file, per report (or per project's own files), and how many.
EVIDENCE_MAX_FILE_BYTES = env_int("TIDTAM_EVIDENCE_MAX_FILE_MB", default=15, minimum=1) * 1024 * 1024
EVIDENCE_MAX_TOTAL_BYTES = env_int("TIDTAM_EVIDENCE_MAX_TOTAL_MB", default=80, minimum=1) * 1024 * 1024
EVIDENCE_MAX_FILES = env_int("TIDTAM_EVIDENCE_MAX_FILES", default=20, minimum=1)
# Pixels a photo may have before it is refused unread (a decompression bomb); 50 million is above
# any phone camera (a 200-megapixel mode aside) and about 150 MB once decoded.
EVIDENCE_MAX_PIXELS = env_int("TIDTAM_EVIDENCE_MAX_MEGAPIXELS", default=50, minimum=1) * 1_000_000
# Photo bytes one booklet PDF may embed; above it the booklet prints thumbnails instead.
BOOKLET_PHOTO_BUDGET_BYTES = env_int("TIDTAM_BOOKLET_PHOTO_BUDGET_MB", default=20, minimum=1) * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# History keeps whole reasons and comments (a return comment is often a long Thai sentence); the
# library's default is varchar(100), which PostgreSQL refuses past 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Processes that lay out a large booklet's PDF at once (1: all in the web or command process).
BOOKLET_PDF_WORKERS = env_int("TIDTAM_PDF_WORKERS", default=min(4, os.cpu_count() or 1), minimum=1)
# Laid-out pieces of large booklets, on this machine's disk (reports/pdf_cache.py): re-publishing after
# one project changed lays out that project only. 0 MB: no cache.
BOOKLET_PDF_CACHE_DIR = env_str("TIDTAM_PDF_CACHE_DIR", default=os.path.join(tempfile.gettempdir(), "tidtam-pdf-cache"))
BOOKLET_PDF_CACHE_BYTES = env_int("TIDTAM_PDF_CACHE_MB", default=500, minimum=0) * 1024 * 1024

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", default="tidtam@localhost")

# Errors are never lost: the console (gunicorn's, the journal's) always, a file when asked, e-mail to
# ADMINS ("Name <address>, ..."), every line with the request id shown on the error page.
ADMINS = env_admins("DJANGO_ADMINS")
SERVER_EMAIL = env_str("DJANGO_SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
LOG_FILE = env_str("TIDTAM_LOG_FILE", default="")
LOGGING = logging_config(log_file=LOG_FILE, level=env_str("TIDTAM_LOG_LEVEL", default="INFO").upper(),
                         mail_admins=bool(ADMINS))

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
# Booklets made from the command line (render_booklet, one task per office: a national run is
# hundreds) go to a queue of their own, served by workers of their own (`make worker-national`), so
# a national run never keeps planners' jobs and mail waiting on the queue above.
TIDTAM_NATIONAL_TASK_QUEUE = env_str("TIDTAM_NATIONAL_TASK_QUEUE", default=f"{CELERY_TASK_DEFAULT_QUEUE}-national")
CELERY_TASK_ROUTES = {"reports.office_booklet": {"queue": TIDTAM_NATIONAL_TASK_QUEUE}}
CELERY_TIMEZONE = TIME_ZONE
# Absolute links in mail ("https://tidtam.example.go.th"); no trailing slash.
TIDTAM_SITE_URL = env_str("TIDTAM_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
