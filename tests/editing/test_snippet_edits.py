"""No lost edits for snippets: two editors with the same snippet open (two admin clients).

Every snippet model registered with Wagtail is covered, found in Wagtail's snippet registry: a new
snippet registered without RevisionMixin or without the project's edit view fails here.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import models
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from editing.conflicts import NoLostEditsMixin
from tests.editing.forms import edit_form_data
from tests.events.helpers import make_document, make_publication
from translations.models import GlossaryTerm

pytestmark = pytest.mark.django_db

SNIPPETS = sorted(model._meta.label for model in get_snippet_models())


def model_for(label: str):
    return next(model for model in get_snippet_models() if model._meta.label == label)


def text_field(model) -> str:
    """The first plain text field of the model's edit form (what the test types into)."""
    form_fields = model.snippet_viewset.get_form_class().base_fields
    for field in model._meta.concrete_fields:
        if (
            field.name in form_fields
            and type(field) in (models.CharField, models.TextField)
            and not field.choices
            and field.max_length != 2  # not a code
        ):
            return field.name
    raise AssertionError(f"{model._meta.label} has no plain text field for this test to edit")


# Snippets the loaded content may not hold (the PostgreSQL pass loads the home app's only).
MAKERS = {
    "publications.Publication": lambda: make_publication("Report", "report", en=make_document("Report", "r.pdf")),
    "translations.GlossaryTerm": lambda: GlossaryTerm.objects.create(term="partnership", note="As in the guide."),
}


def source_object(model):
    """An object that editors edit in Wagtail's own form (a source, not a translation)."""
    objects = model.objects.all()
    if issubclass(model, TranslatableMixin):
        objects = objects.filter(locale=Locale.get_default())
    found = objects.order_by("pk").first()
    if found is None and model._meta.label in MAKERS:
        found = MAKERS[model._meta.label]()
    assert found is not None, f"the loaded content has no {model._meta.label}: add a maker to MAKERS"
    return found


def edit_url(instance) -> str:
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])


def open_form(client, instance) -> dict:
    response = client.get(edit_url(instance))
    assert response.status_code == 200
    return edit_form_data(response.content.decode())


def save(client, instance, form: dict, field: str, text: str):
    return client.post(edit_url(instance), {**form, field: [text]})


@pytest.fixture
def bob(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("bob", "bob@example.org", "x"))
    return client


@pytest.mark.parametrize("label", SNIPPETS)
def test_every_registered_snippet_has_revisions_and_the_edit_view_that_refuses_stale_saves(label):
    model = model_for(label)
    assert issubclass(model, RevisionMixin), f"{label}: give it wagtail.models.RevisionMixin (and a migration)"
    assert issubclass(model.snippet_viewset.edit_view_class, NoLostEditsMixin), (
        f"{label}: register it with editing.viewsets.NoLostEditsSnippetViewSet"
    )


@pytest.mark.parametrize("start", ["never saved in the admin", "with revisions"])
@pytest.mark.parametrize("label", SNIPPETS)
def test_a_save_from_a_form_older_than_the_latest_revision_is_refused_and_can_overwrite(
    label, start, admin_client, bob
):
    model = model_for(label)
    instance = source_object(model)
    if start == "with revisions":
        instance.save_revision()
    else:  # as load_content leaves it: no revision yet
        instance.revisions.delete()
        model.objects.filter(pk=instance.pk).update(latest_revision=None)
    field = text_field(model)
    alice_form, bob_form = open_form(admin_client, instance), open_form(bob, instance)

    assert save(admin_client, instance, alice_form, field, "Text from Alice 4821").status_code == 302
    alice_revision = model.objects.get(pk=instance.pk).latest_revision
    assert alice_revision is not None

    response = save(bob, instance, bob_form, field, "Text from Bob 9317")
    assert response.status_code == 200
    html = response.content.decode()
    assert "admin saved a newer version on" in html
    assert "Text from Bob 9317" in html  # his own text, still in the form
    assert getattr(model.objects.get(pk=instance.pk), field) == "Text from Alice 4821"
    assert model.objects.get(pk=instance.pk).latest_revision == alice_revision

    # Reload: the link gives the form with Alice's version.
    reload_url = re.search(r'<a href="([^"]+)">Reload</a>', html).group(1)
    assert reload_url == edit_url(instance)
    assert open_form(bob, instance)[field] == ["Text from Alice 4821"]

    # Saving the returned form again overwrites Alice's version, on purpose: it carries her revision.
    again = edit_form_data(html)
    assert again["loaded_revision_id"] == [str(alice_revision.pk)]
    assert bob.post(edit_url(instance), again).status_code == 302
    saved = model.objects.get(pk=instance.pk)
    assert getattr(saved, field) == "Text from Bob 9317"
    assert saved.latest_revision.user.username == "bob"


@pytest.mark.parametrize("label", SNIPPETS)
def test_saves_each_from_the_latest_revision_all_apply(label, admin_client, bob):
    model = model_for(label)
    instance = source_object(model)
    field = text_field(model)
    for number in range(4):
        client = admin_client if number % 2 else bob
        assert save(client, instance, open_form(client, instance), field, f"Version {number}").status_code == 302
    assert getattr(model.objects.get(pk=instance.pk), field) == "Version 3"
    assert instance.revisions.count() >= 4


@pytest.mark.parametrize("label", SNIPPETS)
def test_snippet_forms_do_not_autosave_to_the_live_snippet(label, admin_client):
    # Without draft state an autosave would save the live snippet while the editor types.
    instance = source_object(model_for(label))
    form = BeautifulSoup(admin_client.get(edit_url(instance)).content, "html.parser").select_one("form[data-edit-form]")
    assert "w-autosave" not in form["data-controller"].split()
