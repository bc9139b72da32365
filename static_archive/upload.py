"""Upload the archive folder to an S3-compatible bucket (`--to s3://bucket/prefix`).

The endpoint and credentials are boto3's usual ones (`AWS_ENDPOINT_URL` for a non-AWS store,
`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_DEFAULT_REGION`, or a profile). Only files whose
MD5 differs from the object's ETag are sent; objects under the prefix that the archive no longer
has are deleted.
"""

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from static_archive.builder import ArchiveError


@dataclass(frozen=True)
class Target:
    bucket: str
    prefix: str  # "" or ends with "/"

    def __str__(self):
        return f"s3://{self.bucket}/{self.prefix}"


def parse_target(value: str) -> Target:
    parts = urlsplit(value)
    if parts.scheme != "s3" or not parts.netloc:
        raise ArchiveError(f"--to {value!r}: expected s3://bucket/prefix.")
    prefix = parts.path.strip("/")
    return Target(parts.netloc, f"{prefix}/" if prefix else "")


def client():
    config = Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 2, "mode": "standard"})
    return boto3.client("s3", config=config)


def check_bucket(s3, target: Target) -> None:
    """Fails with a clear message, before anything is built, when the bucket cannot be reached."""
    try:
        s3.head_bucket(Bucket=target.bucket)
    except (BotoCoreError, ClientError) as error:
        raise ArchiveError(f"The bucket {target} cannot be reached: {error}") from error


def upload(s3, target: Target, root: Path) -> tuple[int, int, int]:
    """(uploaded, unchanged, deleted) objects."""
    try:
        existing = {}
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=target.bucket, Prefix=target.prefix):
            for item in page.get("Contents", []):
                existing[item["Key"]] = item["ETag"].strip('"')
        uploaded = unchanged = 0
        keys = set()
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.name.startswith(".archive-"):
                continue
            key = target.prefix + path.relative_to(root).as_posix()
            keys.add(key)
            content = path.read_bytes()
            if existing.get(key) == hashlib.md5(content, usedforsecurity=False).hexdigest():
                unchanged += 1
                continue
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if content_type.startswith("text/") or content_type in {"application/json", "application/xml"}:
                content_type += "; charset=utf-8"
            s3.put_object(Bucket=target.bucket, Key=key, Body=content, ContentType=content_type)
            uploaded += 1
        stale = sorted(set(existing) - keys)
        for start in range(0, len(stale), 1000):
            batch = [{"Key": key} for key in stale[start : start + 1000]]
            s3.delete_objects(Bucket=target.bucket, Delete={"Objects": batch})
    except (BotoCoreError, ClientError) as error:
        raise ArchiveError(f"Uploading to {target} failed: {error}") from error
    return uploaded, unchanged, len(stale)
