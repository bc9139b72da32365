"""The loaded content, built once per hash of what could change it, and copied for each test worker.

`load_content` after `migrate` takes about a minute; its result depends only on the
project's code, content, migrations and installed packages. So the first session builds it
into a cache (`~/.cache/keepinpact/test-content/`: an SQLite file, or a PostgreSQL template
database, plus the media files it wrote) under a hash of those, and every session and xdist worker
after it starts from a copy: an SQLite file copy, or `CREATE DATABASE ... TEMPLATE`.
Any change to a hashed file gives a new hash, so a copy is never stale; templates, static
files and tests are left out of the hash, as `load_content` does not read them.
"""

import contextlib
import fcntl
import hashlib
import importlib.metadata
import io
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import psycopg2
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test import Client
from wagtail.models import Locale, Page

BASE_DIR = Path(settings.BASE_DIR)
# Outside the checkout, so that every clone of the same code shares it (like pip's cache): the hash
# names files by their path in the checkout, and the PostgreSQL templates are the server's anyway.
CACHE_DIR = Path(
    os.environ.get("KIP_TEST_CACHE_DIR")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "keepinpact" / "test-content"
)
# A cached SQLite content unused for this long is removed by the next build (another clone may use it).
UNUSED_SECONDS = 24 * 3600
# Top-level folders load_content does not read; below them, folders of templates and static files.
SKIPPED_TOP = {".git", ".venv", ".cache", ".pytest_cache", ".ruff_cache", "tests", "docs", "bench", "media", "static"}
SKIPPED_BELOW = {"templates", "static", "__pycache__"}
HASHED_SUFFIXES = {".py", ".po", ".json", ".txt", ".csv", ".yaml", ".toml"}
TEMPLATE_PREFIX = "kip_test_content_"
HASH_VARIABLE = "KIP_TEST_CONTENT_HASH_{vendor}"
# Apps whose content to load (comma-separated; every app when empty): tests/run.sh's PostgreSQL-only
# pass loads `home` alone, as its tests make their own pages.
APPS = [app for app in os.environ.get("KIP_TEST_CONTENT_APPS", "").split(",") if app]


def _hashed_files() -> list[Path]:
    files = []
    for top in sorted(BASE_DIR.iterdir()):
        if top.name in SKIPPED_TOP:
            continue
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            parts = path.relative_to(BASE_DIR).parts
            shipped = "content" in parts[:-1]  # shipped content: every file, whatever its kind
            if not path.is_file() or "__pycache__" in parts:
                continue
            if shipped or (path.suffix in HASHED_SUFFIXES and not set(parts[:-1]) & SKIPPED_BELOW):
                files.append(path)
    seed = BASE_DIR.parent / "shared" / "seed"
    if seed.is_dir():
        files += sorted(p for p in seed.rglob("*") if p.is_file())
    return files


def content_hash(vendor: str) -> str:
    """The hash, computed once per run (the controller's value reaches the xdist workers)."""
    variable = HASH_VARIABLE.format(vendor=vendor)
    if variable not in os.environ:
        digest = hashlib.sha256(f"{vendor} {sys.version_info[:2]} {APPS}".encode())
        packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
        digest.update("\n".join(packages).encode())
        for path in _hashed_files():
            label = path.relative_to(BASE_DIR if path.is_relative_to(BASE_DIR) else BASE_DIR.parent)
            digest.update(str(label).encode())  # the same in every checkout
            digest.update(path.read_bytes())
        os.environ[variable] = digest.hexdigest()[:16]
    return os.environ[variable]


