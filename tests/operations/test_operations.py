"""Health checks, the 503 for an unavailable database, request logs, Sentry, sign-in lockout, CSP, big forms."""

import json
import logging
import os
import subprocess
import sys
import threading

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import OperationalError
from django.test import RequestFactory, override_settings
from wagtail.models import Site

from config.settings import base
from home.models import HomePage
from operations import views
from operations.logs import JsonFormatter

LANGUAGES = ["en", "fr", "pt", "it", "hr"]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("boss", "boss@example.org", PASSWORD)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


# --- Health -------------------------------------------------------------------
def test_healthz_answers_without_the_database_or_a_known_host(client):
    # No django_db mark: any database access would fail the test.
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_readyz_checks_database_cache_and_media(client):
    response = client.get("/readyz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "failed": [],
        "checks": {"database": "ok", "cache": "ok", "media": "ok"},
    }


@pytest.mark.django_db
def test_readyz_names_what_failed(client, monkeypatch):
    def broken_cache():
        raise ConnectionError("Redis refused the connection")

    monkeypatch.setitem(views.CHECKS, "cache", broken_cache)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
    assert "Redis refused" in response.json()["checks"]["cache"]
    assert response.json()["checks"]["database"] == "ok"


def test_readyz_reports_a_check_that_does_not_answer_in_time(rf, monkeypatch):
    event = threading.Event()
    monkeypatch.setitem(views.CHECKS, "database", lambda: event.wait(5))
    monkeypatch.setitem(views.CHECKS, "cache", lambda: None)
    monkeypatch.setitem(views.CHECKS, "media", lambda: None)
    response = views.readyz(rf.get("/readyz"))
    event.set()
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["database"].startswith("no answer within")


