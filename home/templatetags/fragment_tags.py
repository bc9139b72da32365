"""`{% content_fragment %}...{% endcontent_fragment %}`: a page's own content, rendered once per generation.

base.html wraps the main content in it. With the page cache on (PAGE_CACHE), what a visitor
without a session sees of a page (for its address, query string and language) is kept in the
fragments' cache (home.fragments) for PAGE_CACHE_SECONDS, so a page-cache miss renders only
the frame around it. It is as fresh as the other fragments (any page, snippet, image, document,
setting or PDF saved gives a new generation) and as time-bound as the page cache (an event
that has started shows so after PAGE_CACHE_SECONDS at most). Previews, signed-in users,
other methods and the page cache's excluded paths (search) always render it, and content
that used a CSRF token is never stored.
"""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from caching.page_cache import excluded_path
from home.fragments import cached

register = template.Library()


def _shareable(request, page) -> bool:
    if not settings.PAGE_CACHE_ENABLED or request is None or not isinstance(page, Page):
        return False
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return False
    if getattr(request, "is_dummy", False) or excluded_path(request.path_info):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class ContentFragmentNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        request, page = context.get("request"), context.get("page")
        if not _shareable(request, page):
            return self.nodelist.render(context)
        csrf_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        parts = (request.get_host(), request.path, request.META.get("QUERY_STRING", ""), translation.get_language())
        return cached(
            "content",
            parts,
            lambda: self.nodelist.render(context),
            timeout=settings.PAGE_CACHE_SECONDS,
            keep=lambda _html: request.META.get("CSRF_COOKIE_NEEDS_UPDATE") == csrf_before,
        )


@register.tag
def content_fragment(parser, token):
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    return ContentFragmentNode(nodelist)
