"""The Guide for cooperation: index, chapters, table of contents, previous/next, reading time, whole guide."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from guide.reading_time import WORDS_PER_MINUTE
from publications.models import GeneratedPDF
from tests.conftest import LANGUAGES
from tests.guide.helpers import add_chapter, chapters, guide, main_text, paragraph, soup

pytestmark = pytest.mark.django_db


def test_the_guide_has_four_chapters_on_the_seeds_topics_in_every_language():
    titles = [chapter.title for chapter in chapters("en")]
    assert titles == [
        "Context of multi-stakeholder partnership in lifelong career guidance",
        "What multi-partner cooperation can bring to the European challenges in terms of lifelong guidance",
        "A practical case of one-stop-shop centre: the Cité des métiers model",
        "The major skills and actions for driving a multi-stakeholder partnership",
    ]
    for language in LANGUAGES:
        translated = chapters(language)
        assert [chapter.chapter_number for chapter in translated] == [1, 2, 3, 4]
        assert all(chapter.live and chapter.is_sample_content for chapter in translated)
        if language != "en":
            assert not set(titles) & {chapter.title for chapter in translated}, language


def test_guide_index_shows_purpose_audience_edition_and_the_chapter_list(client):
    page = guide("en")
    html = soup(client.get(page.url))
    text = html.find("main").get_text(" ", strip=True)
    assert "support partnership officers and managers in their daily work" in text
    assert "newcomers" in text
    assert "Edition of December 2021" in text
    assert "Written by Universcience" in text
    links = [a["href"] for a in html.select(".chapter-list a")]
    assert links == [chapter.url for chapter in chapters("en")]


def test_guide_index_edition_and_chapters_are_in_the_readers_language(client):
    page = guide("fr")
    text = main_text(client.get(page.url))
    assert "décembre 2021" in text
    assert "Chapitre 1" in text
    assert "Universcience / Cité des métiers de Paris" in text
    for chapter in chapters("fr"):
        assert chapter.title in text


def test_full_guide_document_can_differ_per_language(client):
    """The editor's document is offered where no generated PDF exists (tests/publications for those)."""
    GeneratedPDF.objects.all().delete()
    english_pdf = Document.objects.create(
        title="Guide (English)", file=ContentFile(b"%PDF-1.4 en", name="guide-en.pdf")
    )
    french_pdf = Document.objects.create(title="Guide (French)", file=ContentFile(b"%PDF-1.4 fr", name="guide-fr.pdf"))
    english, french, portuguese = guide("en"), guide("fr"), guide("pt")
    for page, document in [(english, english_pdf), (french, french_pdf), (portuguese, english_pdf)]:
        page.full_guide = document
        page.save_revision().publish()

    english_link = soup(client.get(english.url)).find("a", string="Download the full guide")
    french_link = soup(client.get(french.url)).select_one(".guide-actions a[download]")
    portuguese_html = soup(client.get(portuguese.url))
    assert english_link["href"] == english_pdf.url
    assert french_link["href"] == french_pdf.url and french_link["hreflang"] == "fr"
    # The Portuguese page still offers the English file, and says so.
    portuguese_link = portuguese_html.select_one(".guide-actions a[download]")
    assert portuguese_link["href"] == english_pdf.url and portuguese_link["hreflang"] == "en"
    assert portuguese_html.select_one(".guide-actions [lang=en]").get_text(strip=True) == "English"


def test_table_of_contents_lists_every_heading_and_each_anchor_exists_in_french(client):
    english = chapters("en")[0]
    french = chapters("fr")[0]
    english_toc = soup(client.get(english.url)).find("nav", class_="toc")
    entries = [(a["href"], a.get_text(strip=True)) for a in english_toc.find_all("a")]
    headings = [child for child in english.body.raw_data if child["type"] == "heading"]
    assert [text for _href, text in entries] == [child["value"]["text"] for child in headings]

    french_html = soup(client.get(french.url))
    french_entries = [(a["href"], a.get_text(strip=True)) for a in french_html.find("nav", class_="toc").find_all("a")]
    # Same anchors in both languages (block ids survive translation); translated text.
    assert [href for href, _text in french_entries] == [href for href, _text in entries]
    for (href, french_text), (_href, english_text) in zip(french_entries, entries, strict=True):
        target = french_html.find(id=href.removeprefix("#"))
        assert target is not None and target.name in {"h2", "h3"}
        assert target.get_text(strip=True) == french_text != english_text


def test_table_of_contents_nests_subsections_under_their_section(client):
    chapter = chapters("en")[0]
    toc = soup(client.get(chapter.url)).find("nav", class_="toc")
    nested = toc.select(".toc__list > li > ol > li > a")
    assert [a.get_text(strip=True) for a in nested] == ["Who leads the partnership"]


