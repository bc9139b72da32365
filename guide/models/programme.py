"""TrainingProgrammePage: seven modules, A to G, each training one competence of the framework."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from guide.blocks import ModuleStreamBlock, module_letter
from guide.gathering import ReferencePart
from home.models import BasePage


def module_anchor(block_id: str) -> str:
    """The HTML id of a module on the programme page; block ids are the same in every language."""
    return f"module-{block_id}"


class TrainingProgrammePage(BasePage):
    """The training programme: its modules, how learning is validated, and how to join the e-learning platform.

    Each module is a block of `modules` tied to one competence; its letter comes
    from the competence's number (A = 1 ... G = 7). A module's e-learning address
    is a URL block, which wagtail-localize lets a translator replace per language.
    """

    introduction = models.TextField(
        _("introduction"),
        help_text=_("What the programme is and how it is built; shown under the title."),
    )
    modules = StreamField(
        ModuleStreamBlock(),
        verbose_name=_("modules"),
        blank=True,
        help_text=_("One module per competence, in the order readers should see them."),
    )
    validation = RichTextField(
        _("how learning is validated"),
        blank=True,
        editor="basic",
        help_text=_("Self-assessments, the certificate and what it is (and is not) worth."),
    )
    access = RichTextField(
        _("how to take part"),
        blank=True,
        editor="basic",
        help_text=_("Who can create an account on the e-learning platform and how."),
    )
    platform_url = models.URLField(
        _("e-learning platform"),
        blank=True,
        help_text=_("Address where learners create an account; a translation can use another address."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("modules"),
        MultiFieldPanel(
            [FieldPanel("validation"), FieldPanel("access"), FieldPanel("platform_url")],
            heading=_("Validation and access"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("modules"),
        index.SearchField("validation"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("platform_url"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    # How the competence framework shows this page next to a competence (guide.gathering).
    linked_group_order = 10
    linked_group_label = _("Training module")

    class Meta:
        verbose_name = _("training programme page")
        verbose_name_plural = _("training programme pages")

    def reference_parts(self, content_paths: list[str], target) -> list[ReferencePart]:
        """The modules that train competence `target`, from the reference index's content paths.

        A path is "modules.<block id>.competence". Reads the raw stream: no SQL query.
        """
        block_ids = {path.split(".")[1] for path in content_paths if path.startswith("modules.")}
        parts = []
        for child in self.modules.raw_data:
            if child.get("id") not in block_ids:
                continue
            value = child.get("value") or {}
            letter = module_letter(target.number)
            title = value.get("title") or target.title
            parts.append(
                ReferencePart(
                    label=_("Module %(letter)s: %(title)s") % {"letter": letter, "title": title},
                    fragment=module_anchor(child["id"]),
                    external_url=value.get("elearning_url") or "",
                )
            )
        return parts
