"""Template tags of the guide app: competence links, chosen pages and reading time in the reader's language."""

from django import template
from django.utils.translation import ngettext

from guide.competence_links import competence_url, localized_competences
from guide.links import ResolvedPage, resolve_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def competence_link(context, competence) -> dict | None:
    """{"competence": the competence in the reader's language, "url": its framework page or None}; None if deleted.

    One SQL query per request for the competences, one for the framework page.
    """
    if competence is None:
        return None
    request = context.get("request")
    localized = localized_competences(request).get(competence.translation_key, competence)
    return {"competence": localized, "url": competence_url(localized, request)}


@register.simple_tag(takes_context=True)
def resolve_page(context, chosen) -> ResolvedPage:
    """What a page chooser leads to in the reader's language (guide.links.resolve_pages).

    Uses the page's `resolved_pages` from the context when it has it (one lookup
    for the whole page), else looks the page up on its own.
    """
    if chosen is None:
        return ResolvedPage(page=None, chosen=None, reason="deleted")
    resolved = context.get("resolved_pages") or {}
    if chosen.pk not in resolved:
        resolved = resolve_pages([chosen], request=context.get("request"))
    return resolved[chosen.pk]


@register.simple_tag
def reading_time(minutes: int) -> str:
    """ "About 4 minutes to read", in the active language."""
    minutes = int(minutes or 1)
    return ngettext("About %(minutes)s minute to read", "About %(minutes)s minutes to read", minutes) % {
        "minutes": minutes
    }


@register.simple_tag(takes_context=True)
def competence_page_url(context, framework, competence) -> str:
    """Address of `competence`'s page under the CompetenceFrameworkPage `framework`. No SQL query."""
    return framework.competence_url(competence.number, context.get("request"))
