"""Tag each response Wagtail serves with its page, for the page cache (caching.page_cache)."""

from wagtail import hooks

from caching.page_cache import remember_page


@hooks.register("before_serve_page")
def tag_response_with_page(page, request, serve_args, serve_kwargs):
    remember_page(request, page)
