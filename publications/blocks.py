"""StreamField blocks that link a publication: the reader gets its file in their language, and the others listed."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class PublicationChooserBlock(SnippetChooserBlock):
    """Chooses a `publications.Publication`.

    The publication is one object for every language, so in a translated StreamField wagtail-localize
    synchronises the choice (every language links the same publication) and each reader gets the file
    in their language.
    """

    def __init__(self, **kwargs):
        super().__init__("publications.Publication", **kwargs)

    class Meta:
        icon = "doc-full-inverse"


class PublicationBlock(blocks.StructBlock):
    """A download link: the link text (translated with the page) and the publication."""

    label = blocks.CharBlock(
        label=_("Link text"),
        max_length=120,
        help_text=_("What the link gives, e.g. “Download the handout”. The file's format, size and language follow."),
    )
    publication = PublicationChooserBlock(label=_("Publication"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Download (every language)")
        template = "publications/blocks/publication_block.html"
        preview_value = {"label": "Download the handout"}
        description = _("A download link that gives readers the file in their language and lists the other languages.")
