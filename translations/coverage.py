"""Translation coverage: the state of every translatable page and snippet in every language.

One row per (source object in the default language, target locale). The
whole table is computed with a fixed number of SQL queries (about ten plus two
per translatable snippet model), whatever the number of pages: rows are built
in Python from grouped queries, then filtered and paginated.

States, in the order they are decided:
- `not_translated`: no translation in that language (an alias of the English
  page, which wagtail-localize makes for untranslated parents, counts as none);
- `out_of_date`: the source changed after its translations were last synced
  (the source page was published, or the snippet edited, after the
  TranslationSource was last updated): someone must sync before translating;
- `in_progress`: strings are missing (the percentage is translated strings /
  strings of the current source), the page is a draft, or strings were
  translated after the translation was last published;
- `published`: live, every string translated and published;
- `source_withdrawn` (decided first, for a translation that exists): the
  source page is not live any more, or was deleted (a translation whose
  TranslationSource outlived its page gets a row of its own, titled with the
  source's last synced title). The row says which, and whether the
  translation itself is still published (translations.cascade).

A row also counts the strings a machine translated that nobody has reviewed
(`machine`; the dashboard marks them and filters on them with `?review=machine`).

"Translate" is offered on a source that is not live only to users who work in
the source's language (translations.live_source).
"""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog, TranslationSource

from translations.roles import translatable_snippet_models

NOT_TRANSLATED = "not_translated"
OUT_OF_DATE = "out_of_date"
IN_PROGRESS = "in_progress"
PUBLISHED = "published"
SOURCE_WITHDRAWN = "source_withdrawn"
STATES = [
    (NOT_TRANSLATED, _("Not translated")),
    (IN_PROGRESS, _("In progress")),
    (OUT_OF_DATE, _("Out of date")),
    (PUBLISHED, _("Published")),
    (SOURCE_WITHDRAWN, _("Source unpublished or deleted")),
]
SNIPPETS_FAMILY = "snippets"


@dataclass
class CoverageRow:
    """One object in one target language."""

    family: str  # "pages:<app_label>" or "snippets"
    type_name: str  # verbose name of the model
    title: str
    locale: Locale
    state: str
    translated: int | None  # strings translated / total strings of the current source; None when unknown
    total: int | None
    source: "_Source"
    target_edit_route: tuple[str, list] | None  # the translation editor when wagtail-localize manages it
    translation_source_id: int | None
    can_sync: bool  # out of date, and the user works in every language a sync touches (the guard's rule)
    can_submit: bool = True  # the source is live, or the user works in its language (translations.live_source)
    target_live: bool = False
    machine: int = 0  # strings a machine translated that no human has reviewed yet (translations.machine_review)

    @property
    def source_note(self) -> str:
        """For a `source_withdrawn` row: what became of the source, and of this translation."""
        if self.state != SOURCE_WITHDRAWN:
            return ""
        if self.source.deleted:
            if self.target_live:
                return _("The source was deleted; this translation is still published.")
            return _("The source was deleted; this translation is not published.")
        if self.target_live:
            return _("The source is not published; this translation is still published.")
        return _("The source is not published; neither is this translation.")

    # URLs are reversed only for the rows of the page of results shown.
    @property
    def source_edit_url(self) -> str | None:
        if self.source.edit_route is None:
            return None
        name, args = self.source.edit_route
        return reverse(name, args=args)

    @property
    def target_edit_url(self) -> str | None:
        return reverse(self.target_edit_route[0], args=self.target_edit_route[1]) if self.target_edit_route else None

    @property
    def submit_url(self) -> str | None:
        """ "Translate" into this language, for rows not translated yet."""
        if self.target_edit_route is not None or self.source.submit_route is None or not self.can_submit:
            return None
        name, args = self.source.submit_route
        return f"{reverse(name, args=args)}?select_locale={self.locale.language_code}"

    @property
    def sync_url(self) -> str | None:
        if not self.can_sync:
            return None
        return reverse("wagtail_localize:update_translations", args=[self.translation_source_id])

    @property
    def percent(self) -> int | None:
        if not self.total or self.translated is None:
            return None if self.total is None else 100
        return int(100 * self.translated / self.total)

    @property
    def state_label(self) -> str:
        return dict(STATES)[self.state]


