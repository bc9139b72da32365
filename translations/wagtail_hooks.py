"""Wagtail hooks of the translation workflow.

Registered before wagtail-localize's (the translations app comes first in
INSTALLED_APPS), so the project's versions of five of its admin URLs (same
paths, see translations.views) resolve first, and the publishing check runs
before wagtail-localize's translation editor handles a POST.
"""

from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from editing.viewsets import NoLostEditsSnippetViewSet
from translations.buttons import filter_page_listing_buttons, filter_snippet_listing_buttons
from translations.cascade import (
    cascade_bulk_action,
    delete_translations,
    remember_bulk_targets,
    remember_translations_to_delete,
    unpublish_translations,
)
from translations.confinement_hooks import confine_page_chooser, hide_refused_reports, refuse_copy_to_other_language
from translations.languages import user_locale_ids
from translations.live_source import refuse_bulk_publish_without_live_source, refuse_publish_without_live_source
from translations.machine_review import accept_machine_strings, confirm_machine_publish
from translations.machine_translation import machine_translate
from translations.models import GlossaryTerm
from translations.publishing import refuse_incomplete_publish
from translations.slugs import refuse_slug_clash
from translations.views.coverage import CoverageView
from translations.views.submit import (
    ConfinedSubmitPageTranslationView,
    ConfinedSubmitSnippetTranslationView,
    SyncWithoutPublishingView,
)
from translations.views.upload import upload_pofile


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("translations/coverage/", CoverageView.as_view(), name="coverage"),
        # Same paths as wagtail-localize's views, so its links and forms reach these.
        path(
            "localize/submit/page/<int:page_id>/",
            ConfinedSubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            ConfinedSubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            SyncWithoutPublishingView.as_view(),
            name="update_translations",
        ),
        path("localize/translate/<int:translation_id>/pofile/upload/", upload_pofile, name="upload_pofile"),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            machine_translate,
            name="machine_translate",
        ),
        path(
            "localize/translate/<int:translation_id>/machine_strings/accept/",
            accept_machine_strings,
            name="accept_machine_strings",
        ),
    ]
    return [path("", include((urls, "translations"), namespace="translations"))]


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(user_locale_ids(request.user))


@hooks.register("register_admin_menu_item")
def register_coverage_menu_item():
    return CoverageMenuItem(
        _("Translation coverage"),
        reverse("translations:coverage"),
        name="translation-coverage",
        icon_name="wagtail-localize-language",
        order=290,
    )


hooks.register("construct_page_listing_buttons", filter_page_listing_buttons)
hooks.register("construct_snippet_listing_buttons", filter_snippet_listing_buttons)
hooks.register("before_copy_page", refuse_copy_to_other_language)
hooks.register("construct_page_chooser_queryset", confine_page_chooser)
hooks.register("construct_reports_menu", hide_refused_reports)


# A translation is published only while its source is (translations.live_source); unpublishing or
# deleting a source page offers to do the same to its translations (translations.cascade).
hooks.register("before_edit_page", refuse_publish_without_live_source)
hooks.register("after_unpublish_page", unpublish_translations)
hooks.register("before_delete_page", remember_translations_to_delete)
hooks.register("after_delete_page", delete_translations)
hooks.register("before_bulk_action", refuse_bulk_publish_without_live_source)
hooks.register("before_bulk_action", remember_bulk_targets)
hooks.register("after_bulk_action", cascade_bulk_action)


@hooks.register("before_edit_page")
def refuse_incomplete_page_publish(request, page):
    return refuse_incomplete_publish(request, page)


hooks.register("before_edit_page", refuse_slug_clash)
# Publishing with unreviewed machine strings asks first (translations.machine_review).
hooks.register("before_edit_page", confirm_machine_publish)


@hooks.register("before_edit_snippet")
def refuse_incomplete_snippet_publish(request, instance):
    if hasattr(instance, "translation_key"):
        return refuse_incomplete_publish(request, instance) or confirm_machine_publish(request, instance)
    return None


class GlossaryTermViewSet(NoLostEditsSnippetViewSet):
    """The project glossary (translations.models): edited by people who work in every language."""

    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Glossary")
    menu_order = 295
    add_to_admin_menu = True
    list_display = ["term", "note"]
    search_fields = ["term", "note"]


register_snippet(GlossaryTermViewSet)


@hooks.register("before_serve_page")
def untranslated_alias_is_not_found(page, request, serve_args, serve_kwargs):
    """An alias of a page in another language (wagtail-localize makes them for untranslated parents) is a 404.

    Otherwise /fr/guide/ would show the English guide index under a French
    address; the 404 page offers the languages in which the page exists.
    """
    if page.alias_of_id and not Page.objects.filter(pk=page.alias_of_id, locale_id=page.locale_id).exists():
        raise Http404
