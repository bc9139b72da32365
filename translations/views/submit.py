"""wagtail-localize's "Translate" and "Sync translations" views, confined to the user's languages.

Why this exists: the library's views offer every language and publish on
request with English fallbacks. Here the "Translate" form lists only the
languages the user works in (translations.languages) and is a 403 when none is
left; "Sync" never publishes: a synced translation keeps its published
revision until its translator has translated the changed strings and publishes
it from the translation editor (translations.publishing refuses an incomplete
one). The language guard (translations.guards) still checks every POST.

When it can go: when wagtail-localize can limit target locales per user and
its sync view can be told not to publish (not possible in 1.14.5).
"""

from django.utils.translation import gettext as _
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from translations.guards import forbidden
from translations.languages import user_locale_ids
from translations.slugs import report_renamed_slugs


class ConfinedSubmitMixin:
    """Lists only the user's languages; a 403 when the object exists in all of them already."""

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
    def form_valid(self, form):
        response = super().form_valid(form)
        # wagtail-localize renames a slug that a sibling already has: say so (translations.slugs).
        report_renamed_slugs(
            self.request, self.object, form.cleaned_data["locales"], form.cleaned_data.get("include_subtree", False)
        )
        return response


class ConfinedSubmitSnippetTranslationView(ConfinedSubmitMixin, SubmitSnippetTranslationView):
    pass


class SyncWithoutPublishingView(UpdateTranslationsView):
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
