"""The source's lifecycle reaches its translations: unpublishing or deleting a source page offers to do the same
to its translations.

Wagtail 8 can cascade unpublish, delete and move to translations through its
`construct_translated_pages_to_cascade_actions` hook (registered by
wagtail.contrib.simple_translation), but always, without a choice: the hook
gets no request. wagtail-localize 1.14.5 registers none, so unpublishing or
deleting the English original left every translation live, and the
confirmation page said nothing about them. Here:

- the confirmation pages (translations/templates/wagtailadmin/pages/
  confirm_unpublish.html and confirm_delete.html) list the translations of a
  source page, each with its language and state, and a checkbox, ticked by
  default, to unpublish or delete them too (template tag
  `translation_lifecycle.cascade_translations`);
- `after_unpublish_page` / `after_delete_page` (`unpublish_translations`,
  `delete_translations`) do it for each translation the user may unpublish or
  delete, and a message says what happened in each language; a translation
  the user may not touch stays, and the message says so;
- the bulk "Unpublish" and "Delete" actions do the same for every chosen page
  (the confirmation pages under wagtailadmin/pages/bulk_actions/, and the
  `before_bulk_action` / `after_bulk_action` hooks `remember_bulk_targets`,
  `cascade_bulk_action`).

Moving is not cascaded, as before: each language's tree keeps its own order.

When it can go: if Wagtail's cascade hook is given the request (so that a
choice on the confirmation page can decide), or wagtail-localize offers this.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin import messages
from wagtail.models import Page

from translations.live_source import is_source_page

logger = logging.getLogger(__name__)

UNPUBLISH = "unpublish"
DELETE = "delete"
# The confirmation form's checkbox: absent (unticked) means "leave the translations as they are".
CASCADE_FIELD = "cascade_translations"
_REQUEST_ATTRIBUTE = "_translations_to_delete"
LANGUAGE_ORDER = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}


@dataclass(frozen=True)
class CascadeTarget:
    """A translation (or an alias in another language) of the page being unpublished or deleted."""

    page: Page
    language: str  # the language's name, in the admin's language
    allowed: bool  # the user may unpublish (or delete) it

    @property
    def is_alias(self) -> bool:
        return self.page.alias_of_id is not None


def cascade_targets(page: Page, user, action: str) -> list[CascadeTarget]:
    """What unpublishing or deleting `page` may also unpublish or delete, in settings.LANGUAGES order.

    Only a source page (the language translations are made from) has any: the
    French translation's "translations" include the English original, which a
    French translator's unpublishing must not touch. For unpublishing, the
    live translations (Wagtail unpublishes aliases with their original); for
    deleting, every translation and alias.
    """
    if not is_source_page(page):
        return []
    pages = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).select_related("locale")
    if action == UNPUBLISH:
        pages = pages.filter(live=True, alias_of__isnull=True)
    targets = []
    for translation in pages:
        permissions = translation.permissions_for_user(user)
        allowed = permissions.can_unpublish() if action == UNPUBLISH else permissions.can_delete()
        targets.append(CascadeTarget(translation, str(translation.locale.get_display_name()), allowed))
    return sorted(targets, key=lambda target: LANGUAGE_ORDER.get(target.page.locale.language_code, 99))


def _languages(targets: list[CascadeTarget]) -> str:
    # A bulk action may reach several pages in one language: each language is named once, in order.
    return ", ".join(dict.fromkeys(target.language for target in targets))


def _report(request, action: str, targets: list[CascadeTarget], cascaded: bool) -> None:
    """One message per outcome, naming the languages."""
    done = [target for target in targets if cascaded and target.allowed]
    refused = [target for target in targets if cascaded and not target.allowed]
    kept = [target for target in targets if not cascaded]
    if done:
        text = _("Also unpublished in: %(languages)s.") if action == UNPUBLISH else _("Also deleted in: %(languages)s.")
        messages.success(request, text % {"languages": _languages(done)})
    if refused:
        text = (
            _("Still published in %(languages)s: you may not unpublish it there.")
            if action == UNPUBLISH
            else _("Kept in %(languages)s: you may not delete it there.")
        )
        messages.warning(request, text % {"languages": _languages(refused)})
        for target in refused:
            logger.warning(
                "Refused %s of a translation: user=%s page=%s locale=%s (no permission)",
                action,
                request.user.username,
                target.page.pk,
                target.page.locale.language_code,
            )
    if kept:
        text = (
            _("Its translations are still published in: %(languages)s.")
            if action == UNPUBLISH
            else _("Its translations were kept in: %(languages)s.")
        )
        messages.info(request, text % {"languages": _languages(kept)})


def _unpublish(targets: list[CascadeTarget], user, include_descendants: bool) -> None:
    for target in targets:
        current = Page.objects.filter(pk=target.page.pk, live=True).first()
        if current is not None and target.allowed:
            UnpublishPageAction(current.specific, user=user, include_descendants=include_descendants).execute(
                skip_permission_checks=True
            )


def _delete(targets: list[CascadeTarget], user) -> None:
    for target in targets:
        # Gone already when it was below another deleted page (or chosen itself in a bulk action).
        current = Page.objects.filter(pk=target.page.pk).first()
        if current is not None and target.allowed:
            DeletePageAction(current, user=user).execute(skip_permission_checks=True)


def unpublish_translations(request, page: Page):
    """`after_unpublish_page`: unpublish the translations too when the confirmation form asked for it."""
    if request.method != "POST":
        return None
    targets = cascade_targets(page, request.user, UNPUBLISH)
    if not targets:
        return None
    cascaded = bool(request.POST.get(CASCADE_FIELD))
    if cascaded:
        _unpublish(targets, request.user, bool(request.POST.get("include_descendants")))
    _report(request, UNPUBLISH, targets, cascaded)
    return None


def remember_translations_to_delete(request, page: Page):
    """`before_delete_page`: the translations, found while the page and its aliases still exist."""
    if request.method == "POST":
        setattr(request, _REQUEST_ATTRIBUTE, cascade_targets(page, request.user, DELETE))
    return None


def delete_translations(request, page: Page):
    """`after_delete_page`: delete the translations too when the confirmation form asked for it.

    Left in place, an alias of the deleted page becomes an ordinary page holding
    the deleted page's text in another language's tree; Wagtail unpublished it
    already (it unpublishes a page, and so its aliases, before deleting it).
    """
    targets = getattr(request, _REQUEST_ATTRIBUTE, [])
    if not targets:
        return None
    cascaded = bool(request.POST.get(CASCADE_FIELD))
    if cascaded:
        _delete(targets, request.user)
    _report(request, DELETE, targets, cascaded)
    return None


# Bulk actions


def bulk_cascade_targets(pages, user, action: str) -> list[tuple[Page, list[CascadeTarget]]]:
    """For each chosen page that has translations to reach, the page and its targets.

    A translation that is itself one of the chosen pages is left out: the bulk
    action handles it already.
    """
    chosen = {page.pk for page in pages}
    result = []
    for page in pages:
        targets = [target for target in cascade_targets(page, user, action) if target.page.pk not in chosen]
        if targets:
            result.append((page, targets))
    return result


def remember_bulk_targets(request, action_type: str, objects, action):
    """`before_bulk_action`: the translations of the chosen pages, found while they all still exist."""
    if action_type in {UNPUBLISH, DELETE}:
        pages = [obj for obj in objects if isinstance(obj, Page)]
        targets = [
            target
            for _page, page_targets in bulk_cascade_targets(pages, request.user, action_type)
            for target in page_targets
        ]
        setattr(request, _REQUEST_ATTRIBUTE, targets)
    return None


def cascade_bulk_action(request, action_type: str, objects, action):
    """`after_bulk_action`: unpublish or delete the chosen pages' translations when the form asked for it."""
    if action_type not in {UNPUBLISH, DELETE}:
        return None
    targets = getattr(request, _REQUEST_ATTRIBUTE, [])
    if not targets:
        return None
    cascaded = bool(request.POST.get(CASCADE_FIELD))
    if cascaded and action_type == UNPUBLISH:
        form = getattr(action, "cleaned_form", None)
        include_descendants = bool(form is not None and form.cleaned_data.get("include_descendants"))
        _unpublish(targets, request.user, include_descendants)
    elif cascaded:
        _delete(targets, request.user)
    _report(request, action_type, targets, cascaded)
    return None
