"""A real S3-protocol server for the tests: moto's standalone server (moto[server], pinned in
requirements-dev.txt) on a free port, started once per session and stopped by its pid.

- `s3_server` (session): the endpoint URL, e.g. http://127.0.0.1:41234.
- `s3_bucket`: a new, empty bucket on it, as S3Bucket(endpoint_url, name, client).

Use them from a test module or conftest: `from tests.s3 import s3_bucket, s3_server  # noqa: F401`.
Any access key is accepted; anonymous requests are refused unless the object is public-read.
"""

import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass

import boto3
import pytest
import requests

ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"
REGION = "us-east-1"


@dataclass
class S3Bucket:
    endpoint_url: str
    name: str
    client: object

    def keys(self) -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def public_url(self, key: str) -> str:
        """The object's address without a signature (what an anonymous visitor could try)."""
        return f"{self.endpoint_url}/{self.name}/{key}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def s3_client(endpoint_url: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
    )


@pytest.fixture(scope="session")
def s3_server():
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                requests.get(f"{endpoint}/moto-api/", timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None:
                    raise RuntimeError("moto's server stopped at start-up") from None
                time.sleep(0.1)
        else:
            raise RuntimeError("moto's server did not answer within 20 s")
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3_bucket(s3_server):
    client = s3_client(s3_server)
    name = f"test-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    return S3Bucket(s3_server, name, client)
