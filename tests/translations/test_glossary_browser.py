"""Issue 15 point 7: the glossary beside matching segments of the translation editor, in Chromium.

A French translator (admin in French) opens the translation editor of the loaded "About the
project" page, which mentions "multi-stakeholder partnership(s)", "Cité des métiers" and partner
names. Each segment whose source mentions a term gets one note (translations/static/translations/
admin/glossary_notes.js) with the French approved translation; the others get none, and the notes
agree with translations.glossary.glossary_matches on every segment. They survive React's
re-renders without doubling, describe the segment's controls for screen readers, and the page
raises no CSP violation, no console error and no axe violation.
"""

import re

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from django.test import Client
from django.urls import reverse
from django.utils import translation as django_translation
from django.utils.translation import gettext
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from tests.a11y.test_axe_audit import WCAG_TAGS, describe
from translations.glossary import glossary_matches
from translations.models import GlossaryTerm

pytestmark = pytest.mark.browser

LISTEN = """window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.cspViolations.push(e.disposition + " " + e.violatedDirective + " " + e.blockedURI);
});"""

# Every string segment's source text, and the note beside it: its id and its terms.
SEGMENTS = """() => [...document.querySelectorAll(".js-translation-editor li > p")].map((source) => {
    const notes = [...source.parentElement.querySelectorAll(".kip-glossary-note")];
    return {
        source: source.textContent,
        notes: notes.length,
        id: notes.length ? notes[0].id : null,
        text: notes.length ? notes[0].textContent : null,
        terms: notes.length ? [...notes[0].querySelectorAll("li")].map((item) => [
            item.querySelector(".kip-glossary-note__term").textContent,
            (item.querySelector(".kip-glossary-note__translation") || {}).textContent || null,
        ]) : [],
        describedBy: [...source.parentElement.querySelectorAll("button, textarea")].map(
            (control) => control.getAttribute("aria-describedby")
        ),
    };
})"""

# A note's label and lines as they are seen: without what only screen readers read.
VISIBLE_TEXT = """note => [note.querySelector(".kip-glossary-note__label"), ...note.querySelectorAll("li")].map(p => {
    const copy = p.cloneNode(true);
    copy.querySelectorAll(".w-sr-only").forEach((element) => element.remove());
    return copy.textContent.split(/\\s+/).filter(Boolean).join(" ");
})"""

NEXT_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"

INTRODUCTION = "Keep in Pact ran from September 2019"  # mentions "multi-stakeholder partnership managers"


def open_editor(live_site, new_page, user, url):
    client = Client()
    client.force_login(user)
    page = new_page(viewport={"width": 1280, "height": 900})
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_site}])
    page.add_init_script(LISTEN)
    page.goto(live_site + url)
    page.wait_for_selector(".kip-glossary-note")
    return page


def segment(segments, start):
    (found,) = [item for item in segments if item["source"].startswith(start)]
    return found


