"""Pages a visitor can reach: the only addresses the site advertises.

The sitemap, the hreflang alternates, the language switcher and the 404
page's suggestions list a page only when its address answers 200. Being live
is not enough:
- a language whose home page is a draft has no address at all: Wagtail routes
  `/fr/...` through the English tree then (`Page.localized` skips draft
  translations), so every French address is a 404;
- a page under a draft parent is left out too: its section is unpublished, and
  advertising it would point visitors and search engines at a part of the
  site its editors took down (Wagtail itself would still serve it).
Aliases of a page in another language are left out as well (see
`home.models.i18n.OWN_LANGUAGE_CONTENT`).

`reachable` adds one correlated subquery to the caller's query, never a
query of its own, so listings keep their query counts.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Substr
from wagtail.models import Page
from wagtail.query import PageQuerySet

from home.models.i18n import OWN_LANGUAGE_CONTENT


def draft_ancestor() -> Exists:
    """True for a page with an ancestor (below the tree's root) that is not live.

    An ancestor's tree path is the page's path cut at the ancestor's depth
    (treebeard's materialised path: `steplen` characters per level).
    """
    return Exists(
        Page.objects.filter(
            live=False,
            depth__gt=1,
            depth__lt=OuterRef("depth"),
            path=Substr(OuterRef("path"), 1, F("depth") * Page.steplen),
        )
    )


def reachable(pages: PageQuerySet) -> PageQuerySet:
    """`pages` limited to live, public, own-language pages whose every ancestor is live."""
    return pages.live().public().filter(OWN_LANGUAGE_CONTENT).exclude(draft_ancestor())
