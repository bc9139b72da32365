"""Two editors press Publish on one page at the same moment (two threads, two connections).

PostgreSQL only: SQLite has no row locks, and its one writer at a time serialises the two anyway.
Each round both forms were loaded at the page's latest revision; whichever publish commits first
makes the other's form out of date, so exactly one is applied and the other is refused.
"""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from tests.caching.test_invalidation import about, publish_form
from tests.factories import StandardPageFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgresql]

ROUNDS = 8


def editor(django_user_model, name: str) -> Client:
    client = Client()
    client.force_login(django_user_model.objects.create_superuser(name, f"{name}@example.org", "x"))
    return client


def loaded(client, page) -> dict:
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def post_at_once(posts: dict) -> dict:
    """{name: (client, url, data)} posted from one thread each, released together: {name: (status, html)}."""
    start = threading.Barrier(len(posts))
    answers = {}

    def post(name, client, url, data):
        try:
            start.wait(timeout=10)
            response = client.post(url, data)
            answers[name] = (response.status_code, response.content.decode())
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=post, args=(name, *posted)) for name, posted in posts.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def test_two_concurrent_publishes_one_is_applied_the_other_refused_and_the_flag_stays_right(django_user_model):
    page = StandardPageFactory(parent=about("en"), title="Annex", slug="annex", show_in_menus=False, introduction="0")
    page.save_revision().publish()
    editors = {"alice": editor(django_user_model, "alice"), "bob": editor(django_user_model, "bob")}

    for number in range(ROUNDS):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        posts = {
            name: (client, url, {**publish_form(page, f"{name} {number}"), **loaded(client, page)})
            for name, client in editors.items()
        }
        answers = post_at_once(posts)

        statuses = sorted(status for status, _html in answers.values())
        assert statuses == [200, 302], f"round {number}: {statuses}"
        (winner,) = [name for name, (status, _html) in answers.items() if status == 302]
        (loser,) = [name for name, (status, _html) in answers.items() if status == 200]
        assert f"{winner} saved a newer version on" in answers[loser][1]
        assert f"{loser} {number}" in answers[loser][1]  # the refused editor's text is kept

        page = Page.objects.get(pk=page.pk).specific
        assert page.introduction == f"{winner} {number}"
        assert page.latest_revision_id == page.live_revision_id
        assert page.live_revision.user.username == winner
        assert page.has_unpublished_changes is False