def test_glossary_notes_beside_matching_segments_in_the_translation_editor(
    live_site, new_page, french_translator, about, settings
):
    # The admin's avatar would come from Gravatar: the internet, and over http here, outside img-src.
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    UserProfile.objects.filter(pk=UserProfile.get_for_user(french_translator).pk).update(preferred_language="fr")
    french = Locale.objects.get(language_code="fr")
    GlossaryTerm.objects.create(term="lifelong career guidance")  # not yet translated into French
    url = reverse("wagtailadmin_pages:edit", args=[about.by_language["fr"].pk])
    page = open_editor(live_site, new_page, french_translator, url)
    with django_translation.override("fr"):
        label = gettext("Glossary:")

    segments = page.evaluate(SEGMENTS)
    assert len(segments) > 10
    for item in segments:
        expected = [[m.term, m.translation or None] for m in glossary_matches([item["source"]], french)]
        assert item["terms"] == expected, item["source"]  # the same terms as the server's matching
        assert item["notes"] == (1 if expected else 0), item["source"]
        if expected:
            assert item["text"].startswith(label)
            assert item["describedBy"] and all(ids == item["id"] for ids in item["describedBy"])

    introduction = segment(segments, INTRODUCTION)
    assert introduction["terms"] == [
        ["lifelong career guidance", None],
        ["multi-stakeholder partnership", "partenariat multi-acteurs"],
    ]
    note = page.locator(f"#{introduction['id']}")
    assert note.get_attribute("role") == "note"
    assert note.locator("[lang=en]").all_inner_texts() == ["lifelong career guidance", "multi-stakeholder partnership"]
    assert note.locator("[lang=fr]").all_inner_texts() == ["partenariat multi-acteurs"]
    with django_translation.override("fr"):
        spoken = gettext("approved translation:")
        missing = gettext("no approved translation in this language yet")
    shown_label, first, second = note.evaluate(VISIBLE_TEXT)
    assert shown_label == " ".join(label.split())
    assert first == f"lifelong career guidance → {missing}"
    assert second.startswith("multi-stakeholder partnership → partenariat multi-acteurs — The project's subject")
    assert note.locator(".w-sr-only").all_inner_texts() == [spoken, spoken]  # the arrow, for screen readers
    assert segment(segments, "About the project")["notes"] == 0  # the title mentions no term
    partners = segment(segments, "Six organisations carried out the project")
    assert ["Cité des métiers", "Cité des métiers"] in partners["terms"]  # the French name is the same

    # What a screen reader says of the segment's Edit button: the note, the arrow as words, lines apart.
    item = page.locator(f"li:has(> #{introduction['id']})")
    said = [label, "lifelong career guidance", spoken, missing, "multi-stakeholder partnership", spoken]
    said += ["partenariat multi-acteurs —"]
    expect(item.locator("button").first).to_have_accessible_description(
        re.compile("^" + r"\s+".join(re.escape(word) for text in said for word in text.split()))
    )

    # React re-renders the segment when it opens for editing and closes: still one note, describing the text box.
    item.locator("button").first.click()  # Edit
    textarea = item.locator("textarea")
    textarea.wait_for()
    page.wait_for_function(  # the observer's pass after React's render
        "() => (document.querySelector('.js-translation-editor textarea').getAttribute('aria-describedby') || '')"
        ".startsWith('kip-glossary-note-')"
    )
    assert item.locator(".kip-glossary-note").count() == 1
    assert textarea.get_attribute("aria-describedby") == introduction["id"]
    item.locator("button").first.click()  # Cancel (then Save)
    textarea.wait_for(state="detached")
    page.evaluate(NEXT_FRAMES)  # the observer's pass, had it another note to add
    after = page.evaluate(SEGMENTS)
    assert [(s["source"], s["notes"], s["terms"]) for s in after] == [
        (s["source"], s["notes"], s["terms"]) for s in segments
    ]

    # The segments with their notes: no WCAG 2.1 A/AA violation. Not the whole editor: wagtail-localize's
    # own block labels lack contrast and its PO upload field has no label (its markup, not ours).
    page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = page.evaluate(
        "options => axe.run({include: [...document.querySelectorAll('li:has(> .kip-glossary-note)')]}, options)",
        options,
    )
    assert {"color-contrast", "aria-roles", "valid-lang"} <= {rule["id"] for rule in results["passes"]}  # audited
    violations = results["violations"]
    assert violations == [], "\n".join(describe("translation editor", violation) for violation in violations)
    assert page.evaluate("() => window.cspViolations") == []
    assert page.problems == []


def test_a_snippet_translation_editor_has_the_notes_too(live_site, new_page, french_translator, lllp, settings):
    """The same template serves snippets: the partner LLLP's name is a glossary term."""
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    url = reverse("wagtailsnippets_home_partner:edit", args=[lllp.by_language["fr"].pk])
    page = open_editor(live_site, new_page, french_translator, url)
    segments = page.evaluate(SEGMENTS)
    noted = [item for item in segments if item["notes"]]
    assert noted and all(item["notes"] == 1 for item in segments if item["notes"])
    assert any(term == lllp.by_language["en"].name for item in noted for term, _translation in item["terms"])
    assert page.evaluate("() => window.cspViolations") == []
    assert page.problems == []
