"""Toolkit for `manage.py load_content`: idempotent creation of the shipped content.

Every object the loader creates gets a stable identity: its `translation_key`
is a UUID5 of a short key ("home-page", "partner-llp"), so a second run finds
it again in any database. The loader only ever creates what is missing; an
object that exists is left as it is, and when an editor has changed it since,
the report says so.

Shipped translations are PO files, `<app>/content/locale/<lang>/<key>.po`,
imported through wagtail-localize's own objects (TranslationSource,
Translation.import_po, save_target): the path a translator's upload takes.
`manage.py export_content_po` writes those files from the English content,
keeping the translations already in them.
"""

import contextvars
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import polib
from django.conf import settings
from django.db import transaction
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, Translation, TranslationSource

# Never change: the translation keys of every shipped object derive from it.
# True while `load_content` runs: work that follows each publish (building PDFs) waits for its end.
LOADING_CONTENT = contextvars.ContextVar("loading_content", default=False)

NAMESPACE = uuid.UUID("5b0b6f0e-8f1c-4c1e-9d43-4b6565a1c0de")


def stable_uuid(key: str) -> uuid.UUID:
    """The UUID5 of `key` in the project's namespace; the same on every machine."""
    return uuid.uuid5(NAMESPACE, key)


def with_block_ids(block, value, seed: str):
    """Give every stream child and list item in raw StreamField data a stable id.

    wagtail-localize names each translatable string by its path of block ids
    (the PO file's msgctxt), so shipped PO files only match when the ids are
    the same on every install. `value` is the raw JSON-like data of `block`
    (a StreamBlock, ListBlock, StructBlock or a leaf block); ids derive from
    `seed` and the position. Returns the data with ids; leaves given ids alone.
    """
    if isinstance(block, StreamBlock):
        children = []
        for index, child in enumerate(value):
            child = dict(child)
            child_seed = f"{seed}/{index}"
            child.setdefault("id", str(stable_uuid(child_seed)))
            child["value"] = with_block_ids(block.child_blocks[child["type"]], child["value"], child_seed)
            children.append(child)
        return children
    if isinstance(block, ListBlock):
        items = []
        for index, item in enumerate(value):
            item_seed = f"{seed}/{index}"
            if not (isinstance(item, dict) and item.get("type") == "item" and "value" in item):
                item = {"type": "item", "value": item}
            item = dict(item)
            item.setdefault("id", str(stable_uuid(item_seed)))
            item["value"] = with_block_ids(block.child_block, item["value"], item_seed)
            items.append(item)
        return items
    if isinstance(block, StructBlock):
        return {
            name: with_block_ids(block.child_blocks[name], child_value, f"{seed}/{name}")
            if name in block.child_blocks
            else child_value
            for name, child_value in value.items()
        }
    return value


class ContentError(Exception):
    """Shipped content that cannot be loaded: a PO file missing strings, a missing parent."""


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"created: {label}" for label in self.created]
        out += [f"skipped: {label}" for label in self.skipped]
        out.append(
            f"{len(self.created)} created, {len(self.unchanged)} already present, "
            f"{len(self.skipped)} skipped because they were edited or do not match their PO file"
        )
        return out


