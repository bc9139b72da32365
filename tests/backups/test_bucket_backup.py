"""make backup / make restore with the media in a bucket (moto's S3 server, tests/s3.py).

The loaded site, its media moved into a bucket, is backed up, restored into a fresh database and
another empty bucket, and compared page by page (`manage.py site_snapshot`), each step a
`manage.py` process configured by the environment variables of README "Running in production".
"""

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

from tests.s3 import ACCESS_KEY, REGION, SECRET_KEY, s3_bucket, s3_server  # noqa: F401

pytestmark = pytest.mark.django_db
PROJECT = Path(settings.BASE_DIR)
RENDITIONS = "images/"


def manage(environment: dict, *arguments: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "manage.py", *arguments]
    return subprocess.run(command, cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=600)


def site(tmp_path: Path, name: str, database: Path, bucket) -> dict:
    media = tmp_path / f"{name}-media"  # must stay empty: the media are in the bucket
    media.mkdir()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(media),
        "S3_BUCKET": bucket.name,
        "S3_ENDPOINT_URL": bucket.endpoint_url,
        "S3_REGION": REGION,
        "S3_ACCESS_KEY_ID": ACCESS_KEY,
        "S3_SECRET_ACCESS_KEY": SECRET_KEY,
    }


def acl(bucket, key: str) -> set[str]:
    grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]
    return {grant["Permission"] for grant in grants if grant["Grantee"].get("URI", "").endswith("/AllUsers")}


def test_a_site_with_its_media_in_a_bucket_restores_into_an_empty_bucket_and_renders_the_same(
    tmp_path,
    s3_bucket,  # noqa: F811
):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL: the CI step restores into a fresh database (.ci/run)")
    # The source site: the loaded content (its committed state), its media uploaded to a bucket
    # as the site itself writes them (renditions public, everything else private).
    source_db = tmp_path / "source.sqlite3"
    with contextlib.closing(sqlite3.connect(settings.DATABASES["default"]["NAME"])) as loaded:
        with contextlib.closing(sqlite3.connect(source_db)) as copy:
            loaded.backup(copy)
    media = Path(settings.MEDIA_ROOT)
    for path in sorted(path for path in media.rglob("*") if path.is_file()):
        key = str(path.relative_to(media))
        extra = {"ACL": "public-read" if key.startswith(RENDITIONS) else "private"}
        s3_bucket.client.upload_file(str(path), s3_bucket.name, key, ExtraArgs=extra)
    source_keys = s3_bucket.keys()
    assert any(key.startswith(RENDITIONS) for key in source_keys)
    assert any(key.startswith("documents/") for key in source_keys)
    source = site(tmp_path, "source", source_db, s3_bucket)

    before = manage(source, "site_snapshot", "--write", str(tmp_path / "before.json"))
    assert before.returncode == 0, before.stderr
    backed_up = manage(source, "backup", "--dir", str(tmp_path / "backups"))
    assert backed_up.returncode == 0, backed_up.stderr
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    keys = s3_bucket.keys()  # the snapshot may have made missing renditions
    assert sorted(manifest["files"]) == keys
    for key in keys:
        size = s3_bucket.client.head_object(Bucket=s3_bucket.name, Key=key)["ContentLength"]
        assert manifest["files"][key] == size == (folder / "media" / key).stat().st_size

    # Restored into a new database and another, empty bucket.
    target_bucket = type(s3_bucket)(s3_bucket.endpoint_url, f"restored-{uuid.uuid4().hex[:12]}", s3_bucket.client)
    s3_bucket.client.create_bucket(Bucket=target_bucket.name)
    target = site(tmp_path, "target", tmp_path / "restored.sqlite3", target_bucket)
    restored = manage(target, "restore", str(folder))
    assert restored.returncode == 0, restored.stderr
    assert target_bucket.keys() == keys
    rendition = next(key for key in keys if key.startswith(RENDITIONS))
    document = next(key for key in keys if key.startswith("documents/"))
    assert acl(target_bucket, rendition) == {"READ"}  # public, as the site serves it
    assert acl(target_bucket, document) == set()  # private: only through the checked view
    assert requests.get(target_bucket.public_url(rendition), timeout=5).status_code == 200
    assert requests.get(target_bucket.public_url(document), timeout=5).status_code == 403

    compared = manage(target, "site_snapshot", "--compare", str(tmp_path / "before.json"))
    assert compared.returncode == 0, compared.stderr
    assert "Same site" in compared.stdout
    pages = len(json.loads((tmp_path / "before.json").read_text())["pages"])
    assert pages > 100, "every live page of every language is compared"

    # A bucket that holds files is refused, even with an empty database.
    again = manage(site(tmp_path, "again", tmp_path / "again.sqlite3", target_bucket), "restore", str(folder))
    assert again.returncode != 0
    assert "the media store is not empty" in again.stderr
