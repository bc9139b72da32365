"""Expanding many rich-text values with one database round trip per link type.

Why: Wagtail expands the internal links of each rich-text value on its own
(`expand_db_html`: one query per link type per value), and its page-link
handler then looks up the active Locale and the page's translation once per
link (`page.localized`), so a tour whose scenes hold 500 information hotspots
would cost hundreds of queries. Here page links are resolved for all values
at once (pages, active locale and translations: a fixed number of queries),
then the values, joined into one string, go through Wagtail's rewriters for
the other link types; the result is split again at a marker the rewriters
leave alone (they only touch `<a linktype>` and `<embed>` tags). Remove this
module if Wagtail learns to expand a batch of rich-text values itself.
"""

import re

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText, expand_db_html
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

#: Separates the values; an HTML comment, so no rich-text rewriter matches it.
MARKER = "<!--tours:richtext-batch-->"


class ExpandedRichText(RichText):
    """A RichText whose front-end HTML was expanded beforehand; renders without queries."""

    def __init__(self, source: str, expanded_html: str):
        super().__init__(source)
        self.expanded_html = expanded_html

    def __html__(self):
        return mark_safe(self.expanded_html)  # Already expanded by Wagtail's rewriters, as RichText does.


def localized_page_urls(sources: list[str]) -> dict[str, str]:
    """{page id: URL of its live translation in the active language, else of itself} for every page link.

    Same result as Wagtail's page-link handler (`page.localized.url`), in a fixed
    number of queries (pages with their translations, one per page type, the active locale).
    """
    ids = {
        attrs["id"]
        for source in sources
        for attrs in (extract_attrs(match.group(1)) for match in FIND_A_TAG.finditer(source))
        if attrs.get("linktype") == "page" and attrs.get("id")
    }
    if not ids:
        return {}
    locale = Locale.get_active()
    # The linked pages and their live translations in the active language, in one query (plus one per page type).
    found = list(
        Page.objects.filter(
            Q(id__in=ids)
            | Q(
                translation_key__in=Page.objects.filter(id__in=ids).values("translation_key"),
                locale=locale,
                live=True,
            )
        )
        .defer_streamfields()
        .specific()
    )
    pages = [page for page in found if str(page.pk) in ids]
    translations = {page.translation_key: page for page in found if page.locale_id == locale.pk and page.live}
    return {str(page.pk): (translations.get(page.translation_key) or page).url for page in pages}


PAGE_LINK = re.compile(r"<a(\b[^>]*\blinktype=\"page\"[^>]*)>")


def resolve_page_links(source: str, urls: dict[str, str]) -> str:
    """`source` with its page links turned into plain `<a href>` links (`<a>` for a deleted page)."""

    def replace(match):
        url = urls.get(extract_attrs(match.group(1)).get("id", ""))
        return f'<a href="{escape(url)}">' if url else "<a>"

    return PAGE_LINK.sub(replace, source)


def expand_all(values: list[RichText | None]) -> list[ExpandedRichText | None]:
    """`values` expanded together: one ExpandedRichText per RichText (None stays None).

    Query count: fixed, whatever the number of values: page links as in
    `localized_page_urls`, then one query per other kind of internal link.
    """
    sources = [value.source for value in values if value is not None]
    urls = localized_page_urls(sources)
    sources = [resolve_page_links(source, urls) for source in sources]
    if any(MARKER in source for source in sources):
        # A value holding the marker itself would be split wrongly: expand one by one.
        expanded = [expand_db_html(source) for source in sources]
    else:
        expanded = expand_db_html(MARKER.join(sources)).split(MARKER) if sources else []
    originals = [value.source for value in values if value is not None]
    result, parts = [], iter(zip(originals, expanded, strict=True))
    for value in values:
        if value is None:
            result.append(None)
        else:
            source, html = next(parts)
            result.append(ExpandedRichText(source, html))
    return result
