"""gunicorn settings for `make serve`, from the environment (see README "Configuration")."""

import os


def _int(name, default):
    value = os.environ.get(name, "")
    try:
        return int(value) if value.strip() else default
    except ValueError:
        raise SystemExit(f"{name}={value!r} is not a whole number.") from None


wsgi_app = "config.wsgi:application"
bind = os.environ.get("TIDTAM_BIND", "127.0.0.1:8000").split(",")
# Sync workers: one request at a time each. Two per core; the booklet PDF may take several seconds.
workers = _int("TIDTAM_WORKERS", 2 * (os.cpu_count() or 1))
timeout = _int("TIDTAM_TIMEOUT", 120)  # PDFs are laid out by Celery jobs; a one-project print takes a second
graceful_timeout = _int("TIDTAM_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# A worker is replaced after this many requests (plus up to the jitter, so they do not all restart
# at once): memory a long-running Python process gathers is given back.
max_requests = _int("TIDTAM_MAX_REQUESTS", 1000)
max_requests_jitter = _int("TIDTAM_MAX_REQUESTS_JITTER", 100)
# The master loads the application (config/wsgi.py: Django, the URL conf and every view, then freezes them
# for the collector) and forks the workers from it: a replaced worker starts in milliseconds instead of
# loading Django again (about a second of CPU in the middle of the traffic), and the workers share those
# pages of memory. Loading it opens no database connection (tests/service/test_wsgi_preload.py).
# An upgrade needs a restart (`systemctl restart tidtam`), not a HUP. TIDTAM_PRELOAD=0 turns it off.
preload_app = os.environ.get("TIDTAM_PRELOAD", "1").strip().lower() not in ("0", "false", "no", "off")
accesslog = os.environ.get("TIDTAM_ACCESS_LOG", "-")  # "-": the console; "" turns it off
if not accesslog:
    accesslog = None
errorlog = "-"
loglevel = os.environ.get("TIDTAM_LOG_LEVEL", "info").lower()
# Behind the reverse proxy on the same machine: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("TIDTAM_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No control socket: it would sit in the home directory, shared by every server started there.
control_socket_disable = True
