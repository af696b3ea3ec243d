"""LOGGING: the console always (gunicorn and systemd keep it), a file when TIDTAM_LOG_FILE is set,
e-mail to ADMINS for errors when there are any. Every line carries the request id."""


def logging_config(*, log_file="", level="INFO", mail_admins=False):
    handlers = {
        "console": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["request_id"]},
    }
    if log_file:
        handlers["file"] = {
            "class": "logging.handlers.WatchedFileHandler",  # logrotate may move the file
            "filename": log_file,
            "formatter": "line",
            "filters": ["request_id"],
            "encoding": "utf-8",
        }
    if mail_admins:
        handlers["mail_admins"] = {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["request_id", "require_debug_false"],
        }
    names = list(handlers)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "config.request_id.RequestIdFilter"},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {
            "line": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        },
        "handlers": handlers,
        "root": {"handlers": names, "level": level},
        "loggers": {
            # Django's own loggers propagate to the root; runserver's request lines stay as they are.
            "django": {"level": level},
            "django.server": {"propagate": True},
            "axes": {"level": "WARNING"},
            # WeasyPrint logs every layout step at INFO (about 150 lines while seed_demo publishes);
            # its warnings (a CSS rule it cannot use, a missing image) still reach the log.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }
