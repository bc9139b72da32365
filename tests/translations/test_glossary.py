"""Issue 15 point 7: the project glossary, loaded by load_content, shown in the translation editor, sent to DeepL.

DeepL is a fake HTTP server on a free local port: no test reaches the internet.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from home.models import Competence, Partner
from translations.models import DeepLGlossary, GlossaryTerm, GlossaryTranslation

pytestmark = pytest.mark.django_db


def test_load_content_loaded_the_glossary():
    terms = {term.term: term for term in GlossaryTerm.objects.prefetch_related("translations__locale")}
    for competence in Competence.objects.filter(locale=Locale.get_default()):
        assert competence.title in terms
    for name in ["Cité des métiers", "multi-stakeholder partnership", "Cité des métiers of Porto"]:
        assert name in terms
    first = Competence.objects.get(locale=Locale.get_default(), number=1)
    approved = {row.locale.language_code: row.translation for row in terms[first.title].translations.all()}
    assert approved == {
        competence.locale.language_code: competence.title
        for competence in Competence.objects.filter(translation_key=first.translation_key).exclude(
            locale=Locale.get_default()
        )
    }
    assert approved["fr"] == "Développer et formaliser de nouveaux partenariats"
    partnership = {
        row.locale.language_code: row.translation for row in terms["multi-stakeholder partnership"].translations.all()
    }
    assert partnership == {
        "fr": "partenariat multi-acteurs",
        "pt": "parceria multissetorial",
        "it": "partenariato multi-attore",
        "hr": "partnerstvo više dionika",
    }


def test_partner_names_are_in_the_glossary():
    names = set(GlossaryTerm.objects.values_list("term", flat=True))
    assert set(Partner.objects.filter(locale=Locale.get_default()).values_list("name", flat=True)) <= names


def test_load_content_again_keeps_an_edited_glossary_translation():
    row = GlossaryTranslation.objects.get(term__term="multi-stakeholder partnership", locale__language_code="fr")
    row.translation = "partenariat multipartite"
    row.save()
    count = GlossaryTranslation.objects.count()
    call_command("load_content", "--app", "translations", verbosity=0)
    row.refresh_from_db()
    assert row.translation == "partenariat multipartite"
    assert GlossaryTranslation.objects.count() == count


def test_the_translation_editor_shows_the_glossary_terms_of_its_text(french_client, about):
    response = french_client.get(reverse("wagtailadmin_pages:edit", args=[about.by_language["fr"].pk]))
    html = response.content.decode()
    assert response.status_code == 200
    panel = html[
        html.index("Glossary terms in this text")
        if "Glossary terms in this text" in html
        else html.index("Termes du glossaire") :
    ]
    panel = panel[: panel.index("</section>")]
    # About mentions multi-stakeholder partnerships (plural) and the Cité des métiers network.
    assert "multi-stakeholder partnership" in panel and "partenariat multi-acteurs" in panel
    assert "Cité des métiers" in panel
    assert "partnerstvo više dionika" not in panel  # only the target language's approved translation


def test_the_translation_editor_gives_its_glossary_terms_to_the_segment_notes_script(french_client, about):
    """The data of translations/static/translations/admin/glossary_notes.js (tested in Chromium too)."""
    response = french_client.get(reverse("wagtailadmin_pages:edit", args=[about.by_language["fr"].pk]))
    html = response.content.decode()
    start = html.index('<script id="kip-glossary" type="application/json">')
    payload = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    assert payload["sourceLanguage"] == "en" and payload["targetLanguage"] == "fr"
    terms = {entry["term"]: entry for entry in payload["terms"]}
    assert terms["multi-stakeholder partnership"]["translation"] == "partenariat multi-acteurs"
    assert terms["multi-stakeholder partnership"]["note"]
    assert set(payload["labels"]) == {"glossary", "approved", "missing"}
    # A file, no inline script: it keeps working when the admin's report-only CSP is enforced.
    assert 'src="/static/translations/admin/glossary_notes.js"' in html
    assert 'data-controller="kip-glossary-notes" data-kip-glossary-notes-payload-value="kip-glossary"' in html


class FakeDeepL(BaseHTTPRequestHandler):
    requests: list = []

    def log_message(self, *args):
        pass

    def _answer(self, status, body=None):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        self.requests.append(("POST", self.path, form, self.headers.get("Authorization")))
        if self.path == "/v2/glossaries":
            self._answer(201, {"glossary_id": f"gl-{form['target_lang'][0]}-{len(self.requests)}", "ready": True})
        elif self.path == "/v2/translate":
            self._answer(200, {"translations": [{"text": f"[DeepL] {text}"} for text in form["text"]]})
        else:
            self._answer(404, {})

    def do_DELETE(self):
        self.requests.append(("DELETE", self.path, {}, self.headers.get("Authorization")))
        self._answer(204)


@pytest.fixture
def fake_deepl():
    FakeDeepL.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeDeepL)  # a free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    setting = {
        "CLASS": "translations.machine_translation.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "test-key", "API_URL": f"http://127.0.0.1:{server.server_port}"},
    }
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=setting):
        yield FakeDeepL.requests
    server.shutdown()
    server.server_close()


def test_sync_creates_a_deepl_glossary_per_language_and_translate_sends_its_id(fake_deepl, french_client, about):
    call_command("sync_deepl_glossaries", verbosity=0)
    created = [request for request in fake_deepl if request[1] == "/v2/glossaries"]
    assert sorted(form["target_lang"][0] for _m, _p, form, _a in created) == ["fr", "hr", "it", "pt"]
    french = next(form for _m, _p, form, _a in created if form["target_lang"] == ["fr"])
    assert french["source_lang"] == ["en"] and french["entries_format"] == ["tsv"]
    assert "multi-stakeholder partnership\tpartenariat multi-acteurs" in french["entries"][0].splitlines()
    assert {auth for *_rest, auth in created} == {"DeepL-Auth-Key test-key"}
    glossary_id = DeepLGlossary.objects.get(source_lang="EN", target_lang="FR").glossary_id

    # Unchanged glossary: nothing sent again.
    fake_deepl.clear()
    call_command("sync_deepl_glossaries", verbosity=0)
    assert fake_deepl == []

    # The machine translation of a French string names the French glossary.
    translation = about.translations["fr"]
    segment = about.source.stringsegment_set.filter(context__path__startswith="body.").order_by("order").first()
    StringTranslation.objects.filter(
        translation_of_id=segment.string_id, context_id=segment.context_id, locale=translation.target_locale
    ).delete()
    response = french_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    (translate,) = [request for request in fake_deepl if request[1] == "/v2/translate"]
    assert translate[2]["glossary_id"] == [glossary_id]
    assert translate[2]["target_lang"] == ["FR"]


def test_a_changed_glossary_replaces_the_deepl_glossary(fake_deepl):
    call_command("sync_deepl_glossaries", verbosity=0)
    old = DeepLGlossary.objects.get(target_lang="IT").glossary_id
    term = GlossaryTerm.objects.create(term="guidance counsellor")
    GlossaryTranslation.objects.create(
        term=term, locale=Locale.objects.get(language_code="it"), translation="orientatore"
    )
    fake_deepl.clear()
    call_command("sync_deepl_glossaries", verbosity=0)
    assert [request[1] for request in fake_deepl] == [
        "/v2/glossaries",
        f"/v2/glossaries/{old}",
    ]  # only Italian changed: a new glossary, then the old one deleted
    assert DeepLGlossary.objects.get(target_lang="IT").glossary_id != old


def test_the_glossary_admin_is_for_people_who_work_in_every_language(french_client, superuser_client):
    term = GlossaryTerm.objects.first()
    for url in [
        reverse("wagtailsnippets_translations_glossaryterm:list"),
        reverse("wagtailsnippets_translations_glossaryterm:edit", args=[term.pk]),
    ]:
        assert french_client.get(url).status_code == 403
        assert superuser_client.get(url).status_code == 200


def test_a_refused_glossary_is_a_command_error_and_stores_nothing(fake_deepl, monkeypatch):
    def refuse(self, status, body=None, _answer=FakeDeepL._answer):
        return _answer(self, 403 if self.path == "/v2/glossaries" else status, body)

    monkeypatch.setattr(FakeDeepL, "_answer", refuse)
    with pytest.raises(CommandError, match="HTTP 403"):
        call_command("sync_deepl_glossaries", verbosity=0)
    assert not DeepLGlossary.objects.exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_sync_without_deepl_says_so():
    with pytest.raises(CommandError, match="DeepL is not configured"):
        call_command("sync_deepl_glossaries", verbosity=0)
