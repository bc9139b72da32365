"""Settings per environment and the set-up commands."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, cwd=settings.BASE_DIR
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="config.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_production_settings_start_with_secret_key():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x" * 60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_database_url_is_read_through_dj_database_url():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; d = settings.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['HOST'], d['PORT'])",
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/keepinpact",
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "keepinpact", "127.0.0.1", "5432"]


@pytest.mark.django_db
def test_ensure_admin_creates_one_account_with_a_generated_password(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("shown only this once: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    assert len(password) >= 12

    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert "already exists" in again.getvalue()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


@pytest.mark.django_db
def test_ensure_admin_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-local-password")
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    assert "a-long-local-password" not in out.getvalue()
    assert get_user_model().objects.get(username="admin").check_password("a-long-local-password")
