"""`--to s3://bucket/prefix` against moto's standalone S3 server (a local process on a free port)."""

import io
import re
import shutil

import boto3
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.s3 import s3_server  # noqa: F401
from tests.static_archive.conftest import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3_endpoint(s3_server, monkeypatch):  # noqa: F811 - the fixture of tests.s3
    """The suite's moto server (tests/s3.py), with boto3 pointed at it through its usual variables."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_server)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    return s3_server


def archive_to_bucket(folder) -> str:
    out = io.StringIO()
    call_command("archive_site", "--output", str(folder), "--no-zip", "--to", "s3://kip-archive/site", stdout=out)
    return out.getvalue()


def counts(pattern: str, report: str) -> tuple[int, ...]:
    return tuple(int(number) for number in re.search(pattern, report).groups())


def test_a_second_run_rewrites_and_uploads_only_what_changed(built_archive, s3_endpoint, tmp_path):
    folder, _report = built_archive
    copy = tmp_path / "site"
    shutil.copytree(folder, copy)
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="kip-archive")
    # The first run also brings the copy up to date: tests run earlier in this worker may have
    # changed what pages show since the session's archive was built.
    first = archive_to_bucket(copy)
    assert "uploaded to s3://kip-archive/site/" in first
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket="kip-archive", MaxKeys=5000)["Contents"]}
    assert "site/fr/index.html" in keys and "site/static/css/site.css" in keys
    head = s3.head_object(Bucket="kip-archive", Key="site/fr/index.html")
    assert head["ContentType"].startswith("text/html")

    second = archive_to_bucket(copy)
    (written,) = counts(r"files written: (\d+)", second)
    (unchanged,) = counts(r"unchanged: (\d+)", second)
    assert written < 10 < unchanged, second
    uploaded, same, deleted = counts(r"uploaded to \S+: (\d+) files, (\d+) unchanged, (\d+) deleted", second)
    assert uploaded <= written, second
    assert same >= len(keys) - uploaded, second
    assert deleted == 0, second


def test_an_unreachable_bucket_is_a_clear_error_before_anything_is_built(built_archive, tmp_path, monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    folder, _report = built_archive
    before = (folder / "en/index.html").read_bytes()
    with pytest.raises(CommandError, match="bucket s3://nowhere/x/ cannot be reached"):
        call_command("archive_site", "--output", str(folder), "--to", "s3://nowhere/x")
    assert (folder / "en/index.html").read_bytes() == before