@dataclass
class _Source:
    """A source object: its key, title and where the admin edits and translates it."""

    translation_key: object
    title: str
    family: str
    type_name: str
    changed_at: datetime | None
    edit_route: tuple[str, list] | None  # (URL name, args) of the admin's edit view; None once deleted
    submit_route: tuple[str, list] | None  # (URL name, args) of "Translate"; None once deleted
    live: bool = True
    deleted: bool = False


def families() -> list[tuple[str, str]]:
    """(key, label) of the page families (one per app with page types) and the snippets."""
    page_apps = []
    seen = set()
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page and model._meta.app_label not in seen:
            seen.add(model._meta.app_label)
            page_apps.append(model._meta.app_config)
    choices = [(f"pages:{config.label}", str(config.verbose_name)) for config in page_apps]
    return choices + [(SNIPPETS_FAMILY, str(_("Snippets")))]


def _page_sources(default: Locale) -> list[_Source]:
    sources = []
    pages = (
        Page.objects.filter(locale=default, depth__gt=1, alias_of__isnull=True)
        .order_by("path")
        .values("id", "title", "translation_key", "content_type_id", "last_published_at", "live")
    )
    for page in pages:
        content_type = ContentType.objects.get_for_id(page["content_type_id"])
        model = content_type.model_class()
        sources.append(
            _Source(
                translation_key=page["translation_key"],
                title=page["title"],
                family=f"pages:{content_type.app_label}",
                type_name=str(model._meta.verbose_name) if model else content_type.model,
                changed_at=page["last_published_at"],
                edit_route=("wagtailadmin_pages:edit", [page["id"]]),
                submit_route=("wagtail_localize:submit_page_translation", [page["id"]]),
                live=page["live"],
            )
        )
    return sources


def _snippet_sources(default: Locale) -> tuple[list[_Source], dict[tuple, dict]]:
    """Sources of every translatable snippet model, and their targets by (translation_key, locale_id)."""
    sources, targets = [], {}
    models = translatable_snippet_models()
    content_types = ContentType.objects.get_for_models(*models) if models else {}
    edits = {
        (entry["content_type_id"], entry["object_id"]): entry["changed_at"]
        for entry in ModelLogEntry.objects.filter(
            content_type_id__in=[ct.pk for ct in content_types.values()], action="wagtail.edit"
        )
        .values("content_type_id", "object_id")
        .annotate(changed_at=Max("timestamp"))
    }
    for model in models:
        content_type = content_types[model]
        viewset = model.snippet_viewset
        for obj in model._default_manager.filter(locale=default):
            sources.append(
                _Source(
                    translation_key=obj.translation_key,
                    title=str(obj),
                    family=SNIPPETS_FAMILY,
                    type_name=str(model._meta.verbose_name),
                    changed_at=edits.get((content_type.pk, str(obj.pk))),
                    edit_route=(viewset.get_url_name("edit"), [quote(obj.pk)]),
                    submit_route=(
                        "wagtail_localize:submit_snippet_translation",
                        [model._meta.app_label, model._meta.model_name, quote(obj.pk)],
                    ),
                )
            )
        for target in model._default_manager.exclude(locale=default).values("pk", "translation_key", "locale_id"):
            targets[(target["translation_key"], target["locale_id"])] = {
                "live": True,
                "edit_route": (viewset.get_url_name("edit"), [quote(target["pk"])]),
            }
    return sources, targets


