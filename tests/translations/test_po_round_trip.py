"""PO round trip for every page type: download, fill, upload, publish, read the French page.

A page type joins with one line in CASES: its model label, the content key of
a loaded English page (home.loading keys), and, when that page's content has
no internal link, the rich-text or StreamField field to add one to.
"""

from dataclasses import dataclass

import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from home.loading import stable_uuid

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class RoundTripCase:
    model: str  # "app.Model"
    key: str  # load_content key of an English page of that type
    add_link_to: str | None = None  # field to append an internal page link to, if the content has none

    def __str__(self):
        return self.model


CASES = [
    RoundTripCase("home.HomePage", "home-page", add_link_to="introduction"),
    RoundTripCase("home.StandardPage", "page-about", add_link_to="body"),
    RoundTripCase("guide.GuideIndexPage", "guide-index"),
    RoundTripCase("guide.GuideChapterPage", "guide-chapter-3"),
    RoundTripCase("guide.CompetenceFrameworkPage", "competence-framework"),
    RoundTripCase("guide.TrainingProgrammePage", "training-programme"),
    RoundTripCase("casestudies.CaseStudyIndexPage", "case-study-library"),
    RoundTripCase("casestudies.CaseStudyPage", "case-study-sample-porto"),
    RoundTripCase("events.EventIndexPage", "event-index"),
    RoundTripCase("events.EventPage", "event-multiplier-2022"),
    RoundTripCase("tours.TourIndexPage", "tour-index"),
    RoundTripCase("tours.TourPage", "tour-brussels"),
    RoundTripCase("tours.TourScenePage", "tour-brussels-reception"),
    RoundTripCase("static_archive.OpenDataPage", "page-open-data", add_link_to="introduction"),
]

MARK = " ·PO"
UNRENDERED = {"slug", "seo_title", "search_description"}


def english_page(case: RoundTripCase) -> Page:
    page = Page.objects.get(translation_key=stable_uuid(case.key), locale=Locale.get_default()).specific
    assert f"{page._meta.app_label}.{type(page).__name__}" == case.model
    return page


def link_target(page: Page) -> Page:
    """Another English page that has a French translation: the home page, or About from the home page."""
    home = Page.objects.get(translation_key=stable_uuid("home-page"), locale=Locale.get_default())
    return (
        Page.objects.get(translation_key=stable_uuid("page-about"), locale=home.locale) if page.pk == home.pk else home
    )


def add_internal_link(page: Page, field_name: str, target: Page) -> None:
    """Append “Read more about it.” linking to `target` to a RichTextField or a StreamField's paragraph, and publish."""
    html = f'<p>Read <a linktype="page" id="{target.pk}">more about it</a>.</p>'
    field = page._meta.get_field(field_name)
    if isinstance(field, RichTextField):
        setattr(page, field_name, (getattr(page, field_name) or "") + html)
    elif isinstance(field, StreamField):
        stream: StreamValue = getattr(page, field_name)
        raw = list(stream.raw_data)
        raw.append({"type": "paragraph", "value": html, "id": "7a0c3e4e-0000-4000-8000-000000000001"})
        setattr(page, field_name, raw)
    else:
        raise AssertionError(f"{field_name} is not rich text or a StreamField")
    page.save_revision().publish()
    TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale).update_from_db()


def fill(po: polib.POFile) -> dict[tuple[str, str], str]:
    """Translate every entry: slugs get a new slug, text keeps its French (or source) and gains a mark."""
    filled = {}
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgctxt == "slug":
            entry.msgstr = (entry.msgstr or entry.msgid) + "-po"
        else:
            entry.msgstr = (entry.msgstr or entry.msgid) + MARK
        filled[(entry.msgctxt, entry.msgid)] = entry.msgstr
    return filled


def visible_text(html: bytes) -> str:
    """The page's text, meta contents and alt texts, without any whitespace (tags split words differently)."""
    soup = BeautifulSoup(html, "html.parser")
    metas = "".join(meta.get("content", "") for meta in soup.find_all("meta"))
    alts = "".join(img.get("alt", "") for img in soup.find_all("img"))
    return "".join(f"{soup.get_text()}{metas}{alts}".split())


def plain(fragment: str) -> str:
    return "".join(BeautifulSoup(fragment, "html.parser").get_text().split())


