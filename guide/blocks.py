"""StreamField blocks of the guide app: the chapter body and the training programme's modules.

`GuideStreamBlock` extends the site's `home.blocks.BaseStreamBlock` (heading,
paragraph, image, quote, document) with a callout, a recommendations list and
references to competences and case studies. Block templates are in
`guide/templates/guide/blocks/`, named after the block.
"""

from collections import Counter

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from guide.choices import CalloutKind, MaterialFormat
from home.blocks import BaseStreamBlock, HeadingBlock


class CalloutValue(blocks.StructValue):
    @property
    def kind_label(self) -> str:
        """The callout's kind in the reader's language ("Tip", "Point of attention", "Good practice")."""
        kind = self.get("kind")
        return CalloutKind(kind).label if kind in CalloutKind.values else ""


class CalloutBlock(blocks.StructBlock):
    """A tip, point of attention or good practice set apart from the chapter's text."""

    kind = blocks.ChoiceBlock(
        search_index=False,  # the label is interface text, not the page's words
        label=_("Kind"),
        choices=CalloutKind.choices,
        default=CalloutKind.TIP,
        help_text=_("Shown as the callout's label, in the reader's language."),
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), editor="default")

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "guide/blocks/callout_block.html"
        value_class = CalloutValue
        group = _("Guide")
        preview_value = {
            "kind": CalloutKind.TIP,
            "title": "Start with a shared diagnosis",
            "text": "<p>Ask each partner what its users need before you agree on common goals.</p>",
        }


class RecommendationsBlock(blocks.StructBlock):
    """A numbered list of recommendations."""

    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Shown above the list; “Recommendations” when empty."),
    )
    items = blocks.ListBlock(
        blocks.TextBlock(label=_("Recommendation")),
        label=_("Recommendations"),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        label = _("Recommendations")
        template = "guide/blocks/recommendations_block.html"
        group = _("Guide")
        preview_value = {
            "title": "",
            "items": [
                "Name one contact person in each partner organisation.",
                "Agree in writing on who does what.",
            ],
        }


class CompetenceLinksBlock(blocks.StructBlock):
    """Links to the competences of the framework that a part of the chapter develops."""

    text = blocks.CharBlock(
        label=_("Introduction"),
        required=False,
        max_length=250,
        help_text=_("Optional sentence before the list, e.g. “This chapter helps you develop:”."),
    )
    competences = blocks.ListBlock(
        SnippetChooserBlock("home.Competence", label=_("Competence")),
        label=_("Competences"),
        min_num=1,
    )

    class Meta:
        icon = "success"
        label = _("Competences")
        template = "guide/blocks/competence_links_block.html"
        group = _("Links")


class RelatedPagesBlock(blocks.StructBlock):
    """Links to case studies (`casestudies.CaseStudyPage`).

    The chosen pages are shown in the reader's language when translated; a page
    that is deleted, unpublished or private is left out of the public page and
    pointed out to editors in the preview.
    """

    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Shown above the links; “Case studies” when empty."),
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="casestudies.CaseStudyPage", label=_("Case study")),
        label=_("Case studies"),
        min_num=1,
        help_text=_("Choose the case-study pages this part of the chapter refers to."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Case studies")
        template = "guide/blocks/related_pages_block.html"
        group = _("Links")


class GuideStreamBlock(BaseStreamBlock):
    """The body of a guide chapter: the site's blocks plus the guide's own."""

    # Same anchors as the site's heading block; this template also shifts the
    # level down by one on the whole-guide page, under each chapter's title.
    heading = HeadingBlock(template="guide/blocks/heading_block.html")
    callout = CalloutBlock()
    recommendations = RecommendationsBlock()
    competences = CompetenceLinksBlock()
    case_studies = RelatedPagesBlock()


# --- Training programme -------------------------------------------------------


def module_letter(number: int) -> str:
    """The letter of the training module for competence `number`: 1 gives "A", 7 gives "G"."""
    return chr(ord("A") + number - 1)


class ModuleValue(blocks.StructValue):
    """A training module; its letter comes from its competence (module A covers competence 1)."""

    @cached_property
    def letter(self) -> str:
        competence = self.get("competence")
        return module_letter(competence.number) if competence else ""

    @cached_property
    def display_title(self) -> str:
        """The module's own title, else its competence's title."""
        competence = self.get("competence")
        return self.get("title") or (competence.title if competence else "")

    @cached_property
    def format_labels(self) -> list[str]:
        """Labels of the chosen material formats, in the reader's language and in the list's order."""
        chosen = set(self.get("material_formats") or [])
        return [label for value, label in MaterialFormat.choices if value in chosen]


class ModuleBlock(blocks.StructBlock):
    competence = SnippetChooserBlock(
        "home.Competence",
        label=_("Competence"),
        help_text=_("The competence this module trains. Its number gives the module's letter: 1 is A, 7 is G."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the competence's title."),
    )
    learning_outcomes = blocks.ListBlock(
        blocks.CharBlock(label=_("Learning outcome"), max_length=300),
        label=_("Learning outcomes"),
        help_text=_("What learners can do after the module, one per line."),
    )
    material_formats = blocks.MultipleChoiceBlock(
        search_index=False,
        label=_("Formats of the materials"),
        choices=MaterialFormat.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    job_based_activity = blocks.RichTextBlock(
        label=_("Job-based activity"),
        required=False,
        editor="default",
        help_text=_("The practical activity learners carry out in their own job."),
    )
    elearning_url = blocks.URLBlock(
        label=_("Module on the e-learning platform"),
        required=False,
        help_text=_("Address of this module on the external e-learning platform; can differ per language."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Training module")
        template = "guide/blocks/module_block.html"
        value_class = ModuleValue
        form_classname = "module-block"


class ModuleStreamBlock(blocks.StreamBlock):
    """The programme's modules; each competence may have one module only."""

    module = ModuleBlock()

    class Meta:
        max_num = 7

    def clean(self, value):
        value = super().clean(value)
        numbers = [child.value.get("competence").number if child.value.get("competence") else None for child in value]
        duplicates = {number for number, count in Counter(numbers).items() if number is not None and count > 1}
        if duplicates:
            errors = {}
            seen = set()
            for index, number in enumerate(numbers):
                if number in duplicates:
                    if number in seen:
                        errors[index] = StructBlockValidationError(
                            block_errors={
                                "competence": ValidationError(
                                    _("Competence %(number)s already has a module (module %(letter)s) on this page."),
                                    params={"number": number, "letter": module_letter(number)},
                                    code="duplicate_module",
                                )
                            }
                        )
                    seen.add(number)
            raise blocks.StreamBlockValidationError(
                block_errors=errors,
                non_block_errors=ErrorList([_("Each competence can have only one training module.")]),
            )
        return value
