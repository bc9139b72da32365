"""The archive of the loaded content, built once per test session and shared (a build takes ~15 s)."""

import io
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def built_archive(django_db_setup, django_db_blocker, tmp_path_factory) -> tuple[Path, str]:
    """(archive folder, the command's report) of `archive_site` on the loaded content."""
    folder = tmp_path_factory.mktemp("archive") / "site"
    out = io.StringIO()
    with django_db_blocker.unblock():
        call_command("archive_site", "--output", str(folder), stdout=out)
    return folder, out.getvalue()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} stopped (exit code {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port}")


@pytest.fixture(scope="session")
def archive_server(built_archive):
    """`python -m http.server` serving the archive folder on a free port; stopped by its pid."""
    folder, _report = built_archive
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
