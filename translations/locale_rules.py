"""How the language guard works out which languages an admin request touches.

A rule takes the request and the resolved URL arguments and returns the
primary keys of the locales the request would read or change, or None when
the object does not exist (the view then answers 404 itself). The guard
(`translations.guards`) refuses the request when one of those locales is not a
language the user works in (`translations.languages`). Which rule applies to
which URL is the table in `translations.surface`.

Rules only look things up; nothing here writes to the database.
"""

import json
from collections.abc import Callable

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from wagtail.admin.models import EditingSession
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource

Rule = Callable[[HttpRequest, dict], set[int] | None]


def _ids(values) -> set[int]:
    return {int(value) for value in values if str(value).isdigit()}


def all_locales(request, kwargs) -> set[int]:
    """Site-wide settings (users, groups, sites, workflows, redirects...) and views listing every language."""
    return set(Locale.objects.values_list("pk", flat=True))


def _locale_of_code(code: str | None) -> set[int] | None:
    locale_ids = set(Locale.objects.filter(language_code=code).values_list("pk", flat=True))
    return locale_ids or None


def query_locale(request, kwargs) -> set[int] | None:
    """The `?locale=` of a listing or creation form (Wagtail shows or creates in the default language without it)."""
    code = request.GET.get("locale")
    if not code:
        return {Locale.get_default().pk}
    return _locale_of_code(code)


def query_locale_or_active(request, kwargs) -> set[int] | None:
    """The page chooser's top level: the `?locale=` shown, else the active (admin interface) language."""
    code = request.GET.get("locale")
    if not code:
        return {Locale.get_active().pk}
    return _locale_of_code(code)


def query_locale_or_all(request, kwargs) -> set[int] | None:
    """A search across the tree: the `?locale=` searched, else every language."""
    code = request.GET.get("locale")
    return _locale_of_code(code) if code else all_locales(request, kwargs)


def reading_source(rule: Rule) -> Rule:
    """Reading (GET) the default language is allowed too: translators translate from it.

    Used for read-only views a translator needs beside the translation editor,
    which shows the source anyway: snippet listings, choosers, the editor's
    snippet API.
    """

    def read_rule(request, kwargs) -> set[int] | None:
        locale_ids = rule(request, kwargs)
        if locale_ids and request.method in {"GET", "HEAD"}:
            locale_ids = locale_ids - {Locale.get_default().pk}
        return locale_ids

    read_rule.__doc__ = f"{rule.__doc__} Reading the default (source) language is allowed."
    read_rule.url_kwargs = getattr(rule, "url_kwargs", ())
    return read_rule


# Pages --------------------------------------------------------------------


def page_locales(*kwarg_names: str) -> Rule:
    """The locales of the pages named by these URL arguments (a page's language is its tree's)."""

    def rule(request, kwargs) -> set[int] | None:
        page_ids = [kwargs[name] for name in kwarg_names]  # A missing argument is a KeyError: refused.
        locale_ids = set(Page.objects.filter(pk__in=page_ids).values_list("locale_id", flat=True))
        return locale_ids or None

    rule.__doc__ = f"The language of the page named by {', '.join(kwarg_names)}."
    rule.url_kwargs = kwarg_names
    return rule


def explored_page(request, kwargs) -> set[int] | None:
    """The explorer's parent page; at the tree's root Wagtail shows the user's own explorable root instead."""
    page = Page.objects.filter(pk=kwargs["parent_page_id"]).values_list("depth", "locale_id").first()
    if page is None:
        return None
    depth, locale_id = page
    return set() if depth == 1 else {locale_id}


def chosen_pages(request, kwargs) -> set[int] | None:
    """The pages ticked in a chooser (`?id=`)."""
    return set(Page.objects.filter(pk__in=_ids(request.GET.getlist("id"))).values_list("locale_id", flat=True))


def bulk_action_locales(request, kwargs) -> set[int] | None:
    """Bulk actions: the chosen objects' languages, and a bulk move's destination (POST `chooser`).

    "Select all" in the explorer is the children (descendants when searching)
    of `childOf`, all in that page's tree; elsewhere it is every object.
    Objects without a language (images, documents) touch none; users are
    site-wide.
    """
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except LookupError:
        return None
    if issubclass(model, get_user_model()):
        return all_locales(request, kwargs)
    if not issubclass(model, TranslatableMixin):
        return set()
    ids = request.GET.getlist("id")
    locale_ids: set[int] = set()
    if "all" in ids:
        parent_ids = _ids([request.GET.get("childOf", "")])
        parent = Page.objects.filter(pk__in=parent_ids).values_list("depth", "locale_id").first()
        if issubclass(model, Page) and parent and parent[0] > 1:
            locale_ids.add(parent[1])
        else:
            locale_ids |= set(model._default_manager.values_list("locale_id", flat=True).distinct())
    else:
        try:
            locale_ids |= set(model._default_manager.filter(pk__in=ids).values_list("locale_id", flat=True))
        except (ValueError, ValidationError):  # Not valid keys: Wagtail answers 404.
            return None
    if request.method == "POST" and kwargs.get("action") == "move":
        locale_ids |= set(
            Page.objects.filter(pk__in=_ids([request.POST.get("chooser", "")])).values_list("locale_id", flat=True)
        )
    return locale_ids


