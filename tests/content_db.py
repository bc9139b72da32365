"""The loaded content, built once per hash of what could change it, and copied for each test worker.

`load_content` after `migrate` takes about a minute; its result depends only on the
project's code, content, migrations and pinned packages. So the first session builds it
into a cache (`.cache/test-content/`: an SQLite file, or a PostgreSQL template database,
plus the media files it wrote) under a hash of those files, and every session and xdist
worker after it starts from a copy: an SQLite file copy, or `CREATE DATABASE ... TEMPLATE`.
Any change to a hashed file gives a new hash, so a copy is never stale; templates, CSS
and tests are left out of the hash, as `load_content` does not read them.
"""

import contextlib
import fcntl
import hashlib
import io
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

import psycopg2
from django.conf import settings
from django.core.management import call_command
from django.db import connections

BASE_DIR = Path(settings.BASE_DIR)
CACHE_DIR = BASE_DIR / ".cache" / "test-content"
# What load_content's result depends on: everything but tests, docs, templates and static files.
SKIPPED_DIRS = {".git", ".venv", ".cache", "tests", "docs", "bench", "media", "static", "templates", "__pycache__"}
HASHED_SUFFIXES = {".py", ".po", ".json", ".txt", ".csv", ".yaml", ".jpg", ".png", ".pdf", ".mp3", ".vtt"}
TEMPLATE_PREFIX = "kip_test_content_"


def _hashed_files() -> list[Path]:
    files = [BASE_DIR / "requirements.txt"]
    for path in sorted(BASE_DIR.rglob("*")):
        parts = set(path.relative_to(BASE_DIR).parts[:-1])
        if path.is_file() and path.suffix in HASHED_SUFFIXES and not parts & SKIPPED_DIRS:
            files.append(path)
    seed = BASE_DIR.parent / "shared" / "seed"
    if seed.is_dir():
        files += sorted(p for p in seed.rglob("*") if p.is_file())
    return files


def content_hash(vendor: str) -> str:
    digest = hashlib.sha256(vendor.encode())
    for path in _hashed_files():
        label = path.relative_to(BASE_DIR if path.is_relative_to(BASE_DIR) else BASE_DIR.parent)
        digest.update(str(label).encode())  # the same in every checkout
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def _file_lock(name: str):
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(CACHE_DIR / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _load(connection, name: str) -> None:
    """migrate + load_content into the database `name`, through Django's default connection."""
    connection.close()
    connection.settings_dict["NAME"] = name
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_content", stdout=io.StringIO())
    connection.close()


def _replace_dir(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _clear_media() -> None:
    for child in _media_root().iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


class SQLiteContent:
    def __init__(self, connection, worker: str):
        self.connection = connection
        self.worker = worker
        self.key = content_hash("sqlite")
        self.cached = CACHE_DIR / f"sqlite-{self.key}"

    def _build(self) -> None:
        building = Path(tempfile.mkdtemp(prefix="building-", dir=CACHE_DIR))
        _clear_media()
        _load(self.connection, str(building / "db.sqlite3"))
        # One self-contained file: fold the write-ahead log in (journal_mode=DELETE).
        with contextlib.closing(sqlite3.connect(building / "db.sqlite3")) as db:
            db.execute("PRAGMA journal_mode=DELETE")
        shutil.copytree(_media_root(), building / "media")
        for old in CACHE_DIR.glob("sqlite-*"):
            shutil.rmtree(old, ignore_errors=True)
        building.rename(self.cached)

    def set_up(self) -> str:
        with _file_lock("sqlite"):
            if not (self.cached / "db.sqlite3").exists():
                self._build()
        name = str(Path(tempfile.gettempdir()) / f"keepinpact-test-{self.worker}-{int(time.time() * 1000)}.sqlite3")
        shutil.copyfile(self.cached / "db.sqlite3", name)
        _replace_dir(self.cached / "media", _media_root())
        self.connection.close()
        self.connection.settings_dict["NAME"] = name
        return name

    def restore(self) -> None:
        """Put the loaded content back, after a test that committed changes."""
        self.connection.close()
        shutil.copyfile(self.cached / "db.sqlite3", self.connection.settings_dict["NAME"])

    def tear_down(self) -> None:
        self.connection.close()
        for suffix in ("", "-wal", "-shm"):
            Path(self.connection.settings_dict["NAME"] + suffix).unlink(missing_ok=True)


class PostgreSQLContent:
    def __init__(self, connection, worker: str):
        self.connection = connection
        self.key = content_hash("postgresql")
        self.template = TEMPLATE_PREFIX + self.key
        self.cached_media = CACHE_DIR / f"postgresql-{self.key}-media"
        configured = connection.settings_dict["TEST"].get("NAME") or f"test_{connection.settings_dict['NAME']}"
        self.name = f"{configured}_{worker}" if worker != "main" else configured

    def _admin(self):
        """A connection to the server's `postgres` database, for CREATE/DROP DATABASE."""
        params = self.connection.get_connection_params()
        params["dbname"] = "postgres"
        keys = {"host", "port", "user", "password", "dbname"}
        admin = psycopg2.connect(**{key: value for key, value in params.items() if key in keys})
        admin.autocommit = True
        return admin

    def _exists(self, cursor, name: str) -> bool:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None

    def _build(self, cursor) -> None:
        building = f"{self.template}_building"
        cursor.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{building}"')
        _clear_media()
        _load(self.connection, building)
        _replace_dir(_media_root(), self.cached_media)
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [TEMPLATE_PREFIX + "%"])
        for (old,) in cursor.fetchall():
            if old != building:
                cursor.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
        cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{self.template}"')

    def set_up(self) -> str:
        original = self.connection.settings_dict["NAME"]
        with contextlib.closing(self._admin()) as admin, admin.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", [TEMPLATE_PREFIX])
            try:
                if not (self._exists(cursor, self.template) and self.cached_media.is_dir()):
                    self._build(cursor)
                self.connection.settings_dict["NAME"] = original
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                cursor.execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template}"')
            finally:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [TEMPLATE_PREFIX])
        _replace_dir(self.cached_media, _media_root())
        self.connection.close()
        self.connection.settings_dict["NAME"] = self.name
        return self.name

    def restore(self) -> None:
        self.connection.close()
        with contextlib.closing(self._admin()) as admin, admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template}"')

    def tear_down(self) -> None:
        self.connection.close()
        with contextlib.closing(self._admin()) as admin, admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def content_database(worker: str):
    connection = connections["default"]
    kind = {"sqlite": SQLiteContent, "postgresql": PostgreSQLContent}[connection.vendor]
    return kind(connection, worker)
