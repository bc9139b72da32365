"""Every admin URL, classified: how the language it touches is decided, or why it touches none.

Translators (users who do not work in every language, `translations.languages`)
reach an admin view only when its URL name is classified here:
- `Guarded(rule)`: the language guard (`translations.guards`) works out the
  languages with `rule` (`translations.locale_rules`) before the view runs and
  answers 403 when one is not the user's;
- `Delegated(how)`: Wagtail itself confines the view to the user's languages,
  through an extension point the project uses or the per-tree page
  permissions (the reason says which); the guard lets it through;
- `NotLocaleSpecific(reason)`: the view reads or writes nothing that belongs
  to a language (static files, the user's own account, images and documents,
  which every language shares).
An admin URL that is in none of these is refused to translators: a library
upgrade that adds a view is closed until someone classifies it, and
tests/translations/test_url_surface.py fails on every unclassified pattern.
"""

from dataclasses import dataclass

from wagtail.models import TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from translations import locale_rules as r


@dataclass(frozen=True)
class Guarded:
    rule: r.Rule
    # Without `?locale=`, send a translator to the same URL in their own language instead of refusing it.
    default_to_user_language: bool = False

    @property
    def how(self) -> str:
        return (self.rule.__doc__ or "").strip().splitlines()[0]


@dataclass(frozen=True)
class Delegated:
    how: str


@dataclass(frozen=True)
class NotLocaleSpecific:
    reason: str


Classification = Guarded | Delegated | NotLocaleSpecific

EXPLORABLE = "Wagtail lists only the user's explorable pages (page permissions are rooted per language tree)"
CHOOSER_HOOK = "construct_page_chooser_queryset hook: the user's languages and the source language only"
SITE_WIDE = Guarded(r.all_locales)  # settings of the whole site: only users who work in every language

SITE_WIDE_NAMESPACES = {
    # Each applies to every language at once.
    "wagtailadmin_collections",
    "operations",  # sign-in lockouts (superusers only)
    "wagtailadmin_workflows",
    "wagtailadmin_reports",
    "wagtailredirects",
    "wagtailsettings",
    "wagtaillocales",
    "wagtailsites",
    "wagtailusers_users",
    "wagtailusers_groups",
    # publications: the generated PDFs of every language (read-only; failures are also on the dashboard).
    "generated_pdfs",
}

SHARED_MEDIA_NAMESPACES = {
    "wagtaildocs",
    "wagtailimages",
    "wagtaildocs_chooser",
    "wagtailimages_chooser",
    "wagtailembeds",
}
SHARED_MEDIA = NotLocaleSpecific("images, documents and embeds belong to collections that every language shares")

PAGE_VIEWS = {
    # Views of one page: its language (Wagtail answers a denial with a redirect; the guard makes it a 403).
    **{
        f"wagtailadmin_pages:{name}": Guarded(r.page_locales("page_id"))
        for name in [
            "edit",
            "preview_on_edit",
            "view_draft",
            "delete",
            "unpublish",
            "convert_alias",
            "copy",  # and the chosen destination: the before_copy_page hook (translations.page_hooks)
            "usage",
            "lock",
            "unlock",
            "set_privacy",
            "revisions_index",
            "revisions_view",
            "revisions_revert",
            "revisions_unschedule",
            "workflow_action",
            "collect_workflow_action_data",
            "confirm_workflow_cancellation",
            "workflow_preview",
            "workflow_history",
            "workflow_history_detail",
            "history",
            "history_results",
        ]
    },
    "wagtailadmin_pages:revisions_compare": Guarded(r.page_locales("pk")),
    "wagtailadmin_pages:add": Guarded(r.page_locales("parent_page_id")),
    "wagtailadmin_pages:preview_on_add": Guarded(r.page_locales("parent_page_id")),
    "wagtailadmin_pages:add_subpage": Guarded(r.page_locales("parent_page_id")),
    "wagtailadmin_pages:move": Guarded(r.page_locales("page_to_move_id")),
    "wagtailadmin_pages:move_confirm": Guarded(r.page_locales("page_to_move_id", "destination_id")),
    "wagtailadmin_pages:set_page_position": Guarded(r.page_locales("page_to_move_id")),
    # Lists of pages of one content type, or the parents a new page could have, across every language.
    "wagtailadmin_pages:type_use": SITE_WIDE,
    "wagtailadmin_pages:type_use_results": SITE_WIDE,
    "wagtailadmin_pages:choose_parent": SITE_WIDE,
    "wagtailadmin_pages:search": Delegated(EXPLORABLE),
    "wagtailadmin_pages:search_results": Delegated(EXPLORABLE),
    "wagtailadmin_explore_root": Delegated("Wagtail redirects to the user's explorable root page, in their language"),
    "wagtailadmin_explore": Guarded(r.explored_page),
    "wagtailadmin_explore_results": Guarded(r.explored_page),
    "wagtail_bulk_action": Guarded(r.bulk_action_locales),  # and the before_bulk_action hook
    "wagtailadmin_choose_page": Delegated(CHOOSER_HOOK),
    # The parent page is shown (its title), its children through the hook.
    "wagtailadmin_choose_page_child": Guarded(r.reading_source(r.page_locales("parent_page_id"))),
    "wagtailadmin_choose_page_search": Delegated(CHOOSER_HOOK),
    "wagtailadmin_choose_page_chosen_multiple": Guarded(r.reading_source(r.chosen_pages)),
    # Wagtail's admin API (the sidebar explorer, the translation editor's page choosers).
    "wagtailadmin_api:pages:listing": Delegated(EXPLORABLE),
    "wagtailadmin_api:pages:detail": Delegated(EXPLORABLE),
    "wagtailadmin_api:pages:find": Delegated(EXPLORABLE),
    "wagtailadmin_api:pages:action": Guarded(r.api_page_action_locales),
    # The "someone else is editing" sessions of the page and snippet editors.
    "wagtailadmin_editing_sessions:ping": Guarded(r.editing_session_object),
    "wagtailadmin_editing_sessions:release": Guarded(r.released_session),
    # Form submissions of a form page.
    "wagtailforms:index": Delegated("Wagtail lists the form pages the user may edit, in their page trees"),
    "wagtailforms:index_results": Delegated("Wagtail lists the form pages the user may edit, in their page trees"),
    "wagtailforms:list_submissions": Guarded(r.page_locales("page_id")),
    "wagtailforms:list_submissions_results": Guarded(r.page_locales("page_id")),
    "wagtailforms:delete_submissions": Guarded(r.page_locales("page_id")),
}

