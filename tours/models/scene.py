"""TourScenePage: one room of a tour, a panorama with hotspots."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage
from tours.blocks import HotspotStreamBlock
from tours.models.common import (
    CoordinateInput,
    TourAdminPageForm,
    is_synced_translation,
    parent_for_validation,
    parent_path,
)
from tours.panels import BrokenSceneLinksPanel
from tours.panoramas import image_errors, shape_errors
from tours.viewer import build_tour_view


class TourScenePage(BasePage):
    """A room: an equirectangular panorama, its initial view and its hotspots.

    Angles are in degrees, as Pannellum takes them: yaw −180…180 (0 is the
    panorama's middle, positive to the right), pitch −90…90 (0 is the horizon),
    horizontal field of view 30…120, north offset 0…360 (the compass bearing
    of the panorama's middle). Angles and the panorama are synchronised across
    languages; the description and the hotspots' texts are translated.
    """

    panorama = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("panorama"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A 360° equirectangular photo, twice as wide as it is high, at least 2048 px wide "
            "(4096 or 8192 px is best). Visitors' phones get a 4096 px version; desktops up to 8192 px."
        ),
    )
    description = RichTextField(
        _("description of the room"),
        editor="no-links",
        help_text=_(
            "What the room looks like and what happens there, for people who cannot see the panorama. "
            "Shown under the viewer and read by screen readers."
        ),
    )
    initial_yaw = models.FloatField(
        _("initial yaw (°)"),
        default=0,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Where the view starts, horizontally: −180 to 180 degrees, 0 is the panorama's middle."),
    )
    initial_pitch = models.FloatField(
        _("initial pitch (°)"),
        default=0,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Where the view starts, vertically: −90 (down) to 90 (up) degrees, 0 is the horizon."),
    )
    field_of_view = models.FloatField(
        _("field of view (°)"),
        default=100,
        validators=[MinValueValidator(30), MaxValueValidator(120)],
        help_text=_("How wide the starting view is, 30 (zoomed in) to 120 (wide) degrees."),
    )
    north_offset = models.FloatField(
        _("north offset (°)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(360)],
        help_text=_(
            "The compass bearing of the panorama's middle, 0 to 360 degrees (0 north, 90 east). "
            "Turns the viewer's compass."
        ),
    )
    hotspots = StreamField(
        HotspotStreamBlock(),
        verbose_name=_("hotspots"),
        blank=True,
        help_text=_(
            "Arrows to other rooms, information points and media, placed by yaw and pitch. "
            "Click the panorama in the preview to read the yaw and pitch of a point."
        ),
    )

    base_form_class = TourAdminPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("panorama"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("initial_yaw", widget=CoordinateInput),
                        FieldPanel("initial_pitch", widget=CoordinateInput),
                        FieldPanel("field_of_view", widget=CoordinateInput),
                    ]
                ),
                FieldPanel("north_offset", widget=CoordinateInput),
            ],
            heading=_("Initial view"),
        ),
        BrokenSceneLinksPanel(heading=_("Links to rooms visitors cannot reach")),
        FieldPanel("hotspots"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("description"), index.SearchField("hotspots")]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("panorama", overridable=False),
        SynchronizedField("initial_yaw", overridable=False),
        SynchronizedField("initial_pitch", overridable=False),
        SynchronizedField("field_of_view", overridable=False),
        SynchronizedField("north_offset", overridable=False),
    ]

    parent_page_types = ["tours.TourPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tour scene")
        verbose_name_plural = _("tour scenes")

    def clean(self):
        super().clean()
        if is_synced_translation(self):
            return
        errors = {}
        if self.panorama_id:
            problems = image_errors(self.panorama)
            if problems:
                errors["panorama"] = problems
                # Read by TourAdminPageForm: a file that cannot be decoded cannot be shown either.
                self._panorama_undecodable = not shape_errors(self.panorama.width, self.panorama.height)
        hotspot_errors = self.scene_link_errors()
        if hotspot_errors is not None:
            errors["hotspots"] = hotspot_errors
        if errors:
            raise ValidationError(errors)

    def scene_link_errors(self) -> StreamBlockValidationError | None:
        """Scene links to this scene itself or to a scene of another tour, as errors on their blocks."""
        parent = parent_for_validation(self)
        block_errors = {}
        for position, block in enumerate(self.hotspots):
            if block.block_type != "scene_link" or block.value.get("target") is None:
                continue
            target = block.value["target"]
            if self.pk and target.pk == self.pk:
                message = _("A room cannot link to itself: choose another room of this tour.")
            elif parent is not None and parent_path(target) != parent.path:
                message = _("“%(room)s” belongs to another tour: choose a room of this tour.") % {"room": target.title}
            else:
                continue
            block_errors[position] = StructBlockValidationError(block_errors={"target": ValidationError(message)})
        return StreamBlockValidationError(block_errors=block_errors) if block_errors else None

    def scene_link_problems(self) -> list[tuple[str, str]]:
        """Scene links visitors cannot follow, for the admin: [(hotspot label or position, problem)].

        A target deleted since, unpublished, or moved out of this tour; the
        public page leaves such links out. Reads the stored ids, so a deleted
        target is still seen. Two SQL queries.
        """
        raw = [item for item in self.hotspots.raw_data if item.get("type") == "scene_link"]
        ids = [item["value"].get("target") for item in raw if item["value"].get("target")]
        targets = {page.pk: page for page in Page.objects.filter(pk__in=ids).only("id", "title", "live", "path")}
        parent = parent_for_validation(self)
        problems = []
        for position, item in enumerate(raw, start=1):
            label = item["value"].get("label") or _("Room link %(number)s") % {"number": position}
            target_id = item["value"].get("target")
            target = targets.get(target_id)
            if target_id and target is None:
                problems.append((label, _("its room was deleted; choose another room or remove the link")))
            elif target is not None and not target.live:
                problems.append(
                    (label, _("“%(room)s” is not published; visitors see the link once it is") % {"room": target.title})
                )
            elif target is not None and parent is not None and parent_path(target) != parent.path:
                problems.append((label, _("“%(room)s” is not in this tour any more") % {"room": target.title}))
        return problems

    def get_tour(self):
        """The TourPage this scene belongs to (specific), or None outside a tour."""
        parent = self.get_parent()
        return parent.specific if parent is not None else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tour = self.get_tour()
        context["tour"] = tour
        # Lazy: not built when the content comes from its fragment (home.templatetags.fragment_tags).
        context["tour_view"] = SimpleLazyObject(
            lambda: build_tour_view(tour, request, current=self, preview=getattr(request, "is_preview", False))
        )
        return context
