"""No translation goes live while its source is not, on every publishing path (translations.publish_guard):
a moderation workflow's approval, the admin API's publish action, scheduled publishing, `Page.publish`."""

import json
import logging
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, TaskState, Workflow, WorkflowTask
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from tests.factories import StandardPageFactory
from translations.publish_guard import SourceNotLive

pytestmark = pytest.mark.django_db

REFUSAL = "its source, “Withdrawn” (English), is not published"


def notes(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def withdrawn(home_pages, locales):
    """An English page translated into French (fully, as a draft), then unpublished: (English, French)."""
    page = StandardPageFactory(parent=home_pages["en"], title="Withdrawn", slug="withdrawn")
    translate_object(page, [locales["fr"]])
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locales["fr"])
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"[fr] {entry.msgid}"
    translation.import_po(po)
    french = page.get_translation(locales["fr"]).specific
    french.save_revision()
    page.unpublish()
    return page, french


def in_moderation(page, user):
    """`page` submitted to a one-step workflow approved by the Moderators group; its TaskState."""
    task = GroupApprovalTask.objects.create(name="Check the translation")
    task.groups.add(Group.objects.get(name="Moderators"))
    workflow = Workflow.objects.create(name="Translation review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.start(page, user)
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)


def test_approving_a_translation_in_moderation_does_not_publish_it_while_its_source_is_not_live(
    superuser_client, french_translator, withdrawn, caplog
):
    english, french = withdrawn
    task_state = in_moderation(french, french_translator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[french.pk, "approve", task_state.pk])
    with caplog.at_level(logging.WARNING, logger="translations.publish_guard"):
        response = superuser_client.post(url, {"comment": ""})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert any(REFUSAL in note for note in notes(response))
    french.refresh_from_db()
    assert not french.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS  # the approval was rolled back with the publication
    assert any(f"page={french.pk} locale=fr" in record.getMessage() for record in caplog.records)

    # The modal (an XMLHttpRequest) gets the same refusal, and is sent to the page's editor.
    response = superuser_client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    assert json.loads(response.content)["redirect"] == reverse("wagtailadmin_pages:edit", args=[french.pk])
    french.refresh_from_db()
    assert not french.live

    # Once the source is published again, the same approval publishes the translation.
    english.save_revision().publish()
    superuser_client.post(url, {"comment": ""})
    french.refresh_from_db()
    assert french.live


def test_the_admin_api_does_not_publish_a_translation_while_its_source_is_not_live(french_client, withdrawn):
    _english, french = withdrawn
    url = reverse("wagtailadmin_api:pages:action", args=[french.pk, "publish"])
    response = french_client.post(url, {}, content_type="application/json")
    assert response.status_code == 400
    assert REFUSAL in response.json()["__all__"][0]
    french.refresh_from_db()
    assert not french.live


def test_the_admin_api_publishes_a_translation_whose_source_is_live(french_client, withdrawn):
    english, french = withdrawn
    english.save_revision().publish()
    response = french_client.post(
        reverse("wagtailadmin_api:pages:action", args=[french.pk, "publish"]), {}, content_type="application/json"
    )
    assert response.status_code == 200
    french.refresh_from_db()
    assert french.live


def test_scheduled_publishing_skips_a_translation_whose_source_was_unpublished(home_pages, withdrawn, caplog):
    _english, french = withdrawn
    past = timezone.now() - timedelta(minutes=5)
    revision = french.get_latest_revision()
    revision.approved_go_live_at = past
    revision.save()
    # Another page scheduled after it: the command goes on past the refused one.
    other = StandardPageFactory(parent=home_pages["en"], title="Scheduled", slug="scheduled", live=False)
    other_revision = other.save_revision()
    other_revision.approved_go_live_at = past + timedelta(minutes=1)
    other_revision.save()

    with caplog.at_level(logging.WARNING, logger="translations.publish_guard"):
        call_command("publish_scheduled")

    french.refresh_from_db()
    revision.refresh_from_db()
    assert not french.live
    assert revision.approved_go_live_at is None  # it will not go live later by surprise
    assert any(
        "Refused scheduled publish" in record.getMessage() and f"page={french.pk} locale=fr" in record.getMessage()
        for record in caplog.records
    )
    other.refresh_from_db()
    assert other.live


def test_publishing_in_code_raises_with_the_reason(withdrawn):
    _english, french = withdrawn
    with pytest.raises(SourceNotLive, match=re.escape(REFUSAL)):
        french.get_latest_revision().publish()
    french.refresh_from_db()
    assert not french.live


def test_a_source_page_and_a_translation_with_a_live_source_publish_as_before(withdrawn):
    english, french = withdrawn
    english.save_revision().publish()
    french.get_latest_revision().publish()
    english.refresh_from_db()
    french.refresh_from_db()
    assert english.live and french.live
