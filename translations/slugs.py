"""Translated page slugs: transliterated rather than stripped, and never renamed without a word.

Why this exists: wagtail-localize 1.14.5 makes a translated page's slug with
Django's `slugify`, which keeps only ASCII: a letter without an ASCII
decomposition is dropped ("događaj-u-zagrebu" became "dogaaj-u-zagrebu",
"cœur" "cur"). And when the slug is already a sibling's, the library's
`find_available_slug` quietly publishes the page at "<slug>-1".

- `transliterate_slug` spells a slug in ASCII letter by letter (anyascii, the
  transliteration Wagtail itself ships: đ → d, œ → oe, ç → c, ã → a, …), the
  convention of the shipped translations ("dogadanja", "a-propos"). An
  apostrophe separates words, as in "hall-d-entree".
- `transliterate_translated_slug` (a `pre_save` receiver of wagtail-localize's
  `StringTranslation`, connected in `TranslationsConfig.ready`) applies it to
  every translated slug when it is stored, whichever way it comes in
  (translation editor, PO upload, machine translation, `load_content`), so the
  library's `slugify` then has nothing left to drop and the translator sees the
  address the page will have.
- `refuse_slug_clash` (a `before_edit_page` hook) refuses the translation
  editor's "Publish" when the translated slug is a sibling's address, naming
  that address and the page that has it; nothing is saved.
- `report_renamed_slugs` tells whoever pressed "Translate" the address a new
  translation got when the slug it would have had was taken.

When it can go: when wagtail-localize transliterates slugs (or honours
WAGTAIL_ALLOW_UNICODE_SLUGS) and reports a slug clash instead of renaming;
neither is the case in 1.14.5 (models.py, `create_or_update_translation`).
"""

import logging
import re

from anyascii import anyascii
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationContext

from translations.publishing import translation_being_published

logger = logging.getLogger(__name__)

#: The content path of a page's slug in wagtail-localize's segments.
SLUG_PATH = "slug"
_APOSTROPHES = re.compile(r"['’ʼ`´]")


def transliterate_slug(value: str) -> str:
    """`value` as a slug in ASCII letters, transliterated: "Događaj u Zagrebu" → "dogadaj-u-zagrebu"."""
    return slugify(_APOSTROPHES.sub(" ", anyascii(value)))


def transliterate_translated_slug(sender, instance: StringTranslation, update_fields=None, **kwargs) -> None:
    """pre_save of StringTranslation: store a translated slug transliterated (see the module docstring)."""
    if update_fields is not None and "data" not in update_fields:
        return
    if not instance.data or not instance.context_id:
        return
    if not TranslationContext.objects.filter(pk=instance.context_id, path=SLUG_PATH).exists():
        return
    slug = transliterate_slug(instance.data)
    # A slug with nothing left to spell stays as typed: the page's own validation then names the problem.
    if slug:
        instance.data = slug


def requested_slug(translation: Translation) -> str | None:
    """The slug wagtail-localize will give the translated page: its valid translated slug, else the source's.

    None when the translated object has no slug segment (a snippet).
    """
    segment = (
        StringSegment.objects.filter(source_id=translation.source_id, context__path=SLUG_PATH)
        .select_related("string")
        .first()
    )
    if segment is None:
        return None
    translated = (
        StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale_id=translation.target_locale_id,
            has_error=False,
        )
        .values_list("data", flat=True)
        .first()
    )
    return slugify(translated or segment.string.data)


def sibling_with_slug(parent: Page, slug: str, page: Page | None = None) -> Page | None:
    """The child of `parent` (other than `page`) whose slug is `slug`, if any."""
    siblings = parent.get_children().filter(slug=slug)
    if page is not None:
        siblings = siblings.exclude(pk=page.pk)
    return siblings.first()


def _address(page: Page, request) -> str:
    return page.get_url(request=request) or page.url_path


def refuse_slug_clash(request, page: Page):
    """A redirect back with an error when the editor's Publish would put `page` at a sibling's address, else None."""
    translation = translation_being_published(request, page)
    if translation is None:
        return None
    slug = requested_slug(translation)
    parent = page.get_parent()
    holder = sibling_with_slug(parent, slug, page) if slug and parent else None
    if holder is None:
        return None
    logger.warning(
        "Refused: %s publishing page %s in %s: slug %r is the address of page %s",
        request.user,
        page.pk,
        translation.target_locale.language_code,
        slug,
        holder.pk,
    )
    messages.error(
        request,
        _(
            "“%(title)s” was not published in %(language)s: its address would be %(address)s, which is already "
            "the address of “%(other)s”. Translate the slug (“%(slug)s”) differently and publish again."
        )
        % {
            "title": page.get_admin_display_title(),
            "language": translation.target_locale.get_display_name(),
            "address": _address(holder, request),
            "other": holder.get_admin_display_title(),
            "slug": slug,
        },
    )
    return redirect(request.get_full_path())


def report_renamed_slugs(request, source_page: Page, locales, include_subtree: bool = False) -> None:
    """After "Translate": a warning for each new translation whose slug was taken and so was given another."""
    pages = [source_page]
    if include_subtree:
        pages += list(source_page.get_descendants().specific())
    for locale in locales:
        for page in pages:
            translated = page.get_translation_or_none(locale)
            translation = (
                Translation.objects.filter(source__object_id=page.translation_key, target_locale=locale)
                .select_related("target_locale")
                .first()
            )
            if translated is None or translation is None:
                continue
            slug = requested_slug(translation)
            parent = translated.get_parent()
            if not slug or slug == translated.slug or parent is None:
                continue
            holder = sibling_with_slug(parent, slug, translated)
            if holder is None:
                continue
            messages.warning(
                request,
                _(
                    "The %(language)s translation of “%(title)s” has the address %(address)s, because %(taken)s is "
                    "already the address of “%(other)s”. Translate its slug to choose another address."
                )
                % {
                    "language": locale.get_display_name(),
                    "title": page.get_admin_display_title(),
                    "address": _address(translated, request),
                    "taken": _address(holder, request),
                    "other": holder.get_admin_display_title(),
                },
            )
