"""Template tags for the site frame: navigation, language switcher, hreflang, footer (home.navigation does the work)."""

from django import template

from home import navigation
from home.models import Partner

register = template.Library()


@register.simple_tag(takes_context=True)
def page_alternates(context, page=None) -> dict:
    """Language versions of `page` (default: the site's home pages); see home.navigation.page_alternates.

    A routable page's sub-page sets `alternate_subpath` in its context (e.g.
    "3/"): the alternates then point to that sub-page in each language.
    """
    request = context.get("request")
    if request is None:
        return {"available": [], "unavailable": []}
    return navigation.page_alternates(request, page, context.get("alternate_subpath") or "")


@register.simple_tag(takes_context=True)
def main_navigation(context) -> list[navigation.NavItem]:
    """Live, public children of the current language's home page shown in menus. One SQL query."""
    return navigation.main_navigation(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    """URL of the current language's home page (`/fr/`), falling back to the language prefix."""
    return navigation.home_url(context.get("request"))


@register.simple_tag(takes_context=True)
def site_partners(context) -> list[Partner]:
    """The project partners in the active language, coordinator first. One SQL query per request."""
    return navigation.site_partners(context.get("request"))


@register.simple_tag(takes_context=True)
def footer_pages(context) -> list:
    """The footer pages of ContactSettings (legal pages, open data) in the active language (home.navigation)."""
    request = context.get("request")
    return navigation.footer_pages(request) if request is not None else []


@register.filter
def language_name(code: str) -> str:
    """`{{ "hr"|language_name }}` gives "Hrvatski"."""
    return navigation.language_name_local(code)