def coverage_rows(locales: list[Locale], user_locale_ids: frozenset[int] = frozenset()) -> list[CoverageRow]:
    """Every source page and snippet × each locale of `locales` (target languages), with its state.

    `user_locale_ids` decides which rows get a "Sync" link (a sync touches
    every language of the source). A fixed number of SQL queries.
    """
    default = Locale.get_default()
    locales = [locale for locale in locales if locale.pk != default.pk]
    locale_ids = [locale.pk for locale in locales]
    page_sources = _page_sources(default)
    snippet_sources, snippet_targets = _snippet_sources(default)

    page_targets = {
        (page["translation_key"], page["locale_id"]): {
            "live": page["live"],
            "edit_route": ("wagtailadmin_pages:edit", [page["id"]]),
            "title": page["title"],
            "content_type_id": page["content_type_id"],
        }
        for page in Page.objects.filter(locale_id__in=locale_ids, alias_of__isnull=True, depth__gt=1)
        .filter(
            # Translations of a page in the default language, and of one deleted since: wagtail-localize
            # then erases the translation data (unless WAGTAILLOCALIZE_DISABLE_ON_DELETE), but Wagtail's
            # history still says the page was made as a translation.
            Q(translation_key__in=Page.objects.filter(locale=default, depth__gt=1).values("translation_key"))
            | Q(translation_key__in=TranslationSource.objects.filter(locale=default).values("object_id"))
            | Q(pk__in=PageLogEntry.objects.filter(action="wagtail.copy_for_translation").values("page_id"))
        )
        .values("id", "translation_key", "locale_id", "live", "title", "content_type_id")
    }

    translation_sources = {
        source["object_id"]: source
        for source in TranslationSource.objects.filter(locale=default).values(
            "id", "object_id", "last_updated_at", "object_repr", "specific_content_type_id"
        )
    }
    deleted_page_sources, deleted_snippet_sources = _deleted_sources(
        translation_sources, page_targets, {source.translation_key for source in [*page_sources, *snippet_sources]}
    )
    translations = {
        (translation["source_id"], translation["target_locale_id"]): translation
        for translation in Translation.objects.filter(source__locale=default, target_locale_id__in=locale_ids).values(
            "source_id", "target_locale_id", "enabled"
        )
    }
    enabled_targets: dict[int, set[int]] = {}
    for translation in Translation.objects.filter(source__locale=default, enabled=True).values(
        "source_id", "target_locale_id"
    ):
        enabled_targets.setdefault(translation["source_id"], set()).add(translation["target_locale_id"])
    totals = {
        row["source_id"]: row["total"]
        for row in StringSegment.objects.filter(source__locale=default).values("source_id").annotate(total=Count("id"))
    }
    translated = {
        (row["source_id"], row["locale_id"]): row["done"]
        for row in StringTranslation.objects.filter(
            has_error=False,
            locale_id__in=locale_ids,
            translation_of__segments__source__locale=default,
            translation_of__segments__context_id=F("context_id"),
        )
        .values("locale_id", source_id=F("translation_of__segments__source_id"))
        .annotate(done=Count("id", distinct=True))
    }
    machine = {
        (row["source_id"], row["locale_id"]): row["count"]
        for row in StringTranslation.objects.filter(
            locale_id__in=locale_ids,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            translation_of__segments__source__locale=default,
            translation_of__segments__context_id=F("context_id"),
        )
        .values("locale_id", source_id=F("translation_of__segments__source_id"))
        .annotate(count=Count("id", distinct=True))
    }
    last_saved = {
        (row["source_id"], row["locale_id"]): row["saved_at"]
        for row in TranslationLog.objects.filter(source__locale=default, locale_id__in=locale_ids)
        .values("source_id", "locale_id")
        .annotate(saved_at=Max("created_at"))
    }
    last_translated = {
        (row["object_id"], row["locale_id"]): row["updated_at"]
        for row in StringTranslation.objects.filter(locale_id__in=locale_ids)
        .values("locale_id", object_id=F("context__object_id"))
        .annotate(updated_at=Max("updated_at"))
    }

    rows = []
    for sources, targets in (
        ([*page_sources, *deleted_page_sources], page_targets),
        ([*snippet_sources, *deleted_snippet_sources], snippet_targets),
    ):
        for source in sources:
            translation_source = translation_sources.get(source.translation_key)
            source_id = translation_source["id"] if translation_source else None
            sync_locales = frozenset({default.pk, *enabled_targets.get(source_id, set())})
            for locale in locales:
                target = targets.get((source.translation_key, locale.pk))
                translation = translations.get((source_id, locale.pk))
                managed = translation is not None and translation["enabled"]
                done = translated.get((source_id, locale.pk), 0) if managed else None
                total = totals.get(source_id, 0) if managed else None
                if target is None and source.deleted:
                    continue
                if target is None:
                    state = NOT_TRANSLATED
                elif not source.live:
                    state = SOURCE_WITHDRAWN
                elif (
                    managed
                    and source.changed_at is not None
                    and source.changed_at > translation_source["last_updated_at"]
                ):
                    state = OUT_OF_DATE
                elif not target["live"]:
                    state = IN_PROGRESS
                elif managed and done < total:
                    state = IN_PROGRESS
                elif managed and _newer(
                    last_translated.get((source.translation_key, locale.pk)), last_saved.get((source_id, locale.pk))
                ):
                    state = IN_PROGRESS
                else:
                    state = PUBLISHED
                rows.append(
                    CoverageRow(
                        family=source.family,
                        type_name=source.type_name,
                        title=source.title,
                        locale=locale,
                        state=state,
                        translated=done,
                        total=total,
                        source=source,
                        target_edit_route=target["edit_route"] if target else None,
                        translation_source_id=source_id,
                        can_sync=state == OUT_OF_DATE and sync_locales <= user_locale_ids,
                        can_submit=source.live or default.pk in user_locale_ids,
                        target_live=bool(target and target["live"]),
                        machine=machine.get((source_id, locale.pk), 0) if managed else 0,
                    )
                )
    return rows


