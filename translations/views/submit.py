"""wagtail-localize's "Translate" and "Sync translations" views, confined to the user's languages.

Why this exists: the library's views offer every language and publish on
request with English fallbacks. Here the "Translate" form lists only the
languages the user works in (translations.languages) and is a 403 when none is
left; "Sync" never publishes: a synced translation keeps its published
revision until its translator has translated the changed strings and publishes
it from the translation editor (translations.publishing refuses an incomplete
one). The language guard (translations.guards) still checks every POST. A
translator cannot submit a page that is not live, and nobody syncs from one
(translations.live_source says why).

When it can go: when wagtail-localize can limit target locales per user and
its sync view can be told not to publish (not possible in 1.14.5).
"""

import logging

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from translations.guards import forbidden
from translations.languages import user_locale_ids
from translations.live_source import (
    draft_source_refusal,
    subtree_help_text,
    unpublished_descendant_count,
    unsyncable_source_message,
)
from translations.slugs import report_renamed_slugs

logger = logging.getLogger(__name__)


class ConfinedSubmitMixin:
    """Lists only the user's languages; a 403 when the object exists in all of them already.

    Translating into one language opens the new translation's editor, even when
    the form came with a `next` address (the coverage dashboard's "Translate"):
    wagtail-localize would go back to `next` instead. `next` stays the form's
    "back" link.
    """

    def get_success_url(self):
        if self.request.method == "POST" and len(self.request.POST.getlist("locales")) == 1:
            return None  # wagtail-localize then opens the edit view of the one new translation
        return super().get_success_url()

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=user_locale_ids(self.request.user))
        return form

    def get(self, request, *args, **kwargs):
        if not self.get_form().fields["locales"].queryset.exists():
            message = _("“%(object)s” already exists in every language you work in.") % {"object": self.object}
            return forbidden(request, message)
        return super().get(request, *args, **kwargs)


class ConfinedSubmitPageTranslationView(ConfinedSubmitMixin, SubmitPageTranslationView):
    """A translator translates published pages only: a draft is a 403, and its draft descendants are not included."""

    def form_valid(self, form):
        response = super().form_valid(form)
        # wagtail-localize renames a slug that a sibling already has: say so (translations.slugs).
        report_renamed_slugs(
            self.request, self.object, form.cleaned_data["locales"], form.cleaned_data.get("include_subtree", False)
        )
        return response

    def get_form(self):
        form = super().get_form()
        drafts = unpublished_descendant_count(self.request.user, self.object)
        if drafts:
            field = form.fields["include_subtree"]
            field.disabled = True  # a posted value is ignored: the subtree is not translated
            field.initial = False
            field.help_text = subtree_help_text(drafts)
        return form

    def get(self, request, *args, **kwargs):
        return self.refuse_draft(request) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refuse_draft(request) or super().post(request, *args, **kwargs)

    def refuse_draft(self, request):
        message = draft_source_refusal(request.user, self.object)
        if message is None:
            return None
        logger.warning(
            "Refused submit for translation: user=%s page=%s locale=%s (not live)",
            request.user.username,
            self.object.pk,
            self.object.locale.language_code,
        )
        return forbidden(request, message)


class ConfinedSubmitSnippetTranslationView(ConfinedSubmitMixin, SubmitSnippetTranslationView):
    pass


class SyncWithoutPublishingView(UpdateTranslationsView):
    def get(self, request, *args, **kwargs):
        return self.refuse_unpublished_source(request) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refuse_unpublished_source(request) or super().post(request, *args, **kwargs)

    def refuse_unpublished_source(self, request):
        """Back to the source page (or the dashboard) with a message when the source is not live or was deleted."""
        message = unsyncable_source_message(self.object)
        if message is None:
            return None
        logger.warning(
            "Refused sync: user=%s source=%s locale=%s (source not live)",
            request.user.username,
            self.object.pk,
            self.object.locale.language_code,
        )
        messages.error(request, message)
        page = Page.objects.filter(translation_key=self.object.object_id, locale_id=self.object.locale_id).first()
        if page is not None:
            return redirect("wagtailadmin_pages:edit", page.pk)
        return redirect(reverse("translations:coverage"))

    def get_form(self):
        form = super().get_form()
        field = form.fields["publish_translations"]
        field.disabled = True
        field.initial = False
        field.help_text = _(
            "Translations are not published by syncing: each translator publishes theirs "
            "once the changed strings are translated."
        )
        return form
