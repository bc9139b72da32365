"""Faults: with Redis down pages are served uncached (never a 500) and publishing still works."""

import os
import shutil
import socket
import subprocess
import time

import pytest

from tests.caching.conftest import state

pytestmark = pytest.mark.django_db
REDIS = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def private_redis():
    if not REDIS:
        if os.environ.get("CI"):
            pytest.fail("redis-server is required in CI")
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    yield process, port
    if process.poll() is None:
        process.terminate()
        process.wait(5)


def test_with_redis_down_pages_are_served_uncached_and_publishing_works(
    settings, private_redis, anonymous, home_pages, django_capture_on_commit_callbacks
):
    process, port = private_redis
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    anonymous.get("/en/")
    assert state(anonymous, "/en/") == "HIT"  # Redis serves the page cache

    process.terminate()
    process.wait(5)
    for url in ("/en/", "/fr/", "/sitemap.xml"):
        assert state(anonymous, url) == "MISS", url  # rendered, not a 500
    with django_capture_on_commit_callbacks(execute=True):
        home_pages["en"].save_revision().publish()
    assert state(anonymous, "/en/") == "MISS"