LOCALIZE_VIEWS = {
    "wagtail_localize:submit_page_translation": Guarded(r.submitted_page_locales),
    "wagtail_localize:submit_snippet_translation": Guarded(r.submitted_snippet_locales),
    "wagtail_localize:update_translations": Guarded(r.synced_locales),
    "wagtail_localize:edit_string_translation": Guarded(r.translation_target),
    "wagtail_localize:edit_override": Guarded(r.translation_target),
    "wagtail_localize:download_pofile": Guarded(r.translation_target),
    "wagtail_localize:upload_pofile": Guarded(r.translation_target),
    "wagtail_localize:machine_translate": Guarded(r.translation_target),
    "wagtail_localize:preview_translation": Guarded(r.translation_target),
    "wagtail_localize:stop_translation": Guarded(r.translation_target),
    "wagtail_localize:convert_to_alias": Guarded(r.page_locales("page_id")),
    # Every translation of the site: translators have the coverage dashboard instead.
    "wagtail_localize:translations_report": SITE_WIDE,
    "wagtail_localize:translations_report_results": SITE_WIDE,
    "wagtail_localize:snippets_api_listing": SITE_WIDE,
    "wagtail_localize:snippets_api_detail": Guarded(r.reading_source(r.snippet_api_object)),
    # The project's versions of five of those views (same paths, see translations.wagtail_hooks).
    "translations:submit_page_translation": Guarded(r.submitted_page_locales),
    "translations:submit_snippet_translation": Guarded(r.submitted_snippet_locales),
    "translations:update_translations": Guarded(r.synced_locales),
    "translations:upload_pofile": Guarded(r.translation_target),
    "translations:machine_translate": Guarded(r.translation_target),
    "translations:accept_machine_strings": Guarded(r.translation_target),
    "translations:coverage": Delegated("the dashboard lists only the user's languages (translations.views.coverage)"),
}

NOT_LOCALE_SPECIFIC = {
    "wagtailadmin_home": NotLocaleSpecific(
        "the dashboard's panels list the user's own edits and pages they may edit or moderate"
    ),
    "wagtailadmin_account": NotLocaleSpecific("the user's own account"),
    "wagtailadmin_logout": NotLocaleSpecific("the user's own session"),
    "wagtailadmin_login": NotLocaleSpecific("the user's own session"),
    "wagtailadmin_password_reset": NotLocaleSpecific("the user's own account"),
    "wagtailadmin_password_reset_done": NotLocaleSpecific("the user's own account"),
    "wagtailadmin_password_reset_confirm": NotLocaleSpecific("the user's own account"),
    "wagtailadmin_password_reset_complete": NotLocaleSpecific("the user's own account"),
    "wagtailadmin_dismissibles": NotLocaleSpecific("the user's own dismissed hints"),
    "wagtailadmin_sprite": NotLocaleSpecific("the icon sprite"),
    "wagtailadmin_javascript_catalog": NotLocaleSpecific("the admin's JavaScript translations"),
    "wagtail_localize:javascript_catalog": NotLocaleSpecific("wagtail-localize's JavaScript translations"),
    "wagtailadmin_error_test": NotLocaleSpecific("Wagtail's deliberate server-error test page; no object"),
    "admin/test404/": NotLocaleSpecific("Wagtail's static 404 template"),
    "admin/.*/$": NotLocaleSpecific("Wagtail's catch-all 404 of the admin"),
    "wagtailadmin_block_preview": NotLocaleSpecific("renders a block from the request's own data"),
    "wagtailadmin_tag_autocomplete": NotLocaleSpecific("tag names, shared by every language"),
    "wagtailadmin_tag_model_autocomplete": NotLocaleSpecific("tag names, shared by every language"),
    "wagtailadmin_choose_page_external_link": NotLocaleSpecific("a form for a URL; nothing stored"),
    "wagtailadmin_choose_page_email_link": NotLocaleSpecific("a form for an e-mail address; nothing stored"),
    "wagtailadmin_choose_page_phone_link": NotLocaleSpecific("a form for a phone number; nothing stored"),
    "wagtailadmin_choose_page_anchor_link": NotLocaleSpecific("a form for an anchor; nothing stored"),
    "wagtailadmin_api:documents:listing": SHARED_MEDIA,
    "wagtailadmin_api:documents:detail": SHARED_MEDIA,
    "wagtailadmin_api:documents:find": SHARED_MEDIA,
    "wagtailadmin_api:images:listing": SHARED_MEDIA,
    "wagtailadmin_api:images:detail": SHARED_MEDIA,
    "wagtailadmin_api:images:find": SHARED_MEDIA,
    "wagtailsnippets:index": NotLocaleSpecific("the list of snippet types, no snippet"),
}

