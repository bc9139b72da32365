"""Expanding many rich-text values with one database round trip per link type.

Why: Wagtail expands the internal links of each rich-text value on its own
(`expand_db_html`: one query per link type per value), so a tour whose scenes
hold 500 information hotspots would cost up to 500 queries. Expanding all the
values joined into one string lets Wagtail fetch every linked page at once;
the result is split again at a marker that Wagtail's rewriters leave alone
(they only touch `<a linktype>` and `<embed>` tags). Remove this module if
Wagtail learns to expand a batch of rich-text values itself.
"""

from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText, expand_db_html

#: Separates the values; an HTML comment, so no rich-text rewriter matches it.
MARKER = "<!--tours:richtext-batch-->"


class ExpandedRichText(RichText):
    """A RichText whose front-end HTML was expanded beforehand; renders without queries."""

    def __init__(self, source: str, expanded_html: str):
        super().__init__(source)
        self.expanded_html = expanded_html

    def __html__(self):
        return mark_safe(self.expanded_html)  # Already expanded by Wagtail's rewriters, as RichText does.


def expand_all(values: list[RichText | None]) -> list[ExpandedRichText | None]:
    """`values` expanded together: one ExpandedRichText per RichText (None stays None).

    Query count: one per kind of internal link present in all the values taken
    together (pages, documents), whatever the number of values.
    """
    sources = [value.source for value in values if value is not None]
    if any(MARKER in source for source in sources):
        # A value holding the marker itself would be split wrongly: expand one by one.
        expanded = [expand_db_html(source) for source in sources]
    else:
        expanded = expand_db_html(MARKER.join(sources)).split(MARKER) if sources else []
    result, parts = [], iter(zip(sources, expanded, strict=True))
    for value in values:
        if value is None:
            result.append(None)
        else:
            source, html = next(parts)
            result.append(ExpandedRichText(source, html))
    return result
