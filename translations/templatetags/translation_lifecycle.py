"""Template tags of the unpublish and delete confirmation pages (translations.cascade does the work)."""

from django import template

from translations.cascade import bulk_cascade_targets, cascade_targets

register = template.Library()


@register.simple_tag(takes_context=True)
def cascade_translations(context, page, action: str) -> list:
    """The translations that unpublishing or deleting `page` (`action`: "unpublish" or "delete") may reach."""
    request = context.get("request")
    if request is None or page is None:
        return []
    return cascade_targets(page, request.user, action)


@register.simple_tag(takes_context=True)
def bulk_cascade_translations(context, items, action: str) -> list[dict]:
    """For the bulk confirmation pages: `[{"page": page, "translations": [CascadeTarget, ...]}, ...]`.

    `items` is the bulk action's context (`{"item": page, ...}` per chosen page).
    """
    request = context.get("request")
    if request is None:
        return []
    pages = [item["item"] for item in items]
    return [
        {"page": page, "translations": targets} for page, targets in bulk_cascade_targets(pages, request.user, action)
    ]
