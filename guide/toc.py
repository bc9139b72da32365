"""A table of contents built from the heading blocks of a StreamField body.

Anchors are `section-<block id>`, the id the heading block template gives the
heading (home/templates/home/blocks/heading_block.html). wagtail-localize keeps
block ids when it translates a page, so an anchor is the same in every language
and a translated heading never breaks a link to it.
"""

from dataclasses import dataclass, field


@dataclass
class TocEntry:
    """One heading: its anchor (without "#"), its text, its level ("h2" or "h3") and the h3s under an h2."""

    anchor: str
    text: str
    level: str
    children: list["TocEntry"] = field(default_factory=list)


def heading_anchor(block_id: str) -> str:
    """The HTML id of the heading block with this block id."""
    return f"section-{block_id}"


def table_of_contents(body, heading_block_name: str = "heading") -> list[TocEntry]:
    """Nested entries for the headings of `body` (a StreamValue), in order.

    Each h3 goes under the h2 before it; an h3 before any h2 is a top-level
    entry. Headings with empty text are skipped. Returns [] when the body has
    no headings, so templates can leave the table out entirely. No SQL query.
    """
    entries: list[TocEntry] = []
    current_h2: TocEntry | None = None
    # Raw data: reading headings never loads the body's images or chosen objects.
    for child in body.raw_data:
        if child.get("type") != heading_block_name or not child.get("id"):
            continue
        value = child.get("value") or {}
        text = (value.get("text") or "").strip()
        if not text:
            continue
        level = value.get("level") or "h2"
        entry = TocEntry(anchor=heading_anchor(child["id"]), text=text, level=level)
        if level == "h3" and current_h2 is not None:
            current_h2.children.append(entry)
            continue
        entries.append(entry)
        current_h2 = entry if level == "h2" else None
    return entries