@pytest.mark.parametrize("case", CASES, ids=str)
def test_po_round_trip(case, french_client, locales, django_capture_on_commit_callbacks):
    source_page = english_page(case)
    if case.add_link_to:
        add_internal_link(source_page, case.add_link_to, link_target(source_page))
    french_before = source_page.get_translation(locales["fr"]).specific
    revisions_before = french_before.revisions.count()
    translation = Translation.objects.get(
        source__object_id=source_page.translation_key, source__locale=locales["en"], target_locale=locales["fr"]
    )

    # 1. Download the PO file through the translation editor's link.
    response = french_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode())
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)

    # 2. Fill it and upload it through the translation editor's form.
    filled = fill(po)
    edit_url = reverse("wagtailadmin_pages:edit", args=[french_before.pk])
    upload = polib.POFile(wrapwidth=0)
    upload.metadata = po.metadata
    upload.extend(po)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = french_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("fr.po", str(upload).encode()), "next": edit_url},
    )
    assert response.status_code == 302 and response["Location"] == edit_url
    notes = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert notes == [f"Imported {len(filled)} translations from “fr.po”."]

    # 3. Publish from the translation editor.
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit.
        response = french_client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    french = Page.objects.get(pk=french_before.pk).specific
    assert french.live and french.revisions.count() == revisions_before + 1
    assert french.live_revision_id == french.latest_revision_id != french_before.live_revision_id

    # 4. The French page has exactly the uploaded strings ...
    uploaded_by_path = {}
    for (path, _msgid), msgstr in filled.items():
        uploaded_by_path.setdefault(path, []).append(msgstr)
    french_by_path = {}
    for segment in extract_segments(french):
        if isinstance(segment, StringSegmentValue):
            french_by_path.setdefault(segment.path, []).append(segment.string.data)
    assert {p: sorted(v) for p, v in french_by_path.items()} == {p: sorted(v) for p, v in uploaded_by_path.items()}

    # ... and a visitor sees them at its French address.
    response = Client().get(french.url)
    assert response.status_code == 200, (french.url, french.url_path)
    text = visible_text(response.content)
    for (path, _msgid), msgstr in filled.items():
        if path not in UNRENDERED:
            assert plain(msgstr) in text, (path, msgstr)

    assert french.url.startswith("/fr/")
    if any(path == "slug" for path, _msgid in filled):  # a synchronised slug is checked below, with the rest
        assert french.slug.endswith("-po")

    # 5. Synchronised values are the English page's.
    for field in get_translatable_fields(type(source_page)):
        if field.is_synchronized(source_page) and not field.is_overridable(source_page):
            model_field = field.get_field(type(source_page))
            if hasattr(model_field, "value_from_object") and not model_field.many_to_many:
                assert model_field.value_from_object(french) == model_field.value_from_object(source_page), (
                    field.field_name
                )

    # 6. Internal links point to the French pages.
    main = BeautifulSoup(response.content, "html.parser").find("main")
    not_pages = ("/documents/", "/media/", "/static/")  # files are served outside the language prefix
    hrefs = [
        a["href"]
        for a in main.find_all("a", href=True)
        if a["href"].startswith("/") and not a["href"].startswith(not_pages)
    ]
    assert hrefs, "the page should link to another page"
    for href in hrefs:
        assert href.startswith("/fr/"), href
    if case.add_link_to:
        target_fr = link_target(source_page).get_translation(locales["fr"])
        assert target_fr.url in hrefs


def test_po_round_trip_of_a_competence_snippet(french_client, locales):
    """A French translator fills a competence's PO file; the French competence page shows the uploaded text."""
    from guide.models import CompetenceFrameworkPage
    from home.models import Competence

    english = Competence.objects.get(locale=locales["en"], number=3)
    french_before = english.get_translation(locales["fr"])
    translation = Translation.objects.get(
        source__object_id=english.translation_key, source__locale=locales["en"], target_locale=locales["fr"]
    )
    response = french_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    filled = fill(po)
    assert ("title", english.title) in filled

    from django.core.files.uploadedfile import SimpleUploadedFile

    edit_url = reverse("wagtailsnippets_home_competence:edit", args=[french_before.pk])
    response = french_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("fr.po", str(po).encode()), "next": edit_url},
    )
    assert response.status_code == 302 and response["Location"] == edit_url
    response = french_client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302

    french = Competence.objects.get(pk=french_before.pk)
    assert french.title == filled[("title", english.title)]
    assert french.number == english.number == 3

    framework = CompetenceFrameworkPage.objects.get(locale=locales["fr"])
    response = Client().get(f"{framework.url}3/")
    assert response.status_code == 200
    text = visible_text(response.content)
    for (path, _msgid), msgstr in filled.items():
        assert plain(msgstr) in text, (path, msgstr)
