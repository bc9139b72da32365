"""The translation workflow's shipped setup: a translator group per language, and the project glossary.

Loaded last (the translations app comes after the page-family apps in
INSTALLED_APPS), so every home page and snippet model exists by then.
"""

import polib

from home.content import COMPETENCES, PARTNERS, PO_DIR
from home.loading import ContentLoader
from translations.models import GlossaryTerm, GlossaryTranslation
from translations.roles import ensure_translator_groups

# Terms of the project that are not the name of a competence or a partner: (English, {language: approved}, note).
GLOSSARY = [
    (
        "Cité des métiers",
        {"fr": "Cité des métiers", "pt": "Cité des métiers", "it": "Cité des métiers", "hr": "Cité des métiers"},
        "The network's centres: a proper name, kept in French in every language (plural: Cités des métiers).",
    ),
    (
        "multi-stakeholder partnership",
        {
            "fr": "partenariat multi-acteurs",
            "pt": "parceria multissetorial",
            "it": "partenariato multi-attore",
            "hr": "partnerstvo više dionika",
        },
        "The project's subject: a partnership of organisations of several kinds (guidance, education, employment…).",
    ),
]
COMPETENCE_NOTE = "The name of competence %d of the Keep in Pact competence framework (its published title)."
PARTNER_NOTE = "The name of a Keep in Pact partner organisation."


def load(loader: ContentLoader) -> None:
    """Create the groups "Translators: Français", ... and the glossary terms (idempotent)."""
    if loader.mode != "load":
        return
    load_glossary(loader)
    home = loader.get_page("home-page")
    if home is None:
        return
    created = ensure_translator_groups(home)
    loader.report.created += created
    if not created:
        loader.report.unchanged.append("translator groups")


def shipped_translation(key: str, context: str, language: str) -> str:
    """The translation of `key`'s field `context` in the home app's shipped PO file of `language`, or ""."""
    path = PO_DIR / language / f"{key}.po"
    if not path.exists():
        return ""
    for entry in polib.pofile(str(path)):
        if entry.msgctxt == context and entry.msgstr and "fuzzy" not in entry.flags:
            return entry.msgstr
    return ""


def glossary_terms(languages: list[str]) -> list[tuple[str, dict[str, str], str]]:
    """Every shipped glossary term: (English, {language: approved translation}, note)."""
    terms = [
        (
            title,
            {lang: text for lang in languages if (text := shipped_translation(f"competence-{number}", "title", lang))},
            COMPETENCE_NOTE % number,
        )
        for number, title in COMPETENCES
    ]
    terms += [
        (
            fields["name"],
            {lang: text for lang in languages if (text := shipped_translation(key, "name", lang))},
            PARTNER_NOTE,
        )
        for key, fields in PARTNERS
    ]
    return terms + [
        (term, {lang: text for lang, text in approved.items() if lang in languages}, note)
        for term, approved, note in GLOSSARY
    ]


def load_glossary(loader: ContentLoader) -> None:
    """The glossary terms and their approved translations; an existing term or translation is left as edited."""
    locales = {locale.language_code: locale for locale in loader.target_locales()}
    for term, approved, note in glossary_terms(list(locales)):
        glossary_term, created = GlossaryTerm.objects.get_or_create(term=term, defaults={"note": note})
        label = f"glossary term “{term}”"
        added = []
        for language, text in approved.items():
            _row, made = GlossaryTranslation.objects.get_or_create(
                term=glossary_term, locale=locales[language], defaults={"translation": text}
            )
            if made:
                added.append(language)
        if created:
            loader.report.created.append(f"{label} ({', '.join(added) or 'no translation'})")
        elif added:
            loader.report.created.append(f"{label}: translations in {', '.join(added)}")
        else:
            loader.report.unchanged.append(label)
