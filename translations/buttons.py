"""Hide wagtail-localize's listing buttons that would only lead a user to a 403.

wagtail-localize shows "Translate this page" / "Translate" whenever some
language lacks a translation, and "Sync translated pages/snippets" to anyone
with `submit_translation`. For a translator, most of those lead to the
language guard's 403 (translations.guards). These `construct_*_listing_buttons`
hooks drop a button when the guard would refuse it: "Translate" when no
language the user works in is missing, "Sync" when the user does not work in
every language the sync touches. (The page header's buttons have no such
hook in Wagtail 8.0; there the guard's 403 page explains the refusal.)

When it can go: with translations.guards.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.urls import Resolver404, resolve
from wagtail.admin.widgets.button import ButtonWithDropdownFromHook
from wagtail.models import Page, TranslatableMixin

from translations.languages import user_locale_ids
from translations.locale_rules import synced_locales

SUBMIT_VIEWS = {"translations:submit_page_translation", "translations:submit_snippet_translation"}
SYNC_VIEWS = {"translations:update_translations"}


def _object_for_submit(match):
    if "page_id" in match.kwargs:
        return Page.objects.filter(pk=match.kwargs["page_id"]).first()
    try:
        model = apps.get_model(match.kwargs["app_label"], match.kwargs["model_name"])
    except LookupError:
        return None
    if not issubclass(model, TranslatableMixin):
        return None
    return model._default_manager.filter(pk=unquote(match.kwargs["pk"])).first()


def button_is_allowed(url: str | None, user) -> bool:
    """False when `url` is a "Translate" or "Sync" link that the language guard would refuse to `user`."""
    if not url:
        return True
    try:
        match = resolve(url.split("?", 1)[0])
    except Resolver404:
        return True
    if match.view_name in SUBMIT_VIEWS:
        obj = _object_for_submit(match)
        if obj is None:
            return True
        existing = obj.get_translations(inclusive=True)
        if isinstance(obj, Page):
            existing = existing.filter(alias_of__isnull=True)
        return bool(user_locale_ids(user) - set(existing.values_list("locale_id", flat=True)))
    if match.view_name in SYNC_VIEWS:
        locale_ids = synced_locales(None, match.kwargs)
        return locale_ids is None or locale_ids <= user_locale_ids(user)
    return True


def _keep(buttons, user) -> list:
    return [button for button in buttons if button_is_allowed(getattr(button, "url", None), user)]


def filter_page_listing_buttons(buttons, page, user, context=None):
    for button in buttons:
        if isinstance(button, ButtonWithDropdownFromHook):
            button.dropdown_buttons[:] = _keep(button.dropdown_buttons, user)
    buttons[:] = _keep(buttons, user)


def filter_snippet_listing_buttons(buttons, snippet, user):
    buttons[:] = _keep(buttons, user)
