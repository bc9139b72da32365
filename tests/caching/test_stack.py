"""Against the real stack (bench/stack.py: two gunicorn app servers, Varnish, PostgreSQL, Redis).

Marked `stack`: .ci/run runs them (`pytest -m stack`); they start the stack when it is not
running (the first time that loads the content into its database: a few minutes) and stop
what they started. Publish through app server A: within one second neither app server B nor
Varnish serves the old page, in any language of the page.
"""

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import stack  # noqa: E402

pytestmark = pytest.mark.stack
LANGUAGES = ["en", "fr", "pt", "it", "hr"]
SHELL = """
from django.contrib.auth import get_user_model
from home.models import StandardPage
User = get_user_model()
user = User.objects.filter(username="stack-editor").first()
user = user or User.objects.create_superuser("stack-editor", "e@x.org", "{pw}")
user.set_password("{pw}"); user.save()
page = StandardPage.objects.get(locale__language_code="en", depth=3, live=True, slug="about")
urls = {{t.locale.language_code: t.url for t in page.get_translations(inclusive=True).live()}}
info = {{"id": page.pk, "title": page.title, "slug": page.slug, "summary": page.listing_summary}}
print("RESULT", {{**info, "urls": urls}})
"""


@pytest.fixture(scope="module")
def running():
    started = not stack.STATE.exists()
    state = stack.start() if started else json.loads(stack.STATE.read_text())
    yield state
    if started:
        stack.stop()


def about(state) -> dict:
    env = stack.environment(int(state["varnish"].rsplit(":", 1)[1]))
    out = subprocess.run(
        [stack.PYTHON, "manage.py", "shell", "-c", SHELL.format(pw="stack-pw-1")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return eval(out.split("RESULT", 1)[1])  # noqa: S307 - our own printed dict


def test_publish_on_app_server_a_is_seen_on_b_and_through_varnish_within_a_second(running):
    page = about(running)
    a, b = running["apps"]
    varnish = running["varnish"]
    for base in (a, b, varnish):
        for url in page["urls"].values():
            requests.get(base + url, timeout=10)
            requests.get(base + url, timeout=10)
    for url in page["urls"].values():
        assert requests.get(varnish + url, timeout=10).headers.get("X-Cache") == "HIT"

    # Production settings: secure cookies; the editor comes through a TLS proxy (X-Forwarded-Proto).
    editor = requests.Session()
    editor.headers["X-Forwarded-Proto"] = "https"

    def unsecure():
        for cookie in editor.cookies:
            cookie.secure = False

    secure_a = a.replace("http://", "https://")
    login = editor.get(a + "/admin/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    unsecure()
    editor.post(
        a + "/admin/login/",
        {"username": "stack-editor", "password": "stack-pw-1", "csrfmiddlewaretoken": token},
        headers={"Referer": secure_a + "/admin/login/"},
        timeout=10,
    )
    edit = a + f"/admin/pages/{page['id']}/edit/"
    unsecure()
    form = editor.get(edit, timeout=10)
    unsecure()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    marker = f"Stack check {time.time_ns()}"
    response = editor.post(
        edit,
        {
            "csrfmiddlewaretoken": token,
            "title": page["title"],
            "slug": page["slug"],
            "listing_summary": page["summary"],
            "introduction": marker,
            "body-count": "0",
            "action-publish": "publish",
        },
        headers={"Referer": secure_a + f"/admin/pages/{page['id']}/edit/"},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302, re.sub(r"(?s)<style.*?</style>", "", response.text)[:1500]
    published = time.monotonic()
    time.sleep(1)
    english = page["urls"]["en"]
    for base in (b, varnish, a):
        assert marker in requests.get(base + english, timeout=10).text, base
    assert time.monotonic() - published < 5
    # The translations were purged too (their language switcher): Varnish fetched them anew.
    for lang, url in page["urls"].items():
        if lang == "en":
            continue
        through_varnish = requests.get(varnish + url, timeout=10)
        assert through_varnish.headers.get("X-Cache") == "MISS" or int(through_varnish.headers.get("Age", 0)) <= 2
        assert through_varnish.status_code == 200
