"""Everything on the site that links to an object (a competence), found through Wagtail's reference index.

Wagtail records every outbound reference of every page in
`wagtail.models.ReferenceIndex` when the page is saved: foreign keys, chooser
blocks anywhere in a StreamField (SnippetChooserBlock, PageChooserBlock, also
inside StructBlocks and ListBlocks), rich-text links, and foreign keys of
InlinePanel children (recorded under the page, with a content path such as
`competence_links.<child id>.competence`). It does not record many-to-many
fields (ParentalManyToManyField; wagtail/wagtail#9629), so a page type that
links competences that way will not appear here. A page's row is its live
version (drafts do not change it).

So this module does not need to know the page types that link a competence:
chapters, case studies and event pages appear as their apps land, grouped by
page type. A page type can say more about where it links the object by
defining `reference_parts(content_paths, target) -> list[ReferencePart]` (see
TrainingProgrammePage: the module that trains the competence). Such a method
must not query the database (read the StreamField's `raw_data`), so the whole
view keeps a fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.text import capfirst
from wagtail.models import Locale, Page, ReferenceIndex


@dataclass(frozen=True)
class ReferencePart:
    """A part of a page that links the object: a label and the URL fragment that leads to it ("#module-…")."""

    label: str
    fragment: str = ""
    description: str = ""
    external_url: str = ""


@dataclass
class LinkedPage:
    """A live, public page in the reader's language that links the object, and where in it."""

    page: Page
    content_paths: list[str]
    parts: list[ReferencePart] = field(default_factory=list)


@dataclass
class LinkedGroup:
    """The linking pages of one page type, in tree order."""

    model: type
    label: str
    pages: list[LinkedPage]

    @property
    def key(self) -> str:
        """A stable identifier for the group, e.g. "guide-guidechapterpage" (for HTML ids)."""
        return f"{self.model._meta.app_label}-{self.model._meta.model_name}"


def pages_linking_to(obj, locale: Locale | None = None) -> list[LinkedGroup]:
    """Live, public pages in `locale` (default: the active one) that link `obj`, grouped by page type.

    `obj` is a translatable model instance (a snippet such as a Competence); a
    reference to any of its translations counts, since a French page links the
    French competence and an English page the English one. Groups come in the
    order of the page type's `linked_group_order` (default 100), then by label;
    pages within a group in tree order. A page type's `linked_group_label`
    (default: its plural verbose name) names its group.

    SQL queries: three, plus one per page type found, whatever the number of
    linking pages (references; pages; view restrictions for `public()`; specific pages).
    """
    locale = locale or Locale.get_active()
    model = type(obj)
    translations = (
        model._default_manager.filter(translation_key=obj.translation_key)
        .annotate(pk_text=Cast("pk", output_field=CharField()))
        .values("pk_text")
    )
    references = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(model),
        to_object_id__in=translations,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", "content_path")
    paths_by_page = defaultdict(list)
    for object_id, content_path in references:
        paths_by_page[int(object_id)].append(content_path)
    if not paths_by_page:
        return []

    pages = Page.objects.filter(pk__in=list(paths_by_page), locale=locale).live().public().order_by("path").specific()
    groups: dict[type, LinkedGroup] = {}
    for page in pages:
        page_model = type(page)
        group = groups.get(page_model)
        if group is None:
            label = getattr(page_model, "linked_group_label", None) or page_model._meta.verbose_name_plural
            group = groups[page_model] = LinkedGroup(model=page_model, label=capfirst(str(label)), pages=[])
        paths = sorted(paths_by_page[page.pk])
        linked = LinkedPage(page=page, content_paths=paths)
        if hasattr(page, "reference_parts"):
            linked.parts = page.reference_parts(paths, obj)
        group.pages.append(linked)
    return sorted(groups.values(), key=lambda group: (getattr(group.model, "linked_group_order", 100), group.label))