class ContentLoader:
    """Creates pages, snippets and their shipped translations, idempotently.

    `mode` is "load" (create what is missing, import translations) or
    "export" (write each object's PO files from the current English content).
    """

    def __init__(self, mode: str = "load"):
        if mode not in {"load", "export"}:
            raise ValueError(f"mode must be 'load' or 'export', not {mode!r}")
        self.mode = mode
        self.report = Report()
        self.exported: list[Path] = []

    # --- Locales ---------------------------------------------------------------
    def ensure_locales(self) -> None:
        for code, _name in settings.LANGUAGES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.report.created.append(f"locale {code}")

    @property
    def default_locale(self) -> Locale:
        return Locale.get_default()

    def target_locales(self) -> list[Locale]:
        default = self.default_locale
        return list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))

    # --- Tree and site -----------------------------------------------------------
    def root_page(self) -> Page:
        """The tree's root, after removing Wagtail's default welcome page (and its site) if present."""
        root = Page.get_first_root_node()
        welcome = Page.objects.filter(
            depth=2, content_type__app_label="wagtailcore", content_type__model="page", numchild=0
        ).first()
        if welcome is not None and self.mode == "load":
            welcome.delete()  # Its Site row goes with it (Site.root_page cascades).
            self.report.created.append(f"removed Wagtail's welcome page “{welcome.title}”")
            root.refresh_from_db()
        return root

    def use_as_site_root(self, home: Page) -> Site:
        """Make `home` the root of the default site, creating the site from WAGTAILADMIN_BASE_URL if none exists."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            site = Site.objects.create(
                hostname=url.hostname or "localhost",
                port=url.port or (443 if url.scheme == "https" else 80),
                site_name=settings.WAGTAIL_SITE_NAME,
                root_page=home,
                is_default_site=True,
            )
            self.report.created.append(f"site {site.hostname}:{site.port}")
        elif site.root_page_id != home.pk:
            self.report.skipped.append(
                f"default site {site}: its root is page {site.root_page_id}, not the loaded home page; left alone"
            )
        return site

    # --- Lookups ---------------------------------------------------------------
    def get_page(self, key: str, locale: Locale | None = None) -> Page | None:
        """The page loaded under `key` in `locale` (default: English), specific, or None."""
        page = Page.objects.filter(translation_key=stable_uuid(key), locale=locale or self.default_locale).first()
        return page.specific if page else None

    def get_snippet(self, model, key: str, locale: Locale | None = None):
        return model.objects.filter(translation_key=stable_uuid(key), locale=locale or self.default_locale).first()

    # --- Creation --------------------------------------------------------------
    def page(self, key: str, parent: Page, model, **fields) -> Page:
        """The English page `key` under `parent`: created and published if missing, else left alone."""
        existing = self.get_page(key)
        label = f"{model._meta.verbose_name} “{fields.get('title', key)}” ({key})"
        if existing is not None:
            edited_by = existing.revisions.filter(user__isnull=False).order_by("-created_at").first()
            if edited_by is not None:
                self.report.skipped.append(
                    f"{label}: edited by {edited_by.user} on {edited_by.created_at:%Y-%m-%d %H:%M}; left alone"
                )
            else:
                self.report.unchanged.append(label)
            return existing
        if self.mode == "export":
            raise ContentError(f"{label} does not exist yet: run load_content before export_content_po")
        for name, value in list(fields.items()):
            model_field = model._meta.get_field(name)
            if isinstance(model_field, StreamField) and isinstance(value, list):
                fields[name] = with_block_ids(model_field.stream_block, value, f"{key}/{name}")
        page = model(translation_key=stable_uuid(key), locale=self.default_locale, **fields)
        with transaction.atomic():
            parent.add_child(instance=page)
            page.save_revision().publish()
        self.report.created.append(label)
        return page

    def snippet(self, key: str, model, **fields):
        """The English snippet `key`: created if missing; an edited one is left alone and reported."""
        existing = self.get_snippet(model, key)
        label = f"{model._meta.verbose_name} “{fields.get('name') or fields.get('title') or key}” ({key})"
        if existing is not None:
            changed = [name for name, value in fields.items() if _field_value(existing, name) != _plain(value)]
            if changed:
                self.report.skipped.append(f"{label}: edited since loading ({', '.join(changed)}); left alone")
            else:
                self.report.unchanged.append(label)
            return existing
        if self.mode == "export":
            raise ContentError(f"{label} does not exist yet: run load_content before export_content_po")
        obj = model(translation_key=stable_uuid(key), locale=self.default_locale, **fields)
        obj.full_clean()
        obj.save()
        self.report.created.append(label)
        return obj

    # --- Translations ----------------------------------------------------------
    def translate(self, obj, key: str, po_dir: Path) -> None:
        """Ship `obj`'s translations from `po_dir/<lang>/<key>.po` (load), or write those files (export)."""
        if self.mode == "export":
            self._export_po(obj, key, po_dir)
            return
        for locale in self.target_locales():
            path = po_dir / locale.language_code / f"{key}.po"
            label = f"{locale.language_code} translation of “{obj}” ({key})"
            if type(obj).objects.filter(translation_key=obj.translation_key, locale=locale).exists():
                self.report.unchanged.append(label)
                continue
            if not path.exists():
                self.report.skipped.append(f"{label}: no PO file at {path}")
                continue
            self._import_po(obj, locale, path, label)

    def _import_po(self, obj, locale: Locale, path: Path, label: str) -> None:
        source, _created = TranslationSource.get_or_create_from_instance(obj)
        with transaction.atomic():
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            translation.import_po(polib.pofile(str(path)), tool_name="load_content")
            missing = list(
                StringSegment.objects.filter(source=source)
                .annotate_translation(locale)
                .filter(translation__isnull=True)
                .values_list("context__path", flat=True)
            )
            if missing:
                # Publishing now would fill the gaps with English (save_target
                # falls back): leave this translation for a translator instead.
                transaction.set_rollback(True)
                self.report.skipped.append(
                    f"{label}: {path} lacks {len(missing)} string(s) of the current source "
                    f"({', '.join(missing[:5])}{'…' if len(missing) > 5 else ''})"
                )
                return
            translation.save_target(publish=True)
        self.report.created.append(label)

    def _export_po(self, obj, key: str, po_dir: Path) -> None:
        source, _created = TranslationSource.update_or_create_from_instance(obj)
        segments = list(
            StringSegment.objects.filter(source=source).order_by("order").select_related("context", "string")
        )
        for locale in self.target_locales():
            path = po_dir / locale.language_code / f"{key}.po"
            previous = {}
            if path.exists():
                previous = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(path)) if not e.obsolete}
            po = polib.POFile(wrapwidth=0)
            po.metadata = {
                "Project-Id-Version": "keepinpact-content",
                "Language": locale.language_code,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=utf-8",
                "Content-Transfer-Encoding": "8bit",
            }
            seen = set()
            for segment in segments:
                entry_key = (segment.context.path, segment.string.data)
                seen.add(entry_key)
                po.append(polib.POEntry(msgctxt=entry_key[0], msgid=entry_key[1], msgstr=previous.get(entry_key, "")))
            for (msgctxt, msgid), msgstr in previous.items():
                if (msgctxt, msgid) not in seen and msgstr:
                    po.append(polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr=msgstr, obsolete=True))
            path.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(path))
            self.exported.append(path)


def _field_value(obj, name):
    value = getattr(obj, name)
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "code"):  # django-countries Country
        return value.code
    return value


def _plain(value):
    return value.pk if hasattr(value, "pk") else value
