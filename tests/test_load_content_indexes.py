"""After `load_content` (the test database is built by it), search and "usage" counts are up to date."""

import io

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from home.loading import stable_uuid
from home.models import Competence, StandardPage
from search.indexing import referenced_snippets
from tests.search.conftest import result_links, search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "word"), [("en", "displaced"), ("fr", "répercussions"), ("hr", "Pandemija"), ("pt", "pandemia")]
)
def test_a_word_of_the_loaded_about_page_finds_it_in_its_language(client, language, word):
    about = StandardPage.objects.get(locale__language_code=language, translation_key=stable_uuid("page-about"))
    assert word in str(about.body)
    _response, html = search(client, language, word)
    assert about.url in result_links(html)


def test_sample_files_are_found_by_their_tag():
    # Tags are added after the file is saved: without the final re-index they would not be searchable.
    for model in (get_image_model(), get_document_model()):
        tagged = set(model.objects.filter(tags__name="sample content").values_list("pk", flat=True))
        assert tagged, model
        found = {obj.pk for obj in model.objects.search("content")}
        assert tagged <= found, model


def test_a_competences_usage_lists_every_page_that_links_it_in_its_language():
    competence = Competence.objects.get(locale__language_code="fr", number=3)
    usage = {obj.pk for obj, _references in ReferenceIndex.get_grouped_references_to(competence)}
    # Found without the reference index: the snippets each French page shows (fields, blocks, InlinePanel rows).
    expected = {
        page.pk
        for page in Page.objects.filter(locale__language_code="fr").specific()
        if competence in referenced_snippets(page)
    }
    assert len(expected) >= 5  # case studies, guide chapters, the training programme, an event
    assert usage == expected


def snapshot() -> tuple[set, set]:
    """The reference index's rows and the search index's entries, as comparable tuples."""
    references = set(
        ReferenceIndex.objects.values_list(
            "content_type_id", "object_id", "to_content_type_id", "to_object_id", "content_path"
        )
    )
    root = Page.get_first_root_node()  # Wagtail's migrations create it; `load_content` never saves it
    entries = {
        (entry.content_type_id, entry.object_id, str(entry.title), str(entry.body), str(entry.autocomplete))
        for entry in IndexEntry.objects.exclude(
            content_type__app_label="wagtailcore", content_type__model="page", object_id=str(root.pk)
        )
    }
    return references, entries


def test_the_indexes_are_what_a_full_rebuild_would_give():
    references, entries = snapshot()
    call_command("rebuild_references_index", stdout=io.StringIO())
    call_command("update_index", stdout=io.StringIO())
    rebuilt_references, rebuilt_entries = snapshot()
    assert references == rebuilt_references
    assert entries - rebuilt_entries == set()
    assert rebuilt_entries - entries == set()
