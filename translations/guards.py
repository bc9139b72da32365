"""The language guard: an admin request reaches its view only when it stays in the user's languages.

Why this exists: wagtail-localize 1.14.5 authorises its actions with a global
permission or with the target object's edit permission, and Wagtail 8.0 has
no per-language permission for snippets; inside the Wagtail admin a denied
action is a redirect to the dashboard, not a 403. Where Wagtail offers an
extension point the project uses it (translations.permission_policy for
snippets, translations.confinement_hooks for page copies, bulk actions and
page choosers); this middleware covers the views that have none.

It fails closed. For a user who does not work in every language
(translations.languages), every admin URL is looked up in
`translations.surface`: a `Guarded` view's rule works out the languages the
request would touch, and the answer is 403 (JSON for the editor's API) when one
of them is not the user's; a `Delegated` or `NotLocaleSpecific` view runs; an
admin URL that is not classified is refused. Nothing reaches the database but
the look-ups; every refusal is logged (user, action, languages).

When it can go: when Wagtail or wagtail-localize gain per-locale permissions
for snippets and translation actions (there is no such feature in Wagtail 8.0
or wagtail-localize 1.14). tests/translations/test_url_surface.py fails when
an admin URL is not classified.

The table of actions and guards is in docs/translation.md.
"""

import logging

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from translations.languages import user_home_pages, user_locale_ids, user_locales, works_in_every_language
from translations.publish_guard import refusal_response
from translations.surface import Delegated, Guarded, NotLocaleSpecific, classify_match

logger = logging.getLogger(__name__)

JSON_VIEWS = {
    "wagtail_localize:edit_string_translation",
    "wagtail_localize:edit_override",
    "wagtail_localize:snippets_api_detail",
    "wagtail_localize:snippets_api_listing",
    "wagtailadmin_api:pages:action",
    "wagtailadmin_editing_sessions:ping",
    "wagtailadmin_editing_sessions:release",
}


def forbidden(request, message: str, as_json: bool = False) -> HttpResponse:
    """A 403 response carrying `message`: JSON for the translation editor's API, else an admin page."""
    if as_json:
        return JsonResponse({"error": message}, status=403)
    context = {"message": message, "user_homes": user_home_pages(request.user)}
    return render(request, "translations/forbidden.html", context, status=403)


def language_names(locales) -> str:
    return ", ".join(str(locale.get_display_name()) for locale in locales) or _("no language")


def refused(request, view_name: str, message: str, locale_codes: list[str]) -> HttpResponse:
    """Log the refusal (user, action, languages) and answer 403 with `message`."""
    logger.warning(
        "Refused %s %s (%s) to %s: languages %s, theirs %s",
        request.method,
        view_name or request.path,
        request.path,
        request.user,
        ",".join(locale_codes) or "-",
        ",".join(locale.language_code for locale in user_locales(request.user)) or "-",
    )
    return forbidden(request, message, as_json=view_name in JSON_VIEWS)


def language_forbidden(request, view_name: str, locale_ids: set[int]) -> HttpResponse:
    """403 naming the languages of `locale_ids` that the user does not work in, and those they work in."""
    missing = list(Locale.objects.filter(pk__in=locale_ids - user_locale_ids(request.user)).order_by("language_code"))
    message = _("This is in %(languages)s. You work in %(yours)s, so you cannot open or change it.") % {
        "languages": language_names(missing),
        "yours": language_names(user_locales(request.user)),
    }
    return refused(request, view_name, message, [locale.language_code for locale in missing])


def unclassified_forbidden(request, view_name: str) -> HttpResponse:
    message = _(
        "This part of the admin is not open to translators: it has not been checked to stay within "
        "your languages (%(yours)s). Ask an editor if you need it."
    ) % {"yours": language_names(user_locales(request.user))}
    return refused(request, view_name, message, [])


def in_own_language(request) -> HttpResponse | None:
    """A redirect to the same URL with `?locale=` the user's (first) language; None for a user without one.

    A snippet chooser opened without `?locale=` lists every language: a translator gets theirs instead of a 403.
    """
    locales = user_locales(request.user)
    if request.method not in {"GET", "HEAD"} or not locales:
        return None
    query = request.GET.copy()
    query["locale"] = locales[0].language_code
    return redirect(f"{request.path}?{query.urlencode()}")


def is_admin_path(path: str) -> bool:
    return path.startswith(reverse("wagtailadmin_home"))


class LanguageGuardMiddleware:
    """Answer 403 when an admin request would touch a language the user does not work in, or is unclassified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None  # Wagtail's own login redirect applies.
        if not is_admin_path(request.path) or works_in_every_language(user):
            return None
        classification = classify_match(match)
        if isinstance(classification, Delegated | NotLocaleSpecific):
            return None
        if not isinstance(classification, Guarded):
            return unclassified_forbidden(request, match.view_name)
        if classification.default_to_user_language and not request.GET.get("locale"):
            own = in_own_language(request)
            if own is not None:
                return own
        try:
            locale_ids = classification.rule(request, view_kwargs)
        except KeyError:  # The URL lost an argument the rule reads (a library upgrade): refuse.
            return unclassified_forbidden(request, match.view_name)
        if not locale_ids or locale_ids <= user_locale_ids(user):
            return None
        return language_forbidden(request, match.view_name, locale_ids)

    def process_exception(self, request, exception):
        # A translation refused publication by translations.publish_guard (a workflow's approval, say): a
        # message and the page's editor, not a 403 page. For every admin user, not only translators.
        return refusal_response(request, exception) if is_admin_path(request.path) else None
