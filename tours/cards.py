"""The tour index page's cards: each live tour with its partner in the reader's language, a thumbnail, its rooms."""

import logging
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from home.models import Partner
from tours.models.scene import TourScenePage
from tours.models.tour import TourPage
from tours.panoramas import THUMBNAIL_SPEC, rendition_model

logger = logging.getLogger(__name__)


@dataclass
class TourCard:
    """A tour on the index page: the page, its partner in the active language, a thumbnail, its scene count."""

    page: TourPage
    partner: Partner | None
    thumbnail: object | None
    scene_count: int


def tour_cards(index_page, request) -> list[TourCard]:
    """The live tours under `index_page`, with thumbnails from their start scenes. Fixed SQL query count."""
    tours = list(TourPage.objects.child_of(index_page).live().public().order_by("path").select_related("partner"))
    if not tours:
        return []
    scene_filter = Q()
    for tour in tours:
        scene_filter |= Q(path__startswith=tour.path, depth=tour.depth + 1)
    scenes = list(
        TourScenePage.objects.live()
        .filter(scene_filter)
        .order_by("path")
        .select_related("panorama")
        .prefetch_related(
            Prefetch("panorama__renditions", queryset=rendition_model().objects.filter(filter_spec=THUMBNAIL_SPEC))
        )
    )
    # The start scene may be the source language's (see build_tour_view): match by id, then by key.
    start_ids = {tour.start_scene_id for tour in tours if tour.start_scene_id}
    start_keys = dict(TourScenePage.objects.filter(pk__in=start_ids).values_list("pk", "translation_key"))
    partner_keys = {tour.partner.translation_key for tour in tours if tour.partner is not None}
    partners = {
        partner.translation_key: partner
        for partner in Partner.objects.localized().filter(translation_key__in=partner_keys)
    }
    cards = []
    for tour in tours:
        own = [scene for scene in scenes if scene.path.startswith(tour.path)]
        start_key = start_keys.get(tour.start_scene_id)
        start = next((scene for scene in own if scene.translation_key == start_key), own[0] if own else None)
        thumbnail = None
        if start is not None and start.panorama is not None:
            try:
                thumbnail = start.panorama.get_rendition(THUMBNAIL_SPEC)
            except (OSError, ValueError, SyntaxError):
                logger.exception("Thumbnail of panorama %s cannot be rendered", start.panorama_id)
        partner = partners.get(tour.partner.translation_key, tour.partner) if tour.partner is not None else None
        cards.append(TourCard(page=tour, partner=partner, thumbnail=thumbnail, scene_count=len(own)))
    return cards
