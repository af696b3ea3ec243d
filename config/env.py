"""Reading settings from environment variables, loudly: a value that cannot be understood
stops start-up with the variable's name instead of silently falling back."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name, *, default):
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Set the environment variable {name}.")
        return default
    return value


def env_bool(name, *, default):
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a yes/no value: use 1/0, true/false, yes/no or on/off.")


def env_list(name, *, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, *, default, minimum=None):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={value!r} must be at least {minimum}.")
    return number


MIN_SECRET_KEY_LENGTH = 50


def check_production_secrets(secret_key, allowed_hosts):
    """With debugging off, refuse a guessable secret key and a missing host list."""
    if len(secret_key) < MIN_SECRET_KEY_LENGTH or len(set(secret_key)) < 5 or secret_key.startswith("dev-only"):
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY must be a random secret of at least {MIN_SECRET_KEY_LENGTH} characters when "
            "DJANGO_DEBUG is off; make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    if not allowed_hosts or not allowed_hosts.strip(" ,"):
        raise ImproperlyConfigured(
            "Set DJANGO_ALLOWED_HOSTS (comma-separated host names the portal answers to, e.g. "
            "tidtam.example.go.th) when DJANGO_DEBUG is off."
        )


def env_admins(name):
    """ "Name <address>, Other <address2>" (or bare addresses) as [(name, address), ...]."""
    admins = []
    for item in env_list(name, default=[]):
        if "<" in item and item.endswith(">"):
            person, _, address = item[:-1].partition("<")
            person, address = person.strip(), address.strip()
        else:
            person = address = item
        if "@" not in address:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an e-mail address (use 'Name <address>').")
        admins.append((person or address, address))
    return admins
