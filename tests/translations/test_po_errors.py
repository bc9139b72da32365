"""Bad PO files: each gets a message naming the problem, and no translated string is lost."""

from pathlib import Path

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from translations.po import TRANSLATION_ID_HEADER

pytestmark = pytest.mark.django_db

SHIPPED_PO = Path(__file__).resolve().parents[2] / "home" / "content" / "locale" / "fr" / "page-about.po"


def french_strings(translation):
    return sorted(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("context__path", "translation_of__data", "data")
    )


def upload(client, translation, content: bytes | None, name="about-fr.po"):
    data = {"next": "/admin/"}
    if content is not None:
        data["file"] = SimpleUploadedFile(name, content, content_type="text/x-gettext-translation")
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), data)
    assert response.status_code == 302
    return [(message.level_tag, str(message).strip()) for message in get_messages(response.wsgi_request)]


def po_for(translation, edit=None) -> bytes:
    po = translation.export_po()
    if edit:
        edit(po)
    return str(po).encode()


BAD_FILES = {
    "malformed": (
        lambda about: b'msgid "Why the project"\nmsgstr "Pourquoi"\nmsgstr "Pourquoi donc"\n',
        "“about-fr.po” is not a valid PO file (syntax error on line 3)",
    ),
    "not a PO file at all": (
        lambda about: b"<html><body>Page not found</body></html>",
        "“about-fr.po” is not a valid PO file (syntax error on line 1)",
    ),
    "not text": (lambda about: b"\xff\xfe\x00\x01binary\x00", "is not a UTF-8 text file"),
    "empty": (lambda about: b"  \n", "“about-fr.po” is empty"),
    "without the translation editor's header": (
        lambda about: SHIPPED_PO.read_bytes(),
        f"was not downloaded from the translation editor: it has no {TRANSLATION_ID_HEADER} header",
    ),
    "for another page": (
        lambda about: po_for(about["home"].translations["fr"]),
        "“about-fr.po” is for “Keep in Pact” in French, not for “About the project” in French",
    ),
    "for another language": (
        lambda about: po_for(about["about"].translations["pt"]),
        "“about-fr.po” is the Portuguese translation of “About the project”, but this is the French translation",
    ),
    "declaring another language": (
        lambda about: po_for(about["about"].translations["fr"], lambda po: po.metadata.update({"Language": "pt_PT"})),
        "declares the language “pt-pt”, but this is the French translation",
    ),
    **{
        f"with a {TRANSLATION_ID_HEADER} that is {name}": (
            lambda about, value=value: po_for(
                about["about"].translations["fr"], lambda po: po.metadata.update({TRANSLATION_ID_HEADER: value})
            ),
            f"“about-fr.po” has a malformed {TRANSLATION_ID_HEADER} header (“{value[:20]}",
        )
        for name, value in [
            ("a word", "not-a-uuid"),
            ("a number", "12345"),
            ("a UUID with more after it", "00000000-0000-4000-8000-000000000000 copy"),
            ("a UUID cut short", "00000000-0000-4000-8000"),
            ("an edited UUID", "00000000-0000-4000-8000-00000000000g"),
        ]
    },
    "with a header continued on a line of its own": (
        lambda about: po_for(about["about"].translations["fr"]).replace(
            f'{about["about"].translations["fr"].uuid}\\n"'.encode(),
            f'{about["about"].translations["fr"].uuid}\\n"\n"copied from another file\\n"'.encode(),
        ),
        f"“about-fr.po” has a malformed {TRANSLATION_ID_HEADER} header",
    ),
    "of a translation that was deleted": (
        lambda about: po_for(
            about["about"].translations["fr"],
            lambda po: po.metadata.update({TRANSLATION_ID_HEADER: "00000000-0000-4000-8000-000000000000"}),
        ),
        "belongs to a translation that no longer exists",
    ),
}


@pytest.fixture
def items(about, home):
    return {"about": about, "home": home}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_po_file_is_refused_with_a_message_and_nothing_changes(french_client, items, name):
    make, expected = BAD_FILES[name]
    translation = items["about"].translations["fr"]
    before = french_strings(translation)
    notes = upload(french_client, translation, make(items))
    assert len(notes) == 1
    level, text = notes[0]
    assert level == "error"
    assert expected in text
    assert "Nothing was imported" in text
    assert french_strings(translation) == before


