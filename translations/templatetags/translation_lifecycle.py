"""Template tags of the unpublish and delete confirmation pages (translations.cascade does the work)."""

from django import template

from translations.cascade import cascade_targets

register = template.Library()


@register.simple_tag(takes_context=True)
def cascade_translations(context, page, action: str) -> list:
    """The translations that unpublishing or deleting `page` (`action`: "unpublish" or "delete") may reach."""
    request = context.get("request")
    if request is None or page is None:
        return []
    return cascade_targets(page, request.user, action)