# --- The database unavailable ---------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_with_the_database_unavailable_is_a_translated_503_with_retry_after(client, monkeypatch, language):
    def unavailable(request):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(Site, "find_for_request", unavailable)
    client.raise_request_exception = False
    response = client.get(f"/{language}/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "no-store"
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    if language != "en":
        assert html.find("h1").get_text(strip=True) != "Temporarily unavailable"


def test_the_503_page_renders_without_the_database():
    # No django_db mark: pytest-django makes any database access fail this test.
    response = views.service_unavailable(RequestFactory().get("/fr/guide/"))
    assert response.status_code == 503
    assert response["Content-Language"] == "fr"


@pytest.mark.django_db
def test_other_errors_keep_the_500_page(client, monkeypatch):
    def broken(request):
        raise RuntimeError("a bug")

    monkeypatch.setattr(Site, "find_for_request", broken)
    client.raise_request_exception = False
    assert client.get("/en/").status_code == 500


def test_postgresql_settings_have_timeouts_and_health_checks():
    assert base.DATABASE_CLIENT_TIMEOUT > 0
    assert base.DATABASE_LOCK_TIMEOUT < base.DATABASE_STATEMENT_TIMEOUT < base.DATABASE_CLIENT_TIMEOUT < 5


# --- Request logs and Sentry --------------------------------------------------------
@pytest.mark.django_db
def test_one_log_line_per_request_with_its_id_status_duration_and_admin_user(client, admin_user, caplog):
    client.force_login(admin_user)
    with caplog.at_level(logging.INFO, logger="keepinpact.requests"):
        response = client.get("/admin/")
    records = [record for record in caplog.records if record.name == "keepinpact.requests"]
    assert len(records) == 1
    line = json.loads(JsonFormatter().format(records[0]))
    assert response.status_code == 200
    assert len(response["X-Request-ID"]) == 32
    assert line["method"] == "GET" and line["path"] == "/admin/" and line["status"] == 200
    assert line["user_id"] == admin_user.pk
    assert line["duration_ms"] > 0


@pytest.mark.django_db
def test_a_proxy_request_id_is_kept_and_visitors_are_logged_without_a_user(client, caplog):
    with caplog.at_level(logging.INFO, logger="keepinpact.requests"):
        response = client.get("/en/", HTTP_X_REQUEST_ID="varnish-1234abcd")
    assert response["X-Request-ID"] == "varnish-1234abcd"
    record = next(record for record in caplog.records if record.name == "keepinpact.requests")
    assert record.user_id is None and record.status == 200


SENTRY_PROBE = """
import django, sentry_sdk
django.setup()
client = sentry_sdk.get_client()
print(client.is_active(), client.dsn if client.is_active() else "")
"""


@pytest.mark.parametrize(
    ("dsn", "expected"),
    [("", "False"), ("https://public@sentry.example.org/7", "True https://public@sentry.example.org/7")],
)
def test_sentry_reports_errors_only_when_a_dsn_is_set(dsn, expected):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "SENTRY_DSN": dsn,
    }
    result = subprocess.run([sys.executable, "-c", SENTRY_PROBE], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == expected


# --- Signing in --------------------------------------------------------------------
def sign_in(client, username, password, address="192.0.2.1"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address, follow=False)


@pytest.mark.django_db
def test_wrong_passwords_lock_the_account_with_a_message_saying_when_to_retry(client, admin_user):
    for number in range(4):
        assert sign_in(client, "boss", "wrong", address=f"192.0.2.{number + 1}").status_code == 200
    assert sign_in(client, "boss", "wrong", address="192.0.2.5").status_code == 429  # the fifth locks
    response = sign_in(client, "boss", PASSWORD, address="198.51.100.9")  # the right password, from elsewhere
    assert response.status_code == 429
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Try again in 15 minutes" in text


@pytest.mark.django_db
def test_wrong_passwords_lock_the_address_for_every_account(client, admin_user):
    for number in range(5):
        sign_in(client, f"guess{number}", "wrong", address="203.0.113.5")
    assert sign_in(client, "boss", PASSWORD, address="203.0.113.5").status_code == 429
    assert sign_in(client, "boss", PASSWORD, address="203.0.113.6").status_code == 302


@pytest.mark.django_db
def test_a_superuser_unlocks_an_account_in_the_admin(client, admin_user):
    for _ in range(5):
        sign_in(client, "boss", "wrong")
    assert sign_in(client, "boss", PASSWORD).status_code == 429
    other = get_user_model().objects.create_superuser("ops", "ops@example.org", PASSWORD)
    client.force_login(other)
    listing = client.get("/admin/locked-out/")
    assert listing.status_code == 200 and b"boss" in listing.content
    attempt = AccessAttempt.objects.get(username="boss")
    response = client.post(f"/admin/locked-out/{attempt.pk}/unlock/", follow=True)
    assert b"Unlocked" in response.content
    client.logout()
    assert sign_in(client, "boss", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_an_editor_cannot_see_the_lockouts(client):
    editor = get_user_model().objects.create_user("ed", "ed@example.org", PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/locked-out/").status_code in (302, 403)


@pytest.mark.django_db
def test_password_reset_requests_are_throttled_per_address(client, admin_user, mailoutbox):
    for _ in range(5):
        response = client.post("/admin/password_reset/", {"email": "boss@example.org"}, REMOTE_ADDR="192.0.2.50")
        assert response.status_code == 302
    response = client.post("/admin/password_reset/", {"email": "boss@example.org"}, REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 429
    assert "Try again in 15 minutes" in response.content.decode()
    assert len(mailoutbox) == 5


@pytest.mark.django_db
def test_password_reset_requests_are_throttled_per_email_address(client, admin_user):
    for number in range(5):
        client.post("/admin/password_reset/", {"email": "boss@example.org"}, REMOTE_ADDR=f"192.0.2.{number + 60}")
    response = client.post("/admin/password_reset/", {"email": "boss@example.org"}, REMOTE_ADDR="192.0.2.99")
    assert response.status_code == 429


# --- Content-Security-Policy ---------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/fr/", "/en/search/?q=guidance", "/en/no-such-page/"])
def test_public_pages_have_a_csp_without_unsafe_inline_scripts(client, path):
    response = client.get(path)
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    assert policy["script-src"].split()[0] == "'self'"  # and the request's nonce when a page uses one
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["object-src"] == "'none'"
    assert "Content-Security-Policy-Report-Only" not in response


@pytest.mark.django_db
def test_the_admin_has_a_report_only_policy(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert "Content-Security-Policy" not in response
    assert "default-src 'self'" in response["Content-Security-Policy-Report-Only"]


def test_csp_reports_are_logged(client, caplog):
    report = {"csp-report": {"violated-directive": "script-src", "blocked-uri": "inline"}}
    with caplog.at_level(logging.WARNING, logger="keepinpact.csp"):
        response = client.post("/csp-report/", json.dumps(report), content_type="application/csp-report")
    assert response.status_code == 204
    assert caplog.records[-1].csp_report["violated-directive"] == "script-src"


# --- A form with too many fields ----------------------------------------------------------
@pytest.mark.django_db
@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=50)
def test_an_admin_form_with_too_many_fields_gets_an_admin_page_that_keeps_the_text(client, admin_user):
    client.force_login(admin_user)
    data = {f"body-{number}-value": f"Paragraph number {number}" for number in range(60)}
    data["title"] = "My long agenda"
    home = HomePage.objects.get(locale__language_code="en")
    response = client.post(f"/admin/pages/{home.pk}/edit/", data)  # multipart, as Wagtail's editor sends
    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert "more than 50 fields" in html.get_text(" ", strip=True)
    assert html.find("link", href=lambda href: href and "wagtailadmin/css/core" in href)  # the admin's style
    kept = [area.get_text() for area in html.find_all("textarea")]
    assert "My long agenda" in kept and "Paragraph number 59" in kept


def test_with_a_bucket_the_policy_lets_pages_show_its_images_and_media():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "S3_BUCKET": "kip-media",
        "S3_ENDPOINT_URL": "https://s3.example.org:9000",
    }
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "d = settings.CONTENT_SECURITY_POLICY['DIRECTIVES']; print(d['img-src'], d['media-src'])"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.count("https://s3.example.org:9000") == 2


@pytest.mark.django_db
def test_readyz_names_a_media_store_that_cannot_be_written(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "gone")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["media"], response.json()
    assert "not writable" in response.json()["checks"]["media"]
