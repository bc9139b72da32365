"""Machine translation: DeepL when `DEEPL_API_KEY` is set; none otherwise (the dummy translator in dev and tests).

Why the DeepL subclass exists: wagtail-localize 1.14.5's `DeepLTranslator`
reads the answer without checking it, so a wrong key (403), an exhausted
quota (456) or a network failure becomes a server error in the translation
editor. `DeepLTranslator` here raises `MachineTranslationUnavailable` with a
message for the translator instead, and `machine_translate` (the project's
version of the editor's "Translate with DeepL" view) shows it and changes
nothing. When it can go: when wagtail-localize's DeepL translator and view
report API failures themselves.

It also sends the project glossary: the id of the DeepL glossary that
`manage.py sync_deepl_glossaries` made for the language pair
(translations.glossary), or one named in the `GLOSSARY_IDS` option
(wagtail-localize's own, which wins). The `API_URL` option (setting
`DEEPL_API_URL`) points it at another address than DeepL's: a proxy, or the
tests' fake DeepL server.
"""

import requests
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators.deepl import DeepLTranslator as LibraryDeepLTranslator
from wagtail_localize.machine_translators.deepl import language_code
from wagtail_localize.strings import StringValue
from wagtail_localize.views import edit_translation

from translations.models import DeepLGlossary

# DeepL's documented HTTP statuses (https://developers.deepl.com/docs/best-practices/error-handling).
DEEPL_PROBLEMS = {
    403: gettext_lazy("the DeepL API key is not valid"),
    413: gettext_lazy("the text is too long for one request"),
    429: gettext_lazy("too many requests; try again in a minute"),
    456: gettext_lazy("the DeepL quota of this month is used up"),
}


class MachineTranslationUnavailable(Exception):
    """The machine translator could not translate; the message says why, for the translator."""


class DeepLTranslator(LibraryDeepLTranslator):
    """wagtail-localize's DeepL translator that reports API failures as MachineTranslationUnavailable."""

    def api_base_url(self) -> str:
        if url := self.options.get("API_URL"):
            return url.rstrip("/")
        if self.options.get("AUTH_KEY", "").endswith(":fx"):
            return "https://api-free.deepl.com"
        return "https://api.deepl.com"

    def get_api_endpoint(self):
        return f"{self.api_base_url()}/v2/translate"

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if "glossary_id" not in parameters:
            glossary_id = (
                DeepLGlossary.objects.filter(
                    source_lang=parameters["source_lang"], target_lang=parameters["target_lang"]
                )
                .values_list("glossary_id", flat=True)
                .first()
            )
            if glossary_id:
                parameters["glossary_id"] = glossary_id
        return parameters

    @staticmethod
    def language_pair(source_locale, target_locale) -> tuple[str, str]:
        """The (source_lang, target_lang) of a translate request, as wagtail-localize's GLOSSARY_IDS keys them."""
        return language_code(source_locale.language_code), language_code(target_locale.language_code, is_target=True)

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        try:
            response = requests.post(
                self.get_api_endpoint(),
                self.get_parameters(source_locale, target_locale, strings),
                timeout=int(self.options.get("TIMEOUT", 30)),
                headers=self.get_headers(),
            )
        except requests.RequestException as error:
            raise MachineTranslationUnavailable(
                _("DeepL could not be reached (%(error)s).") % {"error": error}
            ) from error
        if response.status_code != 200:
            problem = DEEPL_PROBLEMS.get(response.status_code) or f"HTTP {response.status_code}"
            raise MachineTranslationUnavailable(_("DeepL refused the request: %(problem)s.") % {"problem": problem})
        try:
            translations = response.json()["translations"]
        except (ValueError, KeyError) as error:
            raise MachineTranslationUnavailable(_("DeepL sent an answer that is not a translation.")) from error
        if len(translations) != len(strings):
            raise MachineTranslationUnavailable(_("DeepL sent an answer that is not a translation."))
        return {string: StringValue(item["text"]) for string, item in zip(strings, translations, strict=True)}


@require_POST
def machine_translate(request, translation_id):
    """The translation editor's machine-translate button, with translator failures shown as a message."""
    try:
        return edit_translation.machine_translate(request, translation_id)
    except MachineTranslationUnavailable as error:
        messages.error(request, _("%(problem)s Nothing was translated.") % {"problem": error})
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
