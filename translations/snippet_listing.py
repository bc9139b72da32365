"""Snippet listings confined to the languages a user works in, plus the source language.

Wagtail's snippet listing searches every locale when a query is given, so on PostgreSQL a French
translator's search found Portuguese and Croatian snippets (tests/translations/test_attacker_run.py;
SQLite's search happened not to match the marked titles). The listing's base queryset is confined
instead, which covers search, filters and ordering alike.
"""

from wagtail.models import Locale, TranslatableMixin

from translations.languages import user_locale_ids


class LocaleConfinedListing:
    """A SnippetViewSet mixin: `get_queryset` keeps translatable snippets of the user's languages and the source."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not issubclass(self.model, TranslatableMixin):
            return queryset
        if queryset is None:
            queryset = self.model._default_manager.all()
        allowed = set(user_locale_ids(request.user)) | {Locale.get_default().pk}
        return queryset.filter(locale_id__in=allowed)
