"""StreamField blocks of a case study's body.

A case study is told in fixed sections (context, partners involved, activities,
results, lessons learned) plus the shared blocks of `home.blocks`. Each
section's heading comes from the block type and is translated with the user
interface, so translators only translate the text an editor wrote.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from casestudies.choices import PartnerType
from home.blocks import BaseStreamBlock

SECTION_GROUP = _("Case study sections")


class SectionBlock(blocks.RichTextBlock):
    """Rich text under a fixed heading (`Meta.heading`); the heading's anchor is `section-<block id>`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("editor", "default")
        super().__init__(**kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = self.meta.heading
        return context

    class Meta:
        template = "casestudies/blocks/section_block.html"
        heading = ""


class ContextBlock(SectionBlock):
    class Meta:
        icon = "info-circle"
        label = _("Context")
        heading = _("Context")
        preview_value = "<p>The town's guidance services worked side by side but rarely together.</p>"


class ActivitiesBlock(SectionBlock):
    class Meta:
        icon = "list-ul"
        label = _("Activities")
        heading = _("Activities")
        preview_value = "<p>A shared reception desk, joint workshops and a monthly partners' meeting.</p>"


class ResultsBlock(SectionBlock):
    class Meta:
        icon = "tick-inverse"
        label = _("Results")
        heading = _("Results")
        preview_value = "<p>More people found the right service at their first visit.</p>"


class LessonsLearnedBlock(SectionBlock):
    class Meta:
        icon = "help"
        label = _("Lessons learned")
        heading = _("Lessons learned")
        preview_value = "<p>Agree on shared goals in writing before the first joint activity.</p>"


class InvolvedPartnerValue(blocks.StructValue):
    @property
    def type_label(self) -> str:
        """The partner type's label in the active language ("Public employment service"); "" if unknown."""
        try:
            return PartnerType(self.get("partner_type")).label
        except ValueError:
            return ""


class InvolvedPartnerBlock(blocks.StructBlock):
    """One organisation of the partnership: its name and role are translated, its type is synchronised."""

    name = blocks.CharBlock(label=_("Organisation"), max_length=255)
    partner_type = blocks.ChoiceBlock(label=_("Type"), choices=PartnerType.choices, search_index=False)
    role = blocks.TextBlock(
        label=_("Role in the partnership"),
        required=False,
        help_text=_("One sentence: what this organisation brought to the partnership."),
    )
    website = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "group"
        label = _("Partner")
        value_class = InvolvedPartnerValue


class PartnersInvolvedBlock(blocks.StructBlock):
    """The organisations of the partnership, each with its type (public employment service, school, ...)."""

    introduction = blocks.TextBlock(label=_("Introduction"), required=False)
    partners = blocks.ListBlock(InvolvedPartnerBlock(), label=_("Partners"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Partners involved")
        template = "casestudies/blocks/partners_involved_block.html"
        preview_value = {
            "introduction": "Three organisations shared the work.",
            "partners": [
                {"name": "Regional employment service", "partner_type": PartnerType.PUBLIC_EMPLOYMENT_SERVICE},
                {"name": "Vocational school", "partner_type": PartnerType.SCHOOL},
                {"name": "Town council", "partner_type": PartnerType.LOCAL_AUTHORITY},
            ],
        }


class CaseStudyStreamBlock(BaseStreamBlock):
    """A case study's body: the shared blocks plus one of each section, in the order the editor chooses."""

    context = ContextBlock(group=SECTION_GROUP)
    partners_involved = PartnersInvolvedBlock(group=SECTION_GROUP)
    activities = ActivitiesBlock(group=SECTION_GROUP)
    results = ResultsBlock(group=SECTION_GROUP)
    lessons_learned = LessonsLearnedBlock(group=SECTION_GROUP)

    class Meta:
        block_counts = {
            name: {"max_num": 1}
            for name in ["context", "partners_involved", "activities", "results", "lessons_learned"]
        }
