"""Where media live: the local disk (MEDIA_ROOT) or an S3-compatible bucket (settings: S3_BUCKET).

- `rendition_storage()`: the storage of Wagtail's renditions (WAGTAILIMAGES_RENDITION_STORAGE):
  the "renditions" storage when STORAGES has one (public objects in the bucket), else the default.
- `media_store_ok()`: a quick check for /readyz (one request to the bucket, or a look at MEDIA_ROOT).
- `private_file(name)`: the document or original image stored under that name when its collection
  has a view restriction that `request` does not satisfy.
- `all_storages()`: every distinct storage media are written to, for backup and restore.
- `mediastore.s3.s3_client(storage)`: a boto3 client for the bucket (imported only when media are in one).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty

# How long /readyz waits for the bucket.
CHECK_TIMEOUT_SECONDS = 0.8


class _RenditionStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["renditions" if "renditions" in settings.STORAGES else "default"]


_rendition_storage = _RenditionStorage()


def rendition_storage():
    return _rendition_storage


def _reset(*, setting, **kwargs):
    if setting == "STORAGES":
        _rendition_storage._wrapped = empty


setting_changed.connect(_reset, dispatch_uid="mediastore.reset_rendition_storage")


def uses_local_disk() -> bool:
    return isinstance(storages["default"], FileSystemStorage)


def all_storages() -> dict[str, object]:
    """{"default": storage, "renditions": storage (only when it is a separate one)}."""
    found = {"default": storages["default"]}
    if "renditions" in settings.STORAGES:
        found["renditions"] = storages["renditions"]
    return found


def media_store_ok() -> tuple[bool, str]:
    """(True, "") when media can be stored and read, else (False, a short reason). Answers within ~1 s."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        root = storage.location
        if os.path.isdir(root) and os.access(root, os.W_OK | os.X_OK):
            return True, ""
        return False, f"media folder {root} missing or not writable"
    # Here, not at the top: boto3 adds about 25 MiB to each worker, and media on the local disk need none.
    from mediastore.s3 import s3_client

    try:
        s3_client(storage, timeout=CHECK_TIMEOUT_SECONDS).head_bucket(Bucket=storage.bucket_name)
    except Exception as error:  # any failure (network, credentials, missing bucket) means not ready
        return False, f"bucket {storage.bucket_name}: {type(error).__name__}"
    return True, ""


def media_file_url(document) -> str:
    """The address a media player should load a document from (it needs HTTP range requests).

    Local disk: the file's own URL (/media/documents/..., answered by the web server, restricted
    files through mediastore.views). Bucket: Wagtail's checked view, which redirects to a fresh
    signed URL, so that a cached page never holds an expired one.
    """
    return document.file.url if uses_local_disk() else document.url
