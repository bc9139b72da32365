"""Translators translate what is published: a translation never carries an unpublished draft's text.

wagtail-localize reads a source page's content from its row in the page table
(`TranslationSource.get_or_create_from_instance(page)` when a page is
submitted, `update_from_db()` when it is synced). Wagtail keeps the live
content in that row while the page is live, and drafts only in revisions; but
while a page is not live (never published, or unpublished) Wagtail's editor
writes every draft into the row (`form.save(commit=not page.live)`), so the
row is the draft. Hence the three rules, each with a message that says why:

- a user who does not work in the source's language (a translator: they may
  not even preview it) cannot submit a page that is not live, nor include its
  unpublished descendants (`draft_source_refusal`, the "Translate" view);
- nobody syncs from a source page that is not live, or that was deleted
  (`unsyncable_source_message`, the "Sync translations" view);
- nobody publishes a translation while its source page exists and is not
  live: the translation editor's "Publish", Wagtail's editor's "Publish" and
  the bulk "Publish" action are refused (`refuse_publish_without_live_source`,
  `refuse_bulk_publish_without_live_source`).

An editor (who works in the source's language) may still submit a draft, to
prepare its translations: they cannot be published before the source is.
A translation whose source was deleted may be published (its editor chose to
keep it, see translations.cascade).

Snippets have no drafts on this site (no model uses DraftStateMixin): these
rules concern pages.

When it can go: if wagtail-localize gains an option to extract sources from
the live revision only and to tie a translation's publication to its source's
(1.14.5 has neither).
"""

import logging

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from translations.languages import user_works_in

logger = logging.getLogger(__name__)


def source_locale_id(translation_key) -> int:
    """The locale this object's translations are made from: its TranslationSource's, else the default language's."""
    locale_ids = set(TranslationSource.objects.filter(object_id=translation_key).values_list("locale_id", flat=True))
    default_id = Locale.get_default().pk
    if not locale_ids or default_id in locale_ids:
        return default_id
    return min(locale_ids)


def is_source_page(page: Page) -> bool:
    """True when `page` is in the language its translations are made from."""
    return page.locale_id == source_locale_id(page.translation_key)


def source_page(page: Page) -> Page | None:
    """The page `page` is a translation of; None when `page` is itself a source, or its source was deleted."""
    locale_id = source_locale_id(page.translation_key)
    if locale_id == page.locale_id:
        return None
    return Page.objects.filter(translation_key=page.translation_key, locale_id=locale_id).first()


def unpublished_source(page: Page) -> Page | None:
    """The source of the translation `page` when that source exists and is not live, else None."""
    source = source_page(page)
    return source if source is not None and not source.live else None


def _log_refusal(request, action: str, page: Page) -> None:
    logger.warning(
        "Refused %s: user=%s page=%s locale=%s (source not live)",
        action,
        getattr(request.user, "username", None),
        page.pk,
        page.locale.language_code,
    )


# Submitting ("Translate")


def draft_source_refusal(user, page: Page) -> str | None:
    """Why `user` may not submit `page` for translation, or None when they may."""
    if page.live or user_works_in(user, {page.locale_id}):
        return None
    return _(
        "“%(page)s” is not published, and only published pages can be translated. Ask an editor to publish it first."
    ) % {"page": page.get_admin_display_title()}


def unpublished_descendant_count(user, page: Page) -> int:
    """Descendants of `page` that are not live, when `user` may not translate drafts (else 0)."""
    if user_works_in(user, {page.locale_id}):
        return 0
    return page.get_descendants().not_live().count()


def subtree_help_text(count: int) -> str:
    return ngettext(
        "Not available: %(count)d page below this one is not published, and only published pages can be "
        "translated. Translate the published pages one by one.",
        "Not available: %(count)d pages below this one are not published, and only published pages can be "
        "translated. Translate the published pages one by one.",
        count,
    ) % {"count": count}


# Syncing ("Sync translations")


def unsyncable_source_message(translation_source: TranslationSource) -> str | None:
    """Why the translations of `translation_source` may not be synced now, or None when they may."""
    model = translation_source.specific_content_type.model_class()
    if model is None or not issubclass(model, Page):
        return None
    try:
        page = translation_source.get_source_instance()
    except model.DoesNotExist:
        return _("“%(object)s” was deleted: there is nothing to sync its translations from.") % {
            "object": translation_source.object_repr
        }
    if page.live:
        return None
    return _(
        "“%(page)s” is not published: its translations are synced from the published version only. Publish it first."
    ) % {"page": page.get_admin_display_title()}


# Publishing a translation


def publish_refusal_message(page: Page, source: Page) -> str:
    return _(
        "“%(page)s” was not published in %(language)s: its source, “%(source)s” (%(source_language)s), "
        "is not published. A translation is published only while its source is."
    ) % {
        "page": page.get_admin_display_title(),
        "language": page.locale.get_display_name(),
        "source": source.get_admin_display_title(),
        "source_language": source.locale.get_display_name(),
    }


def is_publish_request(request) -> bool:
    """The translation editor's "Publish" (`action=publish`) or Wagtail's editor's (`action-publish`)."""
    return request.method == "POST" and (request.POST.get("action") == "publish" or "action-publish" in request.POST)


def refuse_publish_without_live_source(request, page: Page):
    """`before_edit_page`: a redirect back with an error when a translation would be published before its source."""
    if not is_publish_request(request):
        return None
    source = unpublished_source(page)
    if source is None:
        return None
    _log_refusal(request, "publish", page)
    messages.error(request, publish_refusal_message(page, source))
    return redirect(request.get_full_path())


def refuse_bulk_publish_without_live_source(request, action_type: str, objects, action):
    """`before_bulk_action`: the bulk "Publish" is refused, whole, when a page it would publish (a chosen one,
    or a draft descendant when "include descendants" is ticked) is a translation whose source is not live."""
    if action_type != "publish":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        pages += [descendant for page in pages for descendant in page.get_descendants().not_live()]
    for page in pages:
        source = unpublished_source(page)
        if source is not None:
            _log_refusal(request, "bulk publish", page)
            messages.error(request, publish_refusal_message(page, source))
            return redirect(action.next_url)
    return None