def _deleted_sources(
    translation_sources: dict, page_targets: dict, existing_keys: set
) -> tuple[list[_Source], list[_Source]]:
    """Sources (page ones, snippet ones) whose object no longer exists in the default language.

    A page's is known from its translations (`page_targets`); a snippet's only
    while its TranslationSource remains (wagtail-localize erases it with the
    source unless WAGTAILLOCALIZE_DISABLE_ON_DELETE is set, and Wagtail keeps
    no history of a snippet being a translation).
    """
    pages: dict = {}
    for (key, _locale_id), target in page_targets.items():
        if key in existing_keys or key in pages:
            continue
        model = ContentType.objects.get_for_id(target["content_type_id"]).model_class()
        source = translation_sources.get(key)
        pages[key] = _deleted_source(key, source["object_repr"] if source else target["title"], model)
    snippets = []
    for key, source in translation_sources.items():
        if key in existing_keys:
            continue
        model = ContentType.objects.get_for_id(source["specific_content_type_id"]).model_class()
        if model is not None and not issubclass(model, Page):
            snippets.append(_deleted_source(key, source["object_repr"], model))
    return [source for source in pages.values() if source is not None], snippets


def _deleted_source(key, title: str, model) -> "_Source | None":
    if model is None:
        return None
    return _Source(
        translation_key=key,
        title=title,
        family=f"pages:{model._meta.app_label}" if issubclass(model, Page) else SNIPPETS_FAMILY,
        type_name=str(model._meta.verbose_name),
        changed_at=None,
        edit_route=None,
        submit_route=None,
        live=False,
        deleted=True,
    )


def _newer(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and (b is None or a > b)


def summary(rows: list[CoverageRow], locales: list[Locale]) -> list[dict]:
    """Counts per language and state: [{"locale": Locale, "counts": {state: n}, "total": n}, ...]."""
    table = []
    for locale in locales:
        counts = {state: 0 for state, _label in STATES}
        for row in rows:
            if row.locale.pk == locale.pk:
                counts[row.state] += 1
        table.append({"locale": locale, "counts": counts, "total": sum(counts.values())})
    return table
