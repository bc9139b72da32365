"""`--to s3://bucket/prefix` against moto's standalone S3 server (a local process on a free port)."""

import io
import shutil
import subprocess
import sys

import boto3
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.static_archive.conftest import free_port, wait_for_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3_endpoint(monkeypatch):
    """moto's S3 server, stopped by its pid; boto3 pointed at it through its usual variables."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    try:
        wait_for_port(port, process)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_archive_is_uploaded_and_a_second_upload_sends_only_changes(built_archive, s3_endpoint, tmp_path):
    folder, _report = built_archive
    copy = tmp_path / "site"
    shutil.copytree(folder, copy)
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="kip-archive")
    out = io.StringIO()
    call_command("archive_site", "--output", str(copy), "--no-zip", "--to", "s3://kip-archive/site", stdout=out)
    assert "uploaded to s3://kip-archive/site/" in out.getvalue()
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket="kip-archive", MaxKeys=5000)["Contents"]}
    assert "site/fr/index.html" in keys and "site/static/css/site.css" in keys
    head = s3.head_object(Bucket="kip-archive", Key="site/fr/index.html")
    assert head["ContentType"].startswith("text/html")


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
