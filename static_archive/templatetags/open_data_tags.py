"""`{% open_data_link as link %}`: the footer's link to the "Open data" page of the active language."""

from django import template
from wagtail.models import Site

from home import fragments
from home.models.i18n import active_language_code
from home.reachable import reachable
from static_archive.models import OpenDataPage

register = template.Library()


def _link(request, language: str) -> tuple[str, str] | None:
    page = reachable(OpenDataPage.objects.filter(locale__language_code=language)).first()
    if page is None:
        return None
    return page.get_url(request), page.title


@register.simple_tag(takes_context=True)
def open_data_link(context) -> tuple[str, str] | None:
    """(address, title) of the reachable open-data page in the active language, else None.

    A shared fragment per site and language (home.fragments): no query on most pages.
    """
    request = context.get("request")
    if request is None:
        return None
    site = Site.find_for_request(request)
    language = active_language_code()
    return fragments.cached("open_data_link", (site.pk if site else 0, language), lambda: _link(request, language))
