"""StreamField blocks shared by the content pages of every app.

Apps extend `BaseStreamBlock` with their own blocks. Block templates live in
`home/templates/home/blocks/` and are named after the block.
"""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from home.accessibility_rules import IMAGE_NEEDS_ALT_TEXT, image_lacks_alt_text
from publications.blocks import PublicationBlock

# The rendition home/templates/home/blocks/image_block.html asks for; keep in step
# so that a body's images and their renditions cost two queries, however many there are.
BODY_IMAGE_RENDITION = "max-1200x900"


class HeadingBlock(blocks.StructBlock):
    """A section heading. Its anchor is the block's id, the same in every language."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        # Not page text: indexing the label would make "section" match every page with a heading.
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Why partnerships matter", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("editor", "default")
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "home/blocks/paragraph_block.html"
        preview_value = "<p>Cooperation between guidance services helps people find their path.</p>"


class CaptionedImageBlock(blocks.StructBlock):
    """Wagtail's image block (image, alt text or "decorative") and an optional caption, both translated.

    A struct around `ImageBlock` rather than a subclass of it: wagtail-localize
    extracts and restores a nested `ImageBlock`'s alt text, but not extra
    fields of a subclass (its ImageBlock handler knows only alt text and
    decorative).
    """

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        # Refused at save and publish: an image that is neither described nor marked decorative.
        if image_lacks_alt_text(value.get("image")):
            raise StructBlockValidationError(block_errors={"image": ValidationError(IMAGE_NEEDS_ALT_TEXT)})
        return value

    def bulk_to_python(self, values):
        # One query for the renditions of every image of the stream, not one per image.
        values = super().bulk_to_python(values)
        images = [value["image"] for value in values if value.get("image") is not None]
        if images:
            renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=BODY_IMAGE_RENDITION)
            prefetch_related_objects(images, Prefetch("renditions", queryset=renditions))
        return values


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=250, help_text=_("Who said or wrote it."))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"
        preview_value = {
            "quote": "Together we can answer every question from the public.",
            "source": "A guidance centre director",
        }


class DocumentBlock(blocks.StructBlock):
    """A downloadable document; the file can be replaced in each translation."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=250,
        help_text=_("Shown as the link text; the document's own title when empty."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "home/blocks/document_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    # A publication: one file per language, so each reader gets theirs (issue 19, point 6).
    publication = PublicationBlock()


class ContactDetailsBlock(blocks.StaticBlock):
    """The project's contact details as set under Settings → Contact, and the coordinator (no fields to fill)."""

    class Meta:
        icon = "mail"
        label = _("Contact details (from Settings)")
        admin_text = _(
            "Shows the contact e-mail and project website set under Settings → Contact, and the coordinator."
        )
        template = "home/blocks/contact_details_block.html"


class StandardPageStreamBlock(BaseStreamBlock):
    """A standard page's body: the shared blocks, and the contact details for a contact page."""

    contact_details = ContactDetailsBlock()
