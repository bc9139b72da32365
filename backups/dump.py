"""Backup and restore of the database and the media (README "Backup and restore").

A backup is a folder named after its UTC time, in BACKUP_DIR:
- database.pgdump (PostgreSQL: `pg_dump --format=custom`, one consistent snapshot) or
  database.sqlite3 (SQLite: the SQLite backup API, consistent while the site runs);
- media/: every file of the media store (local disk or bucket), under its own name;
- manifest.json: when, which database, the counts of backups.snapshot, each file's size.
The database is dumped first, then the media: a file uploaded meanwhile is only an extra file.

`restore(folder)` needs an empty database (no tables) and an empty media store, and puts back both;
renditions (images/) go to the renditions storage when there is one (public objects).
"""

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import connection

from backups.snapshot import counts
from mediastore.store import all_storages, rendition_storage

RENDITIONS_FOLDER = "images/"


class BackupError(Exception):
    pass


def walk(storage, folder=""):
    """Every file name in a storage (local disk or bucket), recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}{name}"
    for name in folders:
        yield from walk(storage, f"{folder}{name}/")


def _pg_environment() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    arguments = [f"--dbname={db['NAME']}", "--no-owner", "--no-privileges"]
    if db.get("HOST"):
        arguments.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        arguments.append(f"--port={db['PORT']}")
    if db.get("USER"):
        arguments.append(f"--username={db['USER']}")
    environment = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(backup_dir: str | None = None) -> Path:
    folder = Path(backup_dir or settings.BACKUP_DIR) / datetime.now(UTC).strftime("%Y-%m-%dT%H%M%SZ")
    folder.mkdir(parents=True)
    vendor = connection.vendor
    manifest = {"created": datetime.now(UTC).isoformat(), "database": vendor, "counts": counts()}
    if vendor == "postgresql":
        arguments, environment = _pg_environment()
        _run(["pg_dump", "--format=custom", f"--file={folder / 'database.pgdump'}", *arguments], environment)
    elif vendor == "sqlite":
        # A connection of its own: in WAL mode it reads a consistent snapshot while the site writes.
        with contextlib.closing(sqlite3.connect(settings.DATABASES["default"]["NAME"])) as source:
            with contextlib.closing(sqlite3.connect(folder / "database.sqlite3")) as target:
                source.backup(target)
    else:
        raise BackupError(f"no backup method for a {vendor} database")
    files = {}
    storage = all_storages()["default"]
    for name in walk(storage):
        target = folder / "media" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, open(target, "wb") as copy:
            shutil.copyfileobj(source, copy)
        files[name] = target.stat().st_size
    manifest["files"] = files
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return folder


def restore(folder: str | Path) -> dict:
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    vendor = connection.vendor
    if manifest["database"] != vendor:
        raise BackupError(f"this backup is of a {manifest['database']} database, not {vendor}")
    if connection.introspection.table_names():
        raise BackupError("the database is not empty: restore only into a new, empty database")
    for storage in all_storages().values():
        if next(walk(storage), None) is not None:
            raise BackupError("the media store is not empty: restore only into an empty one")
    if vendor == "postgresql":
        arguments, environment = _pg_environment()
        dump = str(folder / "database.pgdump")
        _run(["pg_restore", "--exit-on-error", "--single-transaction", *arguments, dump], environment)
    else:
        connection.close()
        with contextlib.closing(sqlite3.connect(folder / "database.sqlite3")) as source:
            with contextlib.closing(sqlite3.connect(settings.DATABASES["default"]["NAME"])) as target:
                source.backup(target)
    default = all_storages()["default"]
    for name, size in manifest["files"].items():
        storage = rendition_storage() if name.startswith(RENDITIONS_FOLDER) else default
        with open(folder / "media" / name, "rb") as source:
            saved = storage.save(name, File(source, name=name))
        if saved != name or storage.size(saved) != size:
            raise BackupError(f"media file {name} was not restored as it was")
    restored = counts()
    if restored != manifest["counts"]:
        raise BackupError(f"counts differ after the restore: {manifest['counts']} in the backup, {restored} now")
    return restored