def api_page_action_locales(request, kwargs) -> set[int] | None:
    """Wagtail's admin API page actions: the page's language, a destination's, and the `locale` of
    `copy_for_translation` (Wagtail checks the permission to edit the source page only)."""
    try:
        data = json.loads(request.body or b"{}") if request.content_type == "application/json" else request.POST
    except ValueError:
        data = {}
    if not isinstance(data, dict | QueryDict):
        data = {}
    page_ids = [kwargs["pk"], *_ids([data.get("destination_page_id", "")])]
    locale_ids = set(Page.objects.filter(pk__in=page_ids).values_list("locale_id", flat=True))
    if kwargs.get("action_name") == "copy_for_translation":
        locale_ids |= set(Locale.objects.filter(language_code=data.get("locale")).values_list("pk", flat=True))
    return locale_ids or None


# Snippets and other models --------------------------------------------------


def _object_locales(model, pk) -> set[int] | None:
    """The language of one object; none for a model without languages; None when it does not exist."""
    try:
        if not issubclass(model, TranslatableMixin):
            return set() if model._default_manager.filter(pk=pk).exists() else None
        return set(model._default_manager.filter(pk=pk).values_list("locale_id", flat=True)) or None
    except (ValueError, ValidationError):  # Not a valid key: the view answers 404.
        return None


def snippet_locale(model: type) -> Rule:
    """The language of the snippet named by `pk`."""

    def rule(request, kwargs) -> set[int] | None:
        return _object_locales(model, unquote(str(kwargs["pk"])))

    rule.__doc__ = "The language of the snippet named by pk."
    rule.url_kwargs = ("pk",)
    return rule


def chosen_snippets(model: type) -> Rule:
    """The snippets ticked in a chooser (`?id=`)."""

    def rule(request, kwargs) -> set[int] | None:
        ids = [unquote(value) for value in request.GET.getlist("id")]
        return set(model._default_manager.filter(pk__in=ids).values_list("locale_id", flat=True))

    rule.__doc__ = "The languages of the snippets ticked in the chooser (?id=)."
    return rule


def snippet_api_object(request, kwargs) -> set[int] | None:
    """wagtail-localize's snippet API (the editor shows a chosen snippet's title): that snippet's language."""
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except LookupError:
        return None
    return _object_locales(model, unquote(str(kwargs["pk"])))


def editing_session_object(request, kwargs) -> set[int] | None:
    """The "someone else is editing" ping: the language of the page or snippet being edited."""
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except LookupError:
        return None
    return _object_locales(model, unquote(str(kwargs["object_id"])))


def released_session(request, kwargs) -> set[int] | None:
    """Releasing an editing session: the language of the object it is on."""
    session = EditingSession.objects.filter(pk=kwargs["session_id"]).select_related("content_type").first()
    if session is None:
        return None
    model = session.content_type.model_class()
    if model is None:
        return set()
    return _object_locales(model, session.object_id)


# wagtail-localize's translations ------------------------------------------


def translation_target(request, kwargs) -> set[int] | None:
    """The target language of the `Translation` named by `translation_id`."""
    locale_id = Translation.objects.filter(pk=kwargs["translation_id"]).values_list("target_locale_id", flat=True)
    return set(locale_id) or None


def submitted_locales(request, kwargs) -> set[int] | None:
    """The languages ticked in the "Translate" form (POST only: the form itself lists only the user's languages)."""
    if request.method != "POST":
        return set()
    return _ids(request.POST.getlist("locales"))


def _unless_source(locale_ids: set[int] | None) -> set[int] | None:
    return None if locale_ids is None else locale_ids - {Locale.get_default().pk}


def submitted_page_locales(request, kwargs) -> set[int] | None:
    """The page's own language (unless it is the source language, which translators translate from) and the
    languages ticked in the "Translate" form: translating from another language's page would read it."""
    page_locale = set(Page.objects.filter(pk=kwargs["page_id"]).values_list("locale_id", flat=True))
    if not page_locale:
        return None
    return _unless_source(page_locale) | submitted_locales(request, kwargs)


def submitted_snippet_locales(request, kwargs) -> set[int] | None:
    """The snippet's own language (unless it is the source language) and the languages ticked in the form."""
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except LookupError:
        return None
    object_locale = _object_locales(model, unquote(str(kwargs["pk"])))
    if object_locale is None:
        return None
    return _unless_source(object_locale) | submitted_locales(request, kwargs)


def synced_locales(request, kwargs) -> set[int] | None:
    """Syncing re-reads the source and may publish every enabled translation: its language and all of theirs."""
    source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).values_list("locale_id", flat=True)
    if not source:
        return None
    targets = Translation.objects.filter(source_id=kwargs["translation_source_id"], enabled=True).values_list(
        "target_locale_id", flat=True
    )
    return {*source, *targets}
