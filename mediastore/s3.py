"""A boto3 client for the bucket that holds the media (settings: S3_BUCKET)."""

import boto3
from botocore.config import Config


def s3_client(storage, *, timeout: float | None = None):
    """A boto3 client for an S3Storage, with short timeouts and no retries when `timeout` is given."""
    config = Config(connect_timeout=timeout, read_timeout=timeout, retries={"max_attempts": 0}) if timeout else None
    return boto3.session.Session().client(
        "s3",
        endpoint_url=storage.endpoint_url,
        region_name=storage.region_name,
        aws_access_key_id=storage.access_key,
        aws_secret_access_key=storage.secret_key,
        config=config,
    )
