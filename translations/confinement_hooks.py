"""Wagtail hooks that keep translators in their languages where Wagtail offers a hook.

- `refuse_copy_to_other_language` (`before_copy_page`): the copy form's
  destination is POSTed, not in the URL, so the language guard cannot see it;
  Wagtail's own check (add permission at the destination) answers with a form
  error, this one refuses with a 403 before the form is processed.
- `confine_page_chooser` (`construct_page_chooser_queryset`): the page
  chooser lists and searches every language; a translator sees the pages of
  their languages and of the source language they translate from.
- `hide_refused_reports` (`construct_reports_menu`): wagtail-localize shows its
  translations report to everyone; it lists every language, so translators,
  whom the guard refuses it, do not see the menu item (the coverage dashboard
  is theirs).
"""

from django.urls import Resolver404, resolve
from wagtail.models import Locale, Page

from translations.guards import language_forbidden
from translations.languages import user_locale_ids, works_in_every_language
from translations.surface import Guarded, classify_match


def refuse_copy_to_other_language(request, page):
    """403 when the copy's chosen parent (POST `new_parent_page`) is in a language the user does not work in."""
    if request.method != "POST" or works_in_every_language(request.user):
        return None
    parent_id = request.POST.get("new_parent_page", "")
    if not parent_id.isdigit():
        return None  # The form reports the missing parent.
    parent = Page.objects.filter(pk=parent_id).values_list("depth", "locale_id").first()
    if parent is None:
        return None
    depth, locale_id = parent
    # The root holds every language's home page: only those who work in every language copy to it.
    locale_ids = set(Locale.objects.values_list("pk", flat=True)) if depth == 1 else {locale_id}
    if locale_ids <= user_locale_ids(request.user):
        return None
    return language_forbidden(request, "wagtailadmin_pages:copy", locale_ids)


def confine_page_chooser(pages, request):
    if works_in_every_language(request.user):
        return pages
    return pages.filter(locale_id__in={*user_locale_ids(request.user), Locale.get_default().pk})


def _refused(url: str, request) -> bool:
    try:
        match = resolve(url.split("?", 1)[0])
    except Resolver404:
        return False
    classification = classify_match(match)
    if not isinstance(classification, Guarded):
        return classification is None
    locale_ids = classification.rule(request, match.kwargs)
    return bool(locale_ids) and not locale_ids <= user_locale_ids(request.user)


def hide_refused_reports(request, menu_items):
    if works_in_every_language(request.user):
        return
    menu_items[:] = [item for item in menu_items if not _refused(getattr(item, "url", ""), request)]