# The views of a translatable snippet's viewset, by the language they act on.
SNIPPET_OBJECT_VIEWS = [
    "edit",
    "delete",
    "usage",
    "history",
    "history_results",
    "copy",
    "reorder",
    "inspect",
    "preview_on_edit",
    "revisions_view",
    "revisions_revert",
    "revisions_compare",
    "revisions_unschedule",
    "unpublish",
    "lock",
    "unlock",
    "workflow_action",
    "collect_workflow_action_data",
    "confirm_workflow_cancellation",
    "workflow_preview",
    "workflow_history",
    "workflow_history_detail",
]
SNIPPET_LIST_VIEWS = ["list", "list_results"]  # `?locale=`, the default language without it
SNIPPET_CREATE_VIEWS = ["add", "preview_on_add"]
# Not translatable, but holding every language's data: only for users who work in every language.
SITE_WIDE_SNIPPETS = {"translations.GlossaryTerm"}
CHOOSER_LIST_VIEWS = ["choose", "choose_results"]  # Wagtail's snippet chooser lists every language without `?locale=`


def snippet_classifications() -> dict[str, Classification]:
    table: dict[str, Classification] = {}
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        chooser = viewset.chooser_viewset
        names = [
            *(viewset.get_url_name(view) for view in SNIPPET_OBJECT_VIEWS + SNIPPET_LIST_VIEWS + SNIPPET_CREATE_VIEWS),
            *(chooser.get_url_name(view) for view in [*CHOOSER_LIST_VIEWS, "chosen", "chosen_multiple", "create"]),
        ]
        if model._meta.label in SITE_WIDE_SNIPPETS:
            table |= dict.fromkeys(names, SITE_WIDE)
            continue
        if not issubclass(model, TranslatableMixin):
            table |= dict.fromkeys(names, NotLocaleSpecific(f"{model._meta.label} is not translatable"))
            continue
        table |= {viewset.get_url_name(view): Guarded(r.snippet_locale(model)) for view in SNIPPET_OBJECT_VIEWS}
        table |= {viewset.get_url_name(view): Guarded(r.reading_source(r.query_locale)) for view in SNIPPET_LIST_VIEWS}
        table |= {viewset.get_url_name(view): Guarded(r.query_locale) for view in SNIPPET_CREATE_VIEWS}
        table |= {
            chooser.get_url_name(view): Guarded(r.reading_source(r.query_locale_or_all), default_to_user_language=True)
            for view in CHOOSER_LIST_VIEWS
        }
        table[chooser.get_url_name("chosen")] = Guarded(r.reading_source(r.snippet_locale(model)))
        table[chooser.get_url_name("chosen_multiple")] = Guarded(r.reading_source(r.chosen_snippets(model)))
        table[chooser.get_url_name("create")] = Guarded(r.query_locale)
    return table


_table: dict[str, Classification] | None = None


def classifications() -> dict[str, Classification]:
    """Every classified URL name (or, for an unnamed pattern, its route) and its classification.

    Built once: snippet viewsets register at start-up.
    """
    global _table
    if _table is None:
        _table = {**PAGE_VIEWS, **LOCALIZE_VIEWS, **NOT_LOCALE_SPECIFIC, **snippet_classifications()}
    return _table


def classify_match(match) -> Classification | None:
    """The classification of a resolved URL (`ResolverMatch`); an unnamed pattern is known by its route."""
    # Django names an unnamed pattern's view after its function: not a name to classify by.
    return classify(match.view_name if match.url_name else "", match.route)


def classify(view_name: str, route: str) -> Classification | None:
    """The classification of a resolved admin URL, or None: refused to translators."""
    table = classifications()
    if view_name in table:
        return table[view_name]
    namespace = view_name.partition(":")[0] if ":" in view_name else ""
    if namespace in SITE_WIDE_NAMESPACES:
        return SITE_WIDE
    if namespace in SHARED_MEDIA_NAMESPACES:
        return SHARED_MEDIA
    if not view_name:
        return table.get(route)
    return None
