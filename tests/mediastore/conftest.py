import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.s3 import ACCESS_KEY, REGION, SECRET_KEY, s3_bucket, s3_server  # noqa: F401


def png_bytes(colour="red") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 90), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def collections(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    public = root.add_child(name="Press kit")
    return {"private": private, "public": public}


@pytest.fixture
def make_image(collections):
    def make(collection: str, name="photo.png"):
        return get_image_model().objects.create(
            title=name, file=ImageFile(io.BytesIO(png_bytes()), name=name), collection=collections[collection]
        )

    return make


@pytest.fixture
def make_document(collections):
    def make(collection: str, name="minutes.pdf", content=b"%PDF-1.4 board minutes"):
        return get_document_model().objects.create(
            title=name, file=ContentFile(content, name=name), collection=collections[collection]
        )

    return make


@pytest.fixture
def s3_media(settings, s3_bucket):  # noqa: F811
    """The project's bucket settings (config/settings/base.py with S3_BUCKET) on a moto bucket."""
    common = {
        "bucket_name": s3_bucket.name,
        "endpoint_url": s3_bucket.endpoint_url,
        "region_name": REGION,
        "access_key": ACCESS_KEY,
        "secret_key": SECRET_KEY,
        "addressing_style": "path",
        "file_overwrite": False,
        "signature_version": "s3v4",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "default_acl": "private", "querystring_expire": 300},
        },
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "querystring_auth": False, "default_acl": "public-read"},
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    return s3_bucket