@contextlib.contextmanager
def _file_lock(name: str):
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(CACHE_DIR / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _render_every_page() -> None:
    """Each live page of the source language requested once, so that the image renditions its template
    uses are in the cache (translations show the same images).

    Otherwise every test that shows a panorama resizes it again (its rendition row is rolled
    back with the test). Only a speed-up: a rendition a changed template needs is still made."""
    client = Client()
    for page in Page.objects.live().public().filter(depth__gt=1, locale=Locale.get_default()).specific():
        client.get(page.url)


def _load(name: str) -> None:
    """migrate + load_content into the database `name`, through Django's default connection."""
    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = name
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_content", *[f"--app={app}" for app in APPS], stdout=io.StringIO())
    _render_every_page()
    connection.close()


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _copy_media(source: Path) -> None:
    shutil.rmtree(_media_root(), ignore_errors=True)
    shutil.copytree(source, _media_root())


def _clear_media() -> None:
    shutil.rmtree(_media_root(), ignore_errors=True)
    _media_root().mkdir()


class SQLiteContent:
    def __init__(self, run: str, worker: str):
        self.key = content_hash("sqlite")
        self.cached = CACHE_DIR / f"sqlite-{self.key}"
        self.name = str(Path(tempfile.gettempdir()) / f"keepinpact-test-{run}-{worker}.sqlite3")

    def _build(self) -> None:
        building = Path(tempfile.mkdtemp(prefix="building-", dir=CACHE_DIR))
        try:
            _clear_media()
            _load(str(building / "db.sqlite3"))
            # One self-contained file: fold the write-ahead log in (journal_mode=DELETE).
            with contextlib.closing(sqlite3.connect(building / "db.sqlite3")) as db:
                db.execute("PRAGMA journal_mode=DELETE")
            shutil.copytree(_media_root(), building / "media")
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        now = time.time()
        for old in CACHE_DIR.glob("sqlite-*"):
            # abs(): a copy touched under faketime (CI's run at 2035) has a time in the future.
            if old != self.cached and abs(now - old.stat().st_mtime) > UNUSED_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(self.cached, ignore_errors=True)
        building.rename(self.cached)

    def _copy(self) -> None:
        """The cached database into this worker's file, through SQLite (coherent with open connections)."""
        if not (self.cached / "db.sqlite3").exists():  # removed by another clone's build after a day
            self._build()
        os.utime(self.cached)
        with contextlib.closing(sqlite3.connect(self.cached / "db.sqlite3")) as source:
            with contextlib.closing(sqlite3.connect(self.name)) as target:
                source.backup(target)
        _copy_media(self.cached / "media")

    def set_up(self) -> None:
        with _file_lock("sqlite"):
            self._copy()
        connections["default"].close()
        connections["default"].settings_dict["NAME"] = self.name

    def restore(self) -> None:
        """Put the loaded content back, after a test that committed changes."""
        connections["default"].close()
        with _file_lock("sqlite"):
            self._copy()

    def tear_down(self) -> None:
        connections["default"].close()
        for suffix in ("", "-wal", "-shm"):
            Path(self.name + suffix).unlink(missing_ok=True)
        shutil.rmtree(_media_root(), ignore_errors=True)


def postgresql_template() -> tuple[str, Path]:
    """The PostgreSQL template database of this code's content, and the folder of its media files."""
    key = content_hash("postgresql")
    return TEMPLATE_PREFIX + key, CACHE_DIR / f"postgresql-{key}-media"


class PostgreSQLContent:
    """Worker databases made from a template database; a session holds a shared lock on its template."""

    def __init__(self, run: str, worker: str):
        self.template, self.cached_media = postgresql_template()
        settings_dict = connections["default"].settings_dict
        configured = settings_dict["TEST"].get("NAME") or f"test_{settings_dict['NAME']}"
        self.name = f"{configured}_{run}_{worker}"
        self.admin = None

    def _connect_admin(self):
        """A connection to the server's `postgres` database, for CREATE/DROP DATABASE."""
        params = connections["default"].get_connection_params()
        params["dbname"] = "postgres"
        params.pop("cursor_factory", None)
        admin = psycopg2.connect(**params)
        admin.autocommit = True
        return admin

    def _build(self, cursor) -> None:
        building = f"{self.template}_building"
        cursor.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{building}"')
        original = connections["default"].settings_dict["NAME"]
        _clear_media()
        try:
            _load(building)
        finally:
            connections["default"].settings_dict["NAME"] = original
        shutil.rmtree(self.cached_media, ignore_errors=True)
        shutil.copytree(_media_root(), self.cached_media)
        cursor.execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{self.template}"')
        # Older templates, unless a session (another checkout's, say) still uses one.
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [TEMPLATE_PREFIX + "%"])
        for (old,) in cursor.fetchall():
            if old in (self.template, building):
                continue
            cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [old])
            if cursor.fetchone()[0]:
                cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [old])
                shutil.rmtree(CACHE_DIR / f"postgresql-{old.removeprefix(TEMPLATE_PREFIX)}-media", ignore_errors=True)

    def _copy(self, cursor) -> None:
        cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template}"')
        _copy_media(self.cached_media)

    def set_up(self) -> None:
        self.admin = self._connect_admin()
        with self.admin.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", [TEMPLATE_PREFIX])
            try:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.template])
                exists = cursor.fetchone() is not None
                if not (exists and self.cached_media.is_dir()):
                    self._build(cursor)
                # Held until tear_down: a build elsewhere leaves this template alone.
                cursor.execute("SELECT pg_advisory_lock_shared(hashtext(%s))", [self.template])
                self._copy(cursor)
            finally:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [TEMPLATE_PREFIX])
        connections["default"].close()
        connections["default"].settings_dict["NAME"] = self.name

    def restore(self) -> None:
        connections["default"].close()
        with self.admin.cursor() as cursor:
            self._copy(cursor)

    def tear_down(self) -> None:
        connections["default"].close()
        with contextlib.closing(self.admin), self.admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        shutil.rmtree(_media_root(), ignore_errors=True)


def content_database(run: str, worker: str):
    kind = {"sqlite": SQLiteContent, "postgresql": PostgreSQLContent}[connections["default"].vendor]
    return kind(run, worker)
