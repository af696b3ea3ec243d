"""Where evidence files are kept: Django's default storage, under evidence/, named by content hash.

Names are `evidence/<first two hex digits>/<sha256><suffix>`, so the same bytes are stored once
whoever attaches them, and a name never changes what it holds. A file is removed only when no
attachment row names it any more.
"""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import storages

PREFIX = "evidence"


def store():
    return storages["default"]


def name_for(data: bytes, suffix: str) -> tuple[str, str]:
    digest = hashlib.sha256(data).hexdigest()
    return digest, f"{PREFIX}/{digest[:2]}/{digest}{suffix}"


def save_new(name: str, data: bytes, written: list):
    """Saves `data` under `name` unless that content is already there; appends what it wrote to `written`."""
    storage = store()
    if storage.exists(name):
        return
    saved = storage.save(name, ContentFile(data))
    written.append(saved)
    if saved != name:  # a storage that renamed it would break content addressing
        raise OSError(f"storage stored {name} as {saved}")


def delete_quietly(names):
    storage = store()
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            pass


def read(name: str) -> bytes:
    with store().open(name, "rb") as handle:
        return handle.read()
