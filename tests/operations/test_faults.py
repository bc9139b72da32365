"""PostgreSQL stopped, frozen (SIGSTOP) or with a table locked: a 503 with Retry-After within 5 s, then recovery.

A private PostgreSQL cluster on its own port, migrated, and gunicorn with the production
settings (tests/operations/fault_settings.py) in front of it. Marked `faults`; about 90 s, so
they run only with FAULT_TESTS=1, in their own step of .ci/run:

    FAULT_TESTS=1 .venv/bin/pytest -n0 -q -m faults tests/operations/test_faults.py
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg2
import pytest

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(os.environ.get("FAULT_TESTS") != "1", reason="fault tests run with FAULT_TESTS=1 (.ci/run)"),
]

PG_BIN = Path("/usr/lib/postgresql/15/bin")
ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["en", "fr", "pt", "it", "hr"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(*command):
    """Run a PostgreSQL tool; as root, as the postgres user (initdb refuses root)."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *map(str, command)], check=True, capture_output=True, text=True)


class Cluster:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="keepinpact-faults-pg-"))
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        as_postgres(PG_BIN / "initdb", "-D", self.dir / "data", "-A", "trust", "-U", "postgres")
        self.start()

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        as_postgres(PG_BIN / "pg_ctl", "-D", self.dir / "data", "-o", options, "-l", self.dir / "log", "-w", "start")

    def stop(self):
        as_postgres(PG_BIN / "pg_ctl", "-D", self.dir / "data", "-m", "fast", "-w", "stop")

    def pids(self) -> list[int]:
        """The postmaster and its children: this cluster's processes only."""
        postmaster = int((self.dir / "data" / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout.split()
        return [postmaster, *map(int, children)]

    def signal(self, signum):
        for pid in self.pids():
            try:
                os.kill(pid, signum)
            except ProcessLookupError:  # a backend that ended since pgrep listed it
                pass

    def connect(self, dbname="postgres"):
        # A timeout, so that a cluster left frozen fails the test instead of hanging the run.
        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=dbname, connect_timeout=10)
        conn.autocommit = True
        return conn

    def remove(self):
        try:
            self.signal(signal.SIGCONT)
            self.stop()
        except (OSError, subprocess.CalledProcessError, FileNotFoundError):
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def get(url: str):
    """(status, headers, body, seconds) of a GET; no answer at all is a failure."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, headers, body.decode("utf-8", "replace"), time.monotonic() - started


@pytest.fixture(scope="module")
def site():
    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL 15's server programs are not installed")
    cluster = Cluster()
    server = None
    try:
        cluster.connect().cursor().execute("CREATE DATABASE faults")
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.operations.fault_settings",
            "SECRET_KEY": "faults-test-key-" + "x" * 50,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{cluster.port}/faults",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "REDIS_URL": "",
            "MEDIA_ROOT": str(cluster.dir),
        }
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--timeout", "30"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                get(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.2)
        yield base, cluster
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
        cluster.remove()


# An address below the home page: its routing reads the database (home.routing), whereas the home
# page itself may be answered from the shared fragments (Site, Locale) while the database is away.
PROBE = "/{language}/guide-for-cooperation/"


def assert_unavailable(base):
    for language in LANGUAGES:
        status, headers, body, seconds = get(base + PROBE.format(language=language))
        retry = headers.get("Retry-After")
        print(f"{PROBE.format(language=language)}: {status} in {seconds:.2f} s, Retry-After {retry}")  # the report
        assert status == 503, (language, status, body[:300])
        assert seconds < 5, (language, seconds)
        assert int(headers["Retry-After"]) > 0
        assert f'<html lang="{language}"' in body
        if language != "en":
            assert "Temporarily unavailable" not in body  # translated
    status, _, body, seconds = get(f"{base}/static/css/site.css")
    print(f"/static/css/site.css: {status} in {seconds:.2f} s")
    assert status == 200 and seconds < 5
    status, _, body, seconds = get(f"{base}/readyz")
    print(f"/readyz: {status} in {seconds:.2f} s: {body}")
    assert status == 503 and '"database"' in body


def assert_recovered(base):
    started = time.monotonic()
    deadline = started + 20
    while True:
        status, _, body, _ = get(base + PROBE.format(language="en"))
        if status != 503 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    print(f"recovered: {PROBE.format(language='en')} {status} {time.monotonic() - started:.2f} s after the fault ended")
    assert status < 500, (status, body[:300])
    assert get(f"{base}/readyz")[0] == 200


def test_the_site_answers_before_any_fault(site):
    base, _ = site
    assert get(f"{base}/healthz")[0] == 200
    status, _, body, seconds = get(f"{base}/readyz")
    assert status == 200 and seconds < 1, body
    assert get(f"{base}/en/")[0] < 500


def test_postgresql_stopped(site):
    base, cluster = site
    cluster.stop()
    try:
        assert_unavailable(base)
    finally:
        cluster.start()
    assert_recovered(base)


def test_postgresql_frozen(site):
    base, cluster = site
    get(f"{base}/en/")  # the workers hold connections that the freeze leaves hanging
    try:
        cluster.signal(signal.SIGSTOP)
        assert_unavailable(base)
    finally:
        cluster.signal(signal.SIGCONT)
    assert_recovered(base)


def test_page_table_locked(site):
    base, cluster = site
    conn = cluster.connect("faults")
    conn.autocommit = False
    conn.cursor().execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
    try:
        for language in LANGUAGES:
            status, headers, _, seconds = get(base + PROBE.format(language=language))
            print(f"locked {PROBE.format(language=language)}: {status} in {seconds:.2f} s")
            assert status == 503 and seconds < 5 and "Retry-After" in headers, (language, status, seconds)
        assert get(f"{base}/static/css/site.css")[0] == 200
    finally:
        conn.rollback()
        conn.close()
    assert_recovered(base)
