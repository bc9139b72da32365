"""Language negotiation on top of Django's LocaleMiddleware."""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

ENABLED_LANGUAGES = {code for code, _name in settings.LANGUAGES}
# Areas outside the language prefix: a mistyped address there is a plain 404,
# not a redirect to /en/admin/... (which would be a 404 as well).
UNPREFIXED_AREAS = ("/admin/", "/documents/", "/i18n/", settings.STATIC_URL, settings.MEDIA_URL)


def unsupported_language_prefix(path: str) -> str | None:
    """The first path segment when it is a language code this site does not serve.

    `/de/guide/` gives "de"; `/fr/guide/` and `/guide/` give None. Known codes
    come from Django's own language table (`django.conf.locale.LANG_INFO`).
    """
    first = path.lstrip("/").split("/", 1)[0].lower()
    if first in LANG_INFO and first not in ENABLED_LANGUAGES:
        return first
    return None


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except for unserved language prefixes.

    Django redirects any unprefixed 404 to the visitor's language (`/x/` to
    `/en/x/`), which is what `/` needs. For `/de/...` that would answer a
    language we do not publish with a redirect to another language's 404;
    answer the 404 directly instead, in the visitor's preferred language.
    The same for the areas that have no language prefix (admin, documents).
    """

    def process_response(self, request, response):
        if response.status_code == 404 and (
            unsupported_language_prefix(request.path_info) or request.path_info.startswith(UNPREFIXED_AREAS)
        ):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
