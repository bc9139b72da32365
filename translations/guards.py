"""The language guard: every translation action is confined to the user's languages.

Why this exists: wagtail-localize 1.14.5 authorises its actions with a global
permission or with the target object's edit permission. For pages that is
enough (page permissions are rooted per language tree), but
- submitting for translation and syncing ("update translations") check only
  the global `wagtail_localize.submit_translation` permission, whatever the
  target languages;
- every action on a snippet's translation (edit strings, overrides, PO
  download/upload, machine translation, stop, restart, publish) checks only
  the global `change_<model>` permission: Wagtail has no per-language snippet
  permission;
- inside the Wagtail admin a denied action is answered with a redirect to the
  dashboard, not a 403.
`LanguageGuardMiddleware` looks up the resolved URL name in `RULES`, works out
which locales the request would touch, and answers 403 before the view runs
when one of them is not a language the user works in
(`translations.languages`). Nothing reaches the database but the look-ups.

When it can go: when Wagtail or wagtail-localize gain per-locale permissions
for snippets and translation actions (there is no such feature in Wagtail
8.0 or wagtail-localize 1.14). `tests/translations/test_guards.py` fails if a
URL name in `RULES` disappears or a library view starts answering first.

The full table (action, URL name, guard) is in docs/translation.md.
"""

import json
from collections.abc import Callable

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from translations.languages import user_locale_ids

# A rule returns the primary keys of the locales the request would act on,
# or None when the object does not exist (the view then answers 404 itself).
Rule = Callable[[HttpRequest, dict], set[int] | None]


def _ids(values) -> set[int]:
    return {int(value) for value in values if str(value).isdigit()}


def translation_target(request, kwargs) -> set[int] | None:
    """The target language of the `Translation` named by `translation_id`."""
    locale_id = Translation.objects.filter(pk=kwargs["translation_id"]).values_list("target_locale_id", flat=True)
    return set(locale_id) or None


def submitted_locales(request, kwargs) -> set[int] | None:
    """The languages ticked in the "Translate" form (POST only: the form itself lists only the user's languages)."""
    if request.method != "POST":
        return set()
    return _ids(request.POST.getlist("locales"))


def synced_locales(request, kwargs) -> set[int] | None:
    """Syncing re-reads the source and may publish every enabled translation: its language and all of theirs."""
    source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).values_list("locale_id", flat=True)
    if not source:
        return None
    targets = Translation.objects.filter(source_id=kwargs["translation_source_id"], enabled=True).values_list(
        "target_locale_id", flat=True
    )
    return {*source, *targets}


def page_locales(*kwarg_names: str) -> Rule:
    """The locales of the pages named by these URL arguments (a page's language is its tree's)."""

    def rule(request, kwargs) -> set[int] | None:
        page_ids = [kwargs[name] for name in kwarg_names if name in kwargs]
        locale_ids = set(Page.objects.filter(pk__in=page_ids).values_list("locale_id", flat=True))
        return locale_ids or None

    return rule


def snippet_locale(model: type) -> Rule:
    """The locale of the snippet named by `pk` (edit, delete, copy)."""

    def rule(request, kwargs) -> set[int] | None:
        locale_id = model._default_manager.filter(pk=unquote(str(kwargs["pk"]))).values_list("locale_id", flat=True)
        return set(locale_id) or None

    return rule


def snippet_add_locale(request, kwargs) -> set[int] | None:
    """Creating a snippet: the `?locale=` it is created in (the default language when absent)."""
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else Locale.get_default()
    return {locale.pk} if locale else None


def bulk_action_locales(request, kwargs) -> set[int] | None:
    """Bulk actions on pages or translatable snippets: the locales of the chosen objects."""
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except LookupError:
        return None
    if not issubclass(model, TranslatableMixin):
        return set()
    ids = request.GET.getlist("id")
    if "all" in ids:
        return set(model._default_manager.values_list("locale_id", flat=True).distinct())
    return set(model._default_manager.filter(pk__in=_ids(ids)).values_list("locale_id", flat=True))


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