def test_a_chapter_without_headings_has_no_table_of_contents(client):
    chapter = add_chapter(body=[paragraph("<p>Only a paragraph, no heading.</p>")])
    html = soup(client.get(chapter.url))
    assert html.find("nav", class_="toc") is None
    assert "In this chapter" not in html.get_text()
    assert "Only a paragraph, no heading." in html.get_text()


def test_previous_and_next_follow_the_tree_order(client):
    first, second, third, fourth = chapters("fr")
    nav = soup(client.get(second.url)).find("nav", class_="chapter-nav")
    assert nav.find("a", rel="prev")["href"] == first.url
    assert nav.find("a", rel="next")["href"] == third.url
    assert soup(client.get(first.url)).find("nav", class_="chapter-nav").find("a", rel="prev") is None
    assert soup(client.get(fourth.url)).find("nav", class_="chapter-nav").find("a", rel="next") is None

    # Moving chapter 4 before chapter 2 changes the reading order.
    fourth.move(second, pos="left")
    nav = soup(client.get(second.url)).find("nav", class_="chapter-nav")
    assert nav.find("a", rel="prev")["href"] == fourth.url


def test_previous_and_next_skip_unpublished_chapters(client):
    first, second, third, _fourth = chapters("en")
    second.unpublish()
    nav = soup(client.get(first.url)).find("nav", class_="chapter-nav")
    assert nav.find("a", rel="next")["href"] == third.url


def test_reading_time_uses_the_speed_of_the_pages_language(client):
    words = " ".join(["mot"] * 2000)
    english = add_chapter(body=[paragraph(f"<p>{words}</p>")], title="Long", summary="Long.")
    french = add_chapter(parent=guide("fr"), body=[paragraph(f"<p>{words}</p>")], title="Long", summary="Long.")
    assert english.reading_minutes == -(-2002 // WORDS_PER_MINUTE["en"])  # 2,000 words, title and summary
    assert french.reading_minutes == -(-2002 // WORDS_PER_MINUTE["fr"])
    assert french.reading_minutes > english.reading_minutes
    assert f"About {english.reading_minutes} minutes to read" in main_text(client.get(english.url))
    assert f"Environ {french.reading_minutes} minutes de lecture" in main_text(client.get(french.url))


def test_a_chapter_added_in_code_under_a_french_guide_is_timed_at_french_speed():
    from guide.models import GuideChapterPage

    words = " ".join(["mot"] * 2000)
    chapter = GuideChapterPage(title="Sans langue", chapter_number=9, summary="Résumé.", body=[paragraph(words)])
    guide("fr").add_child(instance=chapter)
    assert chapter.locale.language_code == "fr"
    assert chapter.reading_minutes == -(-2003 // WORDS_PER_MINUTE["fr"])  # title 2, summary 1, body 2,000


def test_translated_chapters_get_their_own_reading_time():
    for english, croatian in zip(chapters("en"), chapters("hr"), strict=True):
        assert croatian.reading_minutes >= 1
        assert croatian.word_count() != english.word_count()


@pytest.mark.parametrize("language", LANGUAGES)
def test_whole_guide_page_has_all_four_chapters_in_the_current_language(client, language):
    page = guide(language)
    response = client.get(page.url + "print/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    sections = html.select("section.whole-guide__chapter")
    assert [section.find("h2").get_text(strip=True) for section in sections] == [c.title for c in chapters(language)]
    # Chapter headings sit one level under the chapter title; their anchors are the chapter pages' anchors.
    first_heading = sections[0].find("h3")
    assert first_heading["id"].startswith("section-")
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    # The language switcher leads to the whole guide in the other languages.
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}
    assert all(href.endswith("/print/") for href in alternates.values())


def test_chapters_and_whole_guide_load_the_print_stylesheet(client):
    chapter = chapters("en")[0]
    for url in [chapter.url, guide("en").url + "print/"]:
        stylesheets = {
            link["href"]: link.get("media") for link in soup(client.get(url)).find_all("link", rel="stylesheet")
        }
        assert stylesheets["/static/guide/guide-print.css"] == "print"
    assert "Print this chapter" in soup(client.get(chapter.url)).find("button", attrs={"data-print": True}).get_text()


def test_a_chapter_links_its_competences_to_the_framework_in_the_readers_language(client):
    chapter = chapters("pt")[0]
    links = soup(client.get(chapter.url)).select(".competence-links a")
    assert [a["href"] for a in links] == [
        "/pt/quadro-de-competencias/1/",
        "/pt/quadro-de-competencias/6/",
    ]
    assert "Desenvolver e formalizar novas parcerias" in links[0].get_text()


def test_sample_chapters_say_so(client):
    chapter = chapters("it")[0]
    assert soup(client.get(chapter.url)).find(class_="sample-notice") is not None
