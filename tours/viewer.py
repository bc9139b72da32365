"""What a tour's pages show: its scenes, their hotspots and the viewer's configuration, per language.

A tour page and each of its scene pages show the whole tour (so moving from
room to room needs no page load), opened at one scene. Everything is read in
a fixed number of SQL queries, whatever the number of scenes and hotspots:
the scenes with their panoramas and renditions, then every hotspot of every
scene converted in bulk (one query per kind of chosen object), the rich text
expanded in one batch, and the scenes' translations in one query.

Scene links are stored as page ids; a translated scene keeps the source
language's id (wagtail-localize leaves page choosers as they are), so links
are mapped here, by translation key, to the live scene of the same tour in
the page's language. Links to a scene that is not live there, not in this
tour, or deleted, are left out.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue
from wagtail.models import Page

from home.reachable import reachable
from tours.choices import HotspotKind
from tours.panoramas import (
    ALL_RENDITION_SPECS,
    PHONE_MAX_WIDTH,
    PanoramaRendition,
    panorama_renditions,
    rendition_model,
)
from tours.richtext import expand_all

logger = logging.getLogger(__name__)

#: Rendition of an information hotspot's image (see information_block.html).
INFO_IMAGE_SPEC = "max-800x600"
#: Auto-rotation speed in degrees per second (negative: to the left); off
#: when the visitor prefers reduced motion (tours.js).
AUTO_ROTATE_SPEED = -2
#: Seconds without interaction before auto-rotation starts again.
AUTO_ROTATE_DELAY = 20


@dataclass
class SceneView:
    """One scene as shown: `key` is its id in the viewer configuration ("s" + page id)."""

    page: Page  # a TourScenePage
    key: str
    url: str
    renditions: list[PanoramaRendition]
    hotspots: list = field(default_factory=list)  # the stream's bound blocks visitors can use
    alternates: dict[str, str] = field(default_factory=dict)  # language code -> URL

    @property
    def fallback_rendition(self) -> PanoramaRendition | None:
        """The panorama shown without JavaScript: the narrowest rendition (≤ 2048 px)."""
        return self.renditions[0] if self.renditions else None

    @property
    def srcset(self) -> str:
        return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in self.renditions)

    def document_title(self, tour: Page) -> str:
        return f"{self.page.title} · {tour.title} | {settings.WAGTAIL_SITE_NAME}"


@dataclass
class TourView:
    """A tour opened at `current`; `scenes` in tree order."""

    tour: Page  # a TourPage
    scenes: list[SceneView]
    current: SceneView | None
    preview: bool = False

    def config(self) -> dict:
        """The viewer's configuration, ready for `json_script`; read by tours/static/tours/tours.js.

        Angles in degrees; `panoramas` lists the renditions narrowest first,
        the browser picks one (at most `phoneMaxWidth` px on phones).
        """
        return {
            "firstScene": self.current.key if self.current else None,
            "tourTitle": self.tour.title,
            "phoneMaxWidth": PHONE_MAX_WIDTH,
            "autoRotate": AUTO_ROTATE_SPEED,
            "autoRotateInactivityDelay": AUTO_ROTATE_DELAY * 1000,
            "preview": self.preview,
            "strings": viewer_strings(),
            "editorStrings": editor_strings() if self.preview else None,
            "scenes": {scene.key: self.scene_config(scene) for scene in self.scenes},
        }

    def scene_config(self, scene: SceneView) -> dict:
        page = scene.page
        return {
            "title": page.title,
            "documentTitle": scene.document_title(self.tour),
            "url": scene.url,
            "yaw": page.initial_yaw,
            "pitch": page.initial_pitch,
            "hfov": page.field_of_view,
            "northOffset": page.north_offset,
            "panoramas": [{"width": r.width, "height": r.height, "url": r.url} for r in scene.renditions],
            "alternates": scene.alternates,
            "hotSpots": [hotspot_config(block, page.pk) for block in scene.hotspots],
        }


def hotspot_config(block, scene_pk: int) -> dict:
    """One hotspot for the viewer: id ("<scene id>-<block id>", as in the page's list), kind, yaw, pitch, text."""
    value = block.value
    data = {"id": f"{scene_pk}-{block.id}", "kind": "", "yaw": value["yaw"], "pitch": value["pitch"]}
    if block.block_type == "scene_link":
        data.update(kind=HotspotKind.SCENE.value, text=value.text(), sceneId=scene_key(value.scene))
    elif block.block_type == "information":
        data.update(kind=HotspotKind.INFORMATION.value, text=value["title"])
    else:
        data.update(kind=HotspotKind.MEDIA.value, text=value["title"])
    return data


def viewer_strings() -> dict[str, str]:
    """The viewer's interface strings in the active language (Pannellum's own, then ours).

    `%s` marks where Pannellum inserts a value; Pannellum escapes the strings.
    """
    return {
        "loadButtonLabel": _("Click to load the panorama"),
        "loadingLabel": _("Loading…"),
        "bylineLabel": _("by %s"),
        "noPanoramaError": _("This room has no panorama yet. Its description and hotspots are listed below."),
        "fileAccessError": _("The panorama %s could not be loaded."),
        "malformedURLError": _("The panorama's address is wrong."),
        "iOS8WebGLError": _("This device cannot show this panorama."),
        "genericWebGLError": _(
            "Your browser cannot show 360° panoramas (it lacks WebGL). "
            "The room's description and hotspots are listed below."
        ),
        "textureSizeError": _(
            "This panorama is too big for your device: it is %spx wide, your device shows at most %spx."
        ),
        "unknownError": _("The panorama could not be shown."),
        "zoomIn": _("Zoom in"),
        "zoomOut": _("Zoom out"),
        "fullscreen": _("Full screen"),
        "nowShowing": _("Now showing: %s"),
        "pauseRotation": _("Pause rotation"),
        "startRotation": _("Rotate the view"),
    }


def editor_strings() -> dict[str, str]:
    """The preview's hotspot-placement aid (tours-editor.js), in the active language."""
    return {
        "heading": _("Placing hotspots (preview only)"),
        "help": _(
            "Click a point of the panorama to read its yaw and pitch, then copy them into a hotspot. "
            "“Use the centre of the view” gives the view's yaw, pitch and field of view, for the initial view."
        ),
        "yaw": _("Yaw (°)"),
        "pitch": _("Pitch (°)"),
        "fieldOfView": _("Field of view (°)"),
        "copy": _("Copy yaw and pitch"),
        "copied": _("Copied: %s"),
        "centre": _("Use the centre of the view"),
        "marker": _("Yaw %(yaw)s°, pitch %(pitch)s°"),
    }


def scene_key(page) -> str | None:
    return f"s{page.pk}" if page is not None else None


def scene_queryset(tour, preview: bool = False):
    """The tour's scenes in tree order, with panoramas and their renditions (3 SQL queries with .public())."""
    return (
        tour.scenes(preview=preview)
        .select_related("panorama")
        .prefetch_related(
            Prefetch(
                "panorama__renditions", queryset=rendition_model().objects.filter(filter_spec__in=ALL_RENDITION_SPECS)
            )
        )
    )


def hydrate_hotspots(scenes: list) -> None:
    """Convert the hotspots of all `scenes` at once: one bulk query per chosen model, not per scene.

    Replaces each scene's lazy StreamValue with a converted one (same block
    ids); blocks of a type the code no longer knows are dropped.
    """
    if not scenes:
        return
    stream_block = scenes[0].hotspots.stream_block
    raw_by_type = defaultdict(list)
    layouts = []
    for scene in scenes:
        layout = []
        for item in scene.hotspots.raw_data:
            type_name = item.get("type")
            if type_name in stream_block.child_blocks:
                layout.append((type_name, item.get("id")))
                raw_by_type[type_name].append(item.get("value"))
        layouts.append(layout)
    known = {scene.pk: scene for scene in scenes}
    converted = {
        type_name: iter(
            scene_links_to_python(stream_block.child_blocks[type_name], values, known)
            if type_name == "scene_link"
            else stream_block.child_blocks[type_name].bulk_to_python(values)
        )
        for type_name, values in raw_by_type.items()
    }
    for scene, layout in zip(scenes, layouts, strict=True):
        scene.hotspots = StreamValue(
            stream_block, [(type_name, next(converted[type_name]), block_id) for type_name, block_id in layout]
        )


def scene_links_to_python(block, values: list[dict], known: dict) -> list:
    """`block.bulk_to_python(values)` for scene links, taking each target from `known` ({pk: scene}) when it is there.

    A link almost always leads to a room of the same tour, which the tour view has
    loaded already; only targets outside it cost a query (one for all of them).
    """
    targets = [value.get("target") for value in values]
    # Without its "target" key a value takes the block's default (None) without a query; set just below.
    links = block.bulk_to_python([{name: raw for name, raw in value.items() if name != "target"} for value in values])
    unknown = list(dict.fromkeys(target for target in targets if target is not None and target not in known))
    fetched = dict(zip(unknown, block.child_blocks["target"].bulk_to_python(unknown), strict=True)) if unknown else {}
    for link, target in zip(links, targets, strict=True):
        link["target"] = None if target is None else known.get(target) or fetched.get(target)
    return links


def prepare_hotspot_content(scenes: list) -> None:
    """Prefetch the information images' renditions and expand all rich text in one batch."""
    images, rich_texts = [], []
    for scene in scenes:
        for block in scene.hotspots:
            if block.block_type == "information":
                if block.value.get("image") is not None:
                    images.append(block.value["image"])
                rich_texts.append((block.value, "text"))
            elif block.block_type == "media":
                rich_texts.append((block.value, "transcript"))
    if images:
        prefetch_related_objects(
            images, Prefetch("renditions", queryset=rendition_model().objects.filter(filter_spec=INFO_IMAGE_SPEC))
        )
    expanded = expand_all([value.get(name) or None for value, name in rich_texts])
    for (value, name), html in zip(rich_texts, expanded, strict=True):
        if html is not None:
            value[name] = html


def translations_by_key(pages: list[Page]) -> dict:
    """{translation_key: {language code: page}} of the reachable translations of `pages` (home.reachable).

    Two SQL queries.
    """
    keys = [page.translation_key for page in pages]
    result = defaultdict(dict)
    for page in reachable(Page.objects.filter(translation_key__in=keys)).select_related("locale"):
        result[page.translation_key][page.locale.language_code] = page
    return result


def safe_renditions(scene) -> list[PanoramaRendition]:
    """The scene's panorama renditions; none when it has no panorama or its file cannot be decoded."""
    if scene.panorama is None:
        return []
    try:
        return panorama_renditions(scene.panorama)
    except (OSError, ValueError, SyntaxError):
        # A file broken after it was checked (storage damage): show the room
        # without its panorama rather than fail the whole tour.
        logger.exception("Panorama %s of scene %s cannot be rendered", scene.panorama_id, scene.pk)
        return []


def build_tour_view(tour, request, current=None, preview: bool = False) -> TourView:
    """The TourPage `tour` in the active language, opened at the TourScenePage `current` (default: its start scene).

    In a preview, draft scenes are included and `current` (the unsaved page
    being previewed) replaces its stored version. Query count is fixed (about
    ten after the renditions exist), whatever the number of scenes and hotspots.
    """
    pages = list(scene_queryset(tour, preview=preview))
    if preview and current is not None:
        if any(page.pk == current.pk for page in pages):
            pages = [current if page.pk == current.pk else page for page in pages]
        else:
            pages = sorted([*pages, current], key=lambda page: page.path or "")
    hydrate_hotspots(pages)
    prepare_hotspot_content(pages)

    by_translation_key = {page.translation_key: page for page in pages}
    for page in pages:
        for block in page.hotspots:
            if block.block_type == "scene_link":
                target = block.value.get("target")
                localized = by_translation_key.get(target.translation_key) if target is not None else None
                block.value.scene = localized if localized is not None and localized.pk != page.pk else None

    translations = translations_by_key([tour, *pages])
    scenes = []
    for page in pages:
        alternates = {
            code: translated.get_url(request) for code, translated in translations.get(page.translation_key, {}).items()
        }
        scenes.append(
            SceneView(
                page=page,
                key=scene_key(page),
                url=page.get_url(request) or "",
                renditions=safe_renditions(page),
                hotspots=[
                    block
                    for block in page.hotspots
                    if block.block_type != "scene_link" or block.value.scene is not None
                ],
                alternates=alternates,
            )
        )

    start = current
    if start is None and tour.start_scene_id is not None:
        start_key = next((p.translation_key for p in pages if p.pk == tour.start_scene_id), None)
        if start_key is None:
            # A translated tour keeps the source language's start scene: find it by key.
            start_key = tour.start_scene_key()
        start = by_translation_key.get(start_key)
    by_pk = {scene.page.pk: scene for scene in scenes}
    current_view = by_pk.get(start.pk) if start is not None else None
    if current_view is None and start is not None and preview:
        current_view = next((scene for scene in scenes if scene.page is start), None)
    if current_view is None and scenes:
        current_view = scenes[0]
    return TourView(tour=tour, scenes=scenes, current=current_view, preview=preview)
