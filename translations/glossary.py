"""The project glossary (translations.models) beside the translation editor, and as DeepL glossaries.

- `glossary_matches` finds the glossary terms that a translation's source text
  mentions (whole words, case-insensitive, a plural "s"/"es" allowed), with the
  approved translation in the target language: the translation editor lists
  them above wagtail-localize's editor (translations/templates/wagtail_localize/
  admin/edit_translation.html), and a script puts each beside the segments that
  mention it (translations/static/translations/admin/glossary_notes.js, which
  matches as `term_pattern` does), since its React editor has no extension
  point beside a segment.
- `sync_deepl_glossaries` creates one DeepL glossary per target language from
  the terms that have an approved translation in it (DeepL glossaries cannot
  be changed: a changed list makes a new one and deletes the old), and
  remembers its id (`DeepLGlossary`); the DeepL translator sends it with every
  request of that language pair (translations.machine_translation).
"""

import hashlib
import html
import re
from dataclasses import dataclass

import requests
from django.db.models import Prefetch
from django.utils.html import strip_tags
from wagtail.models import Locale

from translations.machine_translation import DeepLTranslator
from translations.models import DeepLGlossary, GlossaryTerm, GlossaryTranslation


@dataclass
class GlossaryMatch:
    term: str
    translation: str  # "" when no translation is approved in that language yet
    note: str


def term_pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?:e?s)?(?!\w)", re.IGNORECASE)


def plain_text(data: str) -> str:
    return " ".join(html.unescape(strip_tags(data)).split())


def glossary_matches(texts: list[str], locale: Locale) -> list[GlossaryMatch]:
    """The glossary terms found in `texts` (source strings, HTML allowed), in the glossary's order."""
    text = "\n".join(plain_text(data) for data in texts)
    terms = GlossaryTerm.objects.prefetch_related(
        Prefetch("translations", queryset=GlossaryTranslation.objects.filter(locale=locale), to_attr="in_locale")
    )
    return [
        GlossaryMatch(term.term, term.in_locale[0].translation if term.in_locale else "", term.note)
        for term in terms
        if term_pattern(term.term).search(text)
    ]


class GlossarySyncError(Exception):
    """DeepL refused or could not be reached while making a glossary; the message says which language and why."""


def glossary_entries(locale: Locale) -> str:
    """The terms approved in `locale`, as DeepL's tab-separated entries (one "term<TAB>translation" a line)."""
    rows = GlossaryTranslation.objects.filter(locale=locale).select_related("term").order_by("term__term")
    lines = []
    for row in rows:
        source, target = " ".join(row.term.term.split()), " ".join(row.translation.split())
        if source and target:
            lines.append(f"{source}\t{target}")
    return "\n".join(lines)


def sync_deepl_glossaries(translator: DeepLTranslator, timeout: int = 30) -> list[str]:
    """Make DeepL's glossaries match the project glossary, one per target language; a line per language done.

    Raises GlossarySyncError for the first language DeepL refused (the languages before it are done).
    """
    source = Locale.get_default()
    report = []
    for target in Locale.objects.exclude(pk=source.pk).order_by("language_code"):
        source_lang, target_lang = translator.language_pair(source, target)
        entries = glossary_entries(target)
        digest = hashlib.sha256(entries.encode()).hexdigest()
        current = DeepLGlossary.objects.filter(source_lang=source_lang, target_lang=target_lang).first()
        if current is not None and current.entries_digest == digest:
            report.append(f"{target_lang}: unchanged ({current.glossary_id})")
            continue
        if not entries:
            if current is not None:
                _delete(translator, current.glossary_id, timeout)
                current.delete()
            report.append(f"{target_lang}: no approved term")
            continue
        glossary_id = _create(translator, source_lang, target_lang, entries, timeout)
        if current is not None:
            _delete(translator, current.glossary_id, timeout)
        DeepLGlossary.objects.update_or_create(
            source_lang=source_lang,
            target_lang=target_lang,
            defaults={"glossary_id": glossary_id, "entries_digest": digest},
        )
        report.append(f"{target_lang}: {len(entries.splitlines())} terms ({glossary_id})")
    return report


def _create(translator: DeepLTranslator, source_lang: str, target_lang: str, entries: str, timeout: int) -> str:
    # A glossary's languages are the plain ones ("pt", not "PT-PT"): https://developers.deepl.com/api-reference/glossaries
    data = {
        "name": f"Keep in Pact {source_lang}-{target_lang}",
        "source_lang": source_lang.split("-")[0].lower(),
        "target_lang": target_lang.split("-")[0].lower(),
        "entries": entries,
        "entries_format": "tsv",
    }
    try:
        response = requests.post(
            f"{translator.api_base_url()}/v2/glossaries", data=data, headers=translator.get_headers(), timeout=timeout
        )
    except requests.RequestException as error:
        raise GlossarySyncError(f"{target_lang}: DeepL could not be reached ({error})") from error
    if response.status_code not in (200, 201):
        raise GlossarySyncError(
            f"{target_lang}: DeepL refused the glossary (HTTP {response.status_code}: {response.text[:200]})"
        )
    try:
        return response.json()["glossary_id"]
    except (ValueError, KeyError) as error:
        raise GlossarySyncError(f"{target_lang}: DeepL's answer names no glossary") from error


def _delete(translator: DeepLTranslator, glossary_id: str, timeout: int) -> None:
    """Delete a replaced glossary; a failure only leaves an unused glossary at DeepL."""
    try:
        requests.delete(
            f"{translator.api_base_url()}/v2/glossaries/{glossary_id}",
            headers=translator.get_headers(),
            timeout=timeout,
        )
    except requests.RequestException:
        pass
