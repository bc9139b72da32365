"""Fixtures for the search tests: pages made for a test, published the way an editor publishes them."""

import itertools

import pytest
from bs4 import BeautifulSoup
from django.utils.text import slugify
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.models import StandardPage

# Language stemming and title weights need PostgreSQL's text search; SQLite's FTS5 does neither.
# Skipped elsewhere (tests/conftest.py); `make test` runs them in a PostgreSQL pass.
on_postgresql = pytest.mark.postgresql

_slugs = itertools.count()


def make_page(parent, title, text="", *, summary="", body=None, publish=True, **fields) -> StandardPage:
    """A StandardPage under `parent` (in the parent's language) with `text` as a paragraph of its body.

    Published through a revision unless `publish` is False (then it is a draft that was never live).
    """
    if body is None:
        body = [{"type": "paragraph", "value": f"<p>{text}</p>"}] if text else []
    page = StandardPage(
        title=title,
        slug=f"{slugify(title)[:40] or 'page'}-{next(_slugs)}",
        listing_summary=summary,
        body=body,
        live=False,
        **fields,
    )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def search(client, language, query="", **params):
    """GET the search page; returns (response, BeautifulSoup of it)."""
    response = client.get(f"/{language}/search/", {"q": query, **params})
    return response, BeautifulSoup(response.content, "html.parser")


def result_titles(html) -> list[str]:
    return [h2.get_text(" ", strip=True) for h2 in html.select(".search-result__title")]


def result_links(html) -> list[str]:
    return [a["href"] for a in html.select(".search-result__title a")]


@pytest.fixture
def body_with_snippet_choosers(monkeypatch):
    """StandardPage's body gains snippet choosers for the test's duration.

    No page type in this branch chooses snippets in a StreamField yet (the
    families that do — events, case studies, guide — are built in parallel),
    so the test adds the blocks such a family would have to StandardPage's
    stream block; monkeypatch removes them afterwards.
    """
    stream_block = StandardPage._meta.get_field("body").stream_block
    extra = {
        "speaker": SnippetChooserBlock("home.Person"),
        "partners": blocks.ListBlock(SnippetChooserBlock("home.Partner")),
        "session": blocks.StructBlock(
            [("title", blocks.CharBlock()), ("competence", SnippetChooserBlock("home.Competence", required=False))]
        ),
    }
    for name, block in extra.items():
        block.set_name(name)
        monkeypatch.setitem(stream_block.child_blocks, name, block)
    return stream_block