# wagtail-localize's admin URLs (admin/localize/...) and their rule. Views
# that only read (the JS catalogue, the translations report, the snippet API
# used by the editor's choosers) have none: see docs/translation.md.
LOCALIZE_RULES: dict[str, Rule] = {
    "wagtail_localize:submit_page_translation": submitted_locales,
    "wagtail_localize:submit_snippet_translation": submitted_locales,
    "wagtail_localize:update_translations": synced_locales,
    "wagtail_localize:edit_string_translation": translation_target,
    "wagtail_localize:edit_override": translation_target,
    "wagtail_localize:download_pofile": translation_target,
    "wagtail_localize:upload_pofile": translation_target,
    "wagtail_localize:machine_translate": translation_target,
    "wagtail_localize:preview_translation": translation_target,
    "wagtail_localize:stop_translation": translation_target,
    "wagtail_localize:convert_to_alias": page_locales("page_id"),
    # The project's versions of five of those views (same paths, see translations.wagtail_hooks).
    "translations:submit_page_translation": submitted_locales,
    "translations:submit_snippet_translation": submitted_locales,
    "translations:update_translations": synced_locales,
    "translations:upload_pofile": translation_target,
    "translations:machine_translate": translation_target,
}

# Wagtail's page views that act on one page. The translation editor of a page
# is its edit view (publish, restart translation and convert to alias are POSTs
# to it). Wagtail checks page permissions too, but answers a denial with a
# redirect; the guard makes it a 403.
PAGE_RULES: dict[str, Rule] = {
    f"wagtailadmin_pages:{name}": page_locales("page_id")
    for name in [
        "edit",
        "preview_on_edit",
        "view_draft",
        "delete",
        "unpublish",
        "convert_alias",
        "copy",
        "lock",
        "unlock",
        "set_privacy",
        "revisions_revert",
        "revisions_unschedule",
        "workflow_action",
        "collect_workflow_action_data",
        "confirm_workflow_cancellation",
    ]
}
PAGE_RULES |= {
    "wagtailadmin_pages:add": page_locales("parent_page_id"),
    "wagtailadmin_pages:add_subpage": page_locales("parent_page_id"),
    "wagtailadmin_pages:move": page_locales("page_to_move_id"),
    "wagtailadmin_pages:move_confirm": page_locales("page_to_move_id", "destination_id"),
    "wagtailadmin_pages:set_page_position": page_locales("page_to_move_id"),
    "wagtail_bulk_action": bulk_action_locales,
    "wagtailadmin_api:pages:action": api_page_action_locales,
}

# The per-object views of each translatable snippet's viewset. Its edit view is
# the translation editor (publish and restart translation are POSTs to it).
SNIPPET_VIEWS = ["edit", "delete", "copy"]


def snippet_rules() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        viewset = model.snippet_viewset
        for name in SNIPPET_VIEWS:
            rules[viewset.get_url_name(name)] = snippet_locale(model)
        rules[viewset.get_url_name("add")] = snippet_add_locale
    return rules


_rules_cache: dict[str, Rule] | None = None


def rules() -> dict[str, Rule]:
    """Every guarded URL name and its rule (built once: snippet viewsets register at start-up)."""
    global _rules_cache
    if _rules_cache is None:
        _rules_cache = {**LOCALIZE_RULES, **PAGE_RULES, **snippet_rules()}
    return _rules_cache


JSON_VIEWS = {
    "wagtail_localize:edit_string_translation",
    "wagtail_localize:edit_override",
    "wagtailadmin_api:pages:action",
}


def forbidden(request, message: str, as_json: bool = False) -> HttpResponse:
    """A 403 response carrying `message`: JSON for the translation editor's API, else an admin page."""
    if as_json:
        return JsonResponse({"error": message}, status=403)
    return render(request, "translations/forbidden.html", {"message": message}, status=403)


def language_forbidden(request, view_name: str, locale_ids: set[int]) -> HttpResponse:
    """403 naming the languages of `locale_ids` that the user does not work in."""
    missing = Locale.objects.filter(pk__in=locale_ids - user_locale_ids(request.user)).order_by("language_code")
    names = ", ".join(str(locale.get_display_name()) for locale in missing)
    message = _("You do not work in %(languages)s, so you cannot do this.") % {"languages": names}
    return forbidden(request, message, as_json=view_name in JSON_VIEWS)


class LanguageGuardMiddleware:
    """Answer 403 when a guarded admin action would touch a language the user does not work in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None  # Wagtail's own login redirect applies.
        rule = rules().get(match.view_name)
        if rule is None:
            return None
        locale_ids = rule(request, view_kwargs)
        if not locale_ids or locale_ids <= user_locale_ids(user):
            return None
        return language_forbidden(request, match.view_name, locale_ids)
