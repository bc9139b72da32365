"""Error views: translated 404 and 500 pages."""

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token
from wagtail.models import Page, Site

from home.context_processors import site_name
from home.middleware import ENABLED_LANGUAGES, unsupported_language_prefix
from home.reachable import reachable


def pages_at_same_path(request) -> list[Page]:
    """Reachable pages (`home.reachable`), in any served language, at the requested path.

    `/hr/guide/` missing in Croatian finds the English page at `/en/guide/`
    when the slugs match. Two SQL queries; an empty list when nothing matches.
    """
    site = Site.find_for_request(request)
    if site is None:
        return []
    parts = [part for part in request.path_info.split("/") if part]
    if parts and (parts[0] in ENABLED_LANGUAGES or unsupported_language_prefix(request.path_info)):
        parts = parts[1:]
    roots = site.root_page.get_translations(inclusive=True).live()
    suffix = "".join(f"{part}/" for part in parts)
    url_paths = [root.url_path + suffix for root in roots]
    pages = reachable(Page.objects.filter(url_path__in=url_paths))
    return list(pages.select_related("locale"))


@requires_csrf_token
def page_not_found(request, exception=None, template_name="404.html"):
    """404 in the request's language, offering the page in other languages if it exists there."""
    current = translation.get_language()
    elsewhere = [page for page in pages_at_same_path(request) if page.locale.language_code != current]
    context = {
        "request_path": request.path,
        "unsupported_language": unsupported_language_prefix(request.path_info),
        "pages_elsewhere": elsewhere,
    }
    body = loader.get_template(template_name).render(context, request)
    return HttpResponseNotFound(body)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """500 without touching the database: the template needs only the language and the site's name."""
    context = {"LANGUAGE_CODE": translation.get_language() or "en", **site_name(request)}
    body = loader.get_template(template_name).render(context)
    return HttpResponseServerError(body)
