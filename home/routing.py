"""Routing a request below a home page in two SQL queries, whatever the depth of the page.

Wagtail's `Page.route` walks the tree one level at a time, with two queries
per level (the child by slug, then its specific object): six for a tour scene.
`route_below` finds every page on the way in one query, by `url_path` (which
Wagtail keeps equal to the slugs' path), then loads only the page it lands on
in its specific class. It keeps Wagtail's semantics on the way: a routable page
(`RoutablePageMixin`: `print/`, `<number>/`, `ical/`) answers its own sub-page
addresses before its children; a page class with a `route` of its own gets the
rest of the path; the page reached must be live.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from home import fragments

STANDARD_ROUTES = {Page.route, RoutablePageMixin.route}


def own_route(page) -> bool:
    """Whether `page`'s class routes differently from Wagtail's pages and routable pages."""
    return type(page).route not in STANDARD_ROUTES


def with_locale(page):
    """`page` with its `locale` set from the request's locales (home.fragments), so reading it costs no query."""
    page.locale = fragments.locale_of(page)
    return page


def route_below(root, request, path_components: list[str]):
    """Route `path_components` below `root` (a specific page) as Wagtail's `Page.route` would."""
    if not path_components:
        if root.live:
            return RouteResult(root)
        raise Http404
    prefixes = [root.url_path + "/".join(path_components[: index + 1]) + "/" for index in range(len(path_components))]
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=prefixes, path__startswith=root.path, depth__gt=root.depth)
    }
    generic, current = None, root  # current: specific, deferred below the last page (fields loaded on demand)
    for index in range(len(path_components) + 1):
        remaining = path_components[index:]
        if generic is not None and own_route(current):
            return generic.specific.route(request, remaining)
        if isinstance(current, RoutablePageMixin) and current.live:
            subpath = "/" + "".join(part + "/" for part in remaining)
            try:
                current.resolve_subpage(subpath)  # the class's routes: no query
            except Http404:
                pass
            else:
                page = with_locale(current if generic is None else generic.specific)
                resolver_match = page.resolve_subpage(subpath)
                request.routable_resolver_match = resolver_match
                view, args, kwargs = resolver_match
                return RouteResult(page, args=(view, args, kwargs))
        if not remaining:
            break
        child = found.get(prefixes[index])
        if child is None or child.depth != current.depth + 1:
            raise Http404
        child._cached_parent_obj = current if generic is None else generic
        generic, current = child, child.specific_deferred
    page = with_locale(generic.specific)
    if page.live:
        return RouteResult(page)
    raise Http404
