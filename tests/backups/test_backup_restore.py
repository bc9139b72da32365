"""make backup / make restore: a dated folder with the database and the media, restored into an empty site.

The full check (every live page of every language rendered the same after a restore on PostgreSQL)
is a CI step in .ci/run, with `manage.py site_snapshot`.
"""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from backups.snapshot import counts

pytestmark = pytest.mark.django_db
PROJECT = Path(settings.BASE_DIR)


def test_a_backup_is_a_dated_folder_with_the_database_the_media_and_a_manifest(tmp_path):
    call_command("backup", dir=str(tmp_path))
    (folder,) = tmp_path.iterdir()
    assert folder.name[:4].isdigit() and folder.name.endswith("Z")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"] == connection.vendor
    assert manifest["counts"] == counts()
    assert (folder / ("database.pgdump" if connection.vendor == "postgresql" else "database.sqlite3")).stat().st_size
    media = Path(settings.MEDIA_ROOT)
    on_disk = sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())
    assert sorted(manifest["files"]) == on_disk
    for name, size in manifest["files"].items():
        assert (folder / "media" / name).stat().st_size == size


def test_a_restore_refuses_a_database_that_is_not_empty(tmp_path):
    call_command("backup", dir=str(tmp_path))
    (folder,) = tmp_path.iterdir()
    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore", str(folder))


def test_a_backup_restores_into_an_empty_database_and_media_folder(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL: the CI step restores into a fresh database (.ci/run)")
    call_command("backup", dir=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    (tmp_path / "media").mkdir()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    command = [sys.executable, "manage.py", "restore", str(folder)]
    result = subprocess.run(command, cwd=PROJECT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((folder / "manifest.json").read_text())
    for name, size in manifest["files"].items():
        assert (tmp_path / "media" / name).stat().st_size == size
    with sqlite3.connect(tmp_path / "restored.sqlite3") as restored:
        assert restored.execute("SELECT COUNT(*) FROM wagtailcore_page").fetchone()[0] == counts()["pages"]

    again = subprocess.run(command, cwd=PROJECT, env=environment, capture_output=True, text=True)
    assert again.returncode != 0
    assert "not empty" in again.stderr
