"""No lost edits: two editors, each with the admin open on the same page (two admin clients)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from casestudies.models import CaseStudyPage
from home.models import Competence
from tests.casestudies.test_admin import case_study_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    page.save_revision().publish()
    return CaseStudyPage.objects.get(pk=page.pk)


@pytest.fixture
def bob(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("bob", "bob@example.org", "x"))
    return client


def loaded(client, page) -> dict:
    """What the edit form, as `client` opens it, says about the revision it shows."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def submit(client, page, form_state, summary, publish=True):
    locale = Locale.objects.get(language_code="en")
    data = case_study_form(
        locale,
        Competence.objects.filter(locale=locale)[:1],
        slug=page.slug,
        summary=summary,
        **form_state,
        **{"action-publish": "publish" if publish else ""},
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_a_publish_from_an_older_revision_is_refused_with_who_and_when_and_the_text_kept(page, admin_client, bob):
    alice_form, bob_form = loaded(admin_client, page), loaded(bob, page)
    assert submit(admin_client, page, alice_form, "Alice's summary").status_code == 302
    alice_revision = page.revisions.order_by("-id").first()

    response = submit(bob, page, bob_form, "Bob's summary")
    assert response.status_code == 200
    html = response.content.decode()
    assert "admin saved a newer version on" in html
    assert "Reload" in html
    assert "Bob&#x27;s summary" in html or "Bob's summary" in html
    page.refresh_from_db()
    assert page.summary == "Alice's summary"
    assert page.latest_revision_id == page.live_revision_id == alice_revision.pk
    assert page.has_unpublished_changes is False
    # Bob's form now carries Alice's revision: publishing again overwrites it, on purpose.
    assert f'name="loaded_revision_id" value="{alice_revision.pk}"' in html

    again = re.search(r'name="loaded_revision_created_at" value="([^"]*)"', html).group(1)
    state = {"loaded_revision_id": str(alice_revision.pk), "loaded_revision_created_at": again}
    assert submit(bob, page, state, "Bob's summary").status_code == 302
    page.refresh_from_db()
    assert page.summary == "Bob's summary"
    assert page.latest_revision_id == page.live_revision_id
    assert page.has_unpublished_changes is False


def test_a_draft_save_from_an_older_revision_is_refused_too(page, admin_client, bob):
    alice_form, bob_form = loaded(admin_client, page), loaded(bob, page)
    assert submit(admin_client, page, alice_form, "Alice's draft", publish=False).status_code == 302
    latest = page.revisions.order_by("-id").first()
    response = submit(bob, page, bob_form, "Bob's draft", publish=False)
    assert response.status_code == 200
    assert "saved a newer version" in response.content.decode()
    assert page.revisions.order_by("-id").first() == latest


def test_twenty_alternating_publishes_each_from_the_latest_revision_all_apply(page, admin_client, bob):
    for number in range(20):
        client = admin_client if number % 2 else bob
        assert submit(client, page, loaded(client, page), f"Summary {number}").status_code == 302
    page.refresh_from_db()
    assert page.summary == "Summary 19"
    assert page.latest_revision_id == page.live_revision_id
    assert page.has_unpublished_changes is False


def test_twenty_stale_publishes_are_all_refused_and_the_flag_stays_right(page, admin_client, bob):
    stale = loaded(bob, page)
    for number in range(20):
        assert submit(admin_client, page, loaded(admin_client, page), f"Alice {number}").status_code == 302
        assert submit(bob, page, stale, f"Bob {number}").status_code == 200
    page.refresh_from_db()
    assert page.summary == "Alice 19"
    assert page.latest_revision_id == page.live_revision_id
    assert page.has_unpublished_changes is False