def test_no_file_is_a_message_not_a_server_error(french_client, items):
    translation = items["about"].translations["fr"]
    assert upload(french_client, translation, None) == [("error", "Choose a PO file to upload. Nothing was imported.")]


def test_strings_that_no_longer_exist_are_named_and_the_others_imported(french_client, items):
    about = items["about"]
    translation = about.translations["fr"]

    def outdated(po: polib.POFile):
        for entry in po:
            if entry.msgid == "Why the project":
                entry.msgid = "Why the project was set up"  # The source said this once; it no longer does.
                entry.msgstr = "Pourquoi le projet a été lancé"
            elif entry.msgctxt == "introduction":
                entry.msgstr = "Keep in Pact s'est déroulé de 2019 à 2022."
            else:
                entry.msgstr = ""  # Left empty: the existing translation must stay.

    before = dict(((path, msgid), data) for path, msgid, data in french_strings(translation))
    notes = upload(french_client, translation, po_for(translation, outdated))
    assert notes[0] == ("success", "Imported 1 translation from “about-fr.po”.")
    assert notes[1][0] == "warning"
    assert notes[1][1] == (
        "1 string in “about-fr.po” no longer exists in “About the project” and was not imported: "
        "“Why the project was set up”."
    )
    after = dict(((path, msgid), data) for path, msgid, data in french_strings(translation))
    assert set(after) == set(before)
    changed = {key for key in after if after[key] != before[key]}
    assert [key[0] for key in changed] == ["introduction"]
    assert after[next(iter(changed))] == "Keep in Pact s'est déroulé de 2019 à 2022."


def test_fuzzy_entries_are_not_imported(french_client, items):
    translation = items["about"].translations["fr"]

    def fuzzy(po: polib.POFile):
        for entry in po:
            if entry.msgctxt == "title":
                entry.msgstr = "Titre incertain"
                entry.flags.append("fuzzy")

    before = french_strings(translation)
    notes = upload(french_client, translation, po_for(translation, fuzzy))
    assert (
        "warning",
        "1 entry marked fuzzy (needs review) was not imported; its current translation is kept.",
    ) in notes
    assert french_strings(translation) == before


def test_the_header_spelt_another_way_still_imports(french_client, items):
    """An upper-case or braced UUID, or a lower-case header name, is the same translation: the file is imported."""
    translation = items["about"].translations["fr"]

    def respelt(po: polib.POFile):
        del po.metadata[TRANSLATION_ID_HEADER]
        po.metadata[TRANSLATION_ID_HEADER.lower()] = f"{{{str(translation.uuid).upper()}}}"
        for entry in po:
            if entry.msgctxt == "title":
                entry.msgstr = "À propos du projet Keep in Pact"

    notes = upload(french_client, translation, po_for(translation, respelt))
    assert notes[0][0] == "success" and notes[0][1].startswith("Imported ")
    titles = [data for path, _msgid, data in french_strings(translation) if path == "title"]
    assert titles == ["À propos du projet Keep in Pact"]


def test_plural_entries_are_named_and_not_imported(french_client, items):
    translation = items["about"].translations["fr"]
    title_before = [data for path, _msgid, data in french_strings(translation) if path == "title"]

    def with_plurals(po: polib.POFile):
        for entry in po:
            if entry.msgctxt == "title":
                # The title's own msgid, made plural: it must not replace the title's translation.
                entry.msgid_plural = "About the projects"
                entry.msgstr = ""
                entry.msgstr_plural = {0: "À propos du projet", 1: "À propos des projets"}
            elif entry.msgctxt == "introduction":
                entry.msgstr = "Keep in Pact s'est déroulé de 2019 à 2022."
        po.append(
            polib.POEntry(
                msgctxt="listing_summary",
                msgid="One partner",
                msgid_plural="%d partners",
                msgstr_plural={0: "Un partenaire", 1: "%d partenaires"},
            )
        )

    content = po_for(translation, with_plurals)
    assert b"msgid_plural" in content
    notes = upload(french_client, translation, content)
    assert notes[0][0] == "success"
    assert (
        "warning",
        "2 entries in “about-fr.po” have plural forms (msgid_plural) and were not imported: "
        "“About the project”, “One partner”. The strings of the site have no plural forms: "
        "give each entry a single msgstr.",
    ) in notes
    after = french_strings(translation)
    assert [data for path, _msgid, data in after if path == "title"] == title_before
    assert "Keep in Pact s'est déroulé de 2019 à 2022." in [data for path, _msgid, data in after]
