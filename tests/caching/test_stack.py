"""Against the real stack (bench/stack.py: two gunicorn app servers, Varnish, PostgreSQL, Redis).

Marked `stack`: .ci/run runs them (`pytest -m stack`); they start the stack when it is not
running (the first time that loads the content into its database: a few minutes) and stop
what they started. Publish through app server A: within one second neither app server B nor
Varnish serves the old page, in any language of the page; and a minute of anonymous load
through Varnish while an editor publishes every few seconds sees no stale page and no error.
"""

import json
import re
import subprocess
import sys
import threading
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


class Editor:
    """An editor logged in to one app server, as through a TLS proxy (production settings)."""

    def __init__(self, base: str):
        self.base = base
        self.secure = base.replace("http://", "https://")
        self.session = requests.Session()
        self.session.headers["X-Forwarded-Proto"] = "https"
        login = self.get("/admin/login/")
        self.post(
            "/admin/login/",
            {"username": "stack-editor", "password": "stack-pw-1", "csrfmiddlewaretoken": token(login)},
        )

    def _unsecure(self):
        # The proxy speaks TLS to the browser; these requests reach gunicorn in plain HTTP.
        for cookie in self.session.cookies:
            cookie.secure = False

    def get(self, path: str):
        self._unsecure()
        return self.session.get(self.base + path, timeout=10)

    def post(self, path: str, data: dict):
        self._unsecure()
        return self.session.post(
            self.base + path,
            data,
            headers={"Referer": self.secure + path},
            timeout=30,
            allow_redirects=False,
        )

    def publish_introduction(self, page: dict, introduction: str):
        edit = f"/admin/pages/{page['id']}/edit/"
        response = self.post(
            edit,
            {
                "csrfmiddlewaretoken": token(self.get(edit)),
                "title": page["title"],
                "slug": page["slug"],
                "listing_summary": page["summary"],
                "introduction": introduction,
                "body-count": "0",
                "action-publish": "publish",
            },
        )
        assert response.status_code == 302, re.sub(r"(?s)<style.*?</style>", "", response.text)[:1500]


def token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


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

    marker = f"Stack check {time.time_ns()}"
    Editor(a).publish_introduction(page, marker)
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


LOAD_SECONDS = 60
PUBLISH_EVERY = 4
VISITORS = 4
# A request that starts this long after a publish has returned must see it: the purges go out
# when the publish commits, before its answer; the margin covers Varnish applying them.
SETTLE = 1.0


def test_a_minute_of_load_through_varnish_while_publishing_sees_no_stale_page(running):
    page = about(running)
    varnish = running["varnish"]
    english = page["urls"]["en"]
    urls = list(page["urls"].values()) + ["/en/", "/fr/"]
    run = time.time_ns()
    marker = re.compile(rf"Load check {run} #(\d+)")
    editor = Editor(running["apps"][0])
    editor.publish_introduction(page, f"Load check {run} #0")
    published = [time.monotonic()]  # when publish number i had returned
    responses = []  # (started, url, status, marker number or None)
    errors = []
    stop = threading.Event()

    def visitor(offset: int):
        session = requests.Session()
        i = offset
        while not stop.is_set():
            url = urls[i % len(urls)]
            i += 1
            started = time.monotonic()
            try:
                response = session.get(varnish + url, timeout=10)
            except requests.RequestException as error:
                errors.append((url, repr(error)))
                continue
            found = marker.search(response.text) if url == english else None
            responses.append((started, url, response.status_code, int(found.group(1)) if found else None))

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(VISITORS)]
    for thread in threads:
        thread.start()
    try:
        deadline = time.monotonic() + LOAD_SECONDS
        number = 0
        while time.monotonic() + PUBLISH_EVERY < deadline:
            time.sleep(PUBLISH_EVERY)
            number += 1
            editor.publish_introduction(page, f"Load check {run} #{number}")
            published.append(time.monotonic())
    finally:
        stop.set()
        for thread in threads:
            thread.join()

    assert not errors, errors[:5]
    assert [r for r in responses if r[2] != 200] == []
    stale = []
    checked = 0
    for started, url, _, seen in responses:
        if url != english:
            continue
        due = max((n for n, at in enumerate(published) if at + SETTLE <= started), default=None)
        if due is None:
            continue
        checked += 1
        if seen is None or seen < due:
            stale.append((round(started - published[0], 2), due, seen))
    print(f"load: {len(responses)} responses, {len(published)} publishes, {checked} checked, {len(stale)} stale")
    assert stale == [], stale[:10]
    # Enough to mean something on a loaded machine, where one publish can take several seconds.
    assert len(published) >= 5, len(published)
    assert checked > 10 * len(published), (checked, len(published))
