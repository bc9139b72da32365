"""Which languages a user works in: the one rule every translation guard asks.

Wagtail has per-tree page permissions but no per-language permission for
snippets or for wagtail-localize's actions (Wagtail 8.0.1, wagtail-localize
1.14.5). Each language has its own page tree, so the project derives a user's
languages from their page permissions:

    A user works in locale L when one of their groups has a page permission
    (edit, publish, add, lock, ...) rooted at a page in L; a permission rooted
    at the tree's root (depth 1) covers every locale. Superusers work in
    every locale; anonymous and inactive users in none.

So the "Translators: Français" group (page permissions rooted at the French
home page) works in French only, and Wagtail's own Editors and Moderators
groups (rooted at the root) work in every language. Because every page under
a language's home page is in that language, "has a permission on page P" implies
"works in P's language": the page checks Wagtail and wagtail-localize make are
consistent with this rule; snippets and the translation actions that only
check a global permission get the project's permission policy and guard
(`translations.permission_policy`, `translations.guards`).
"""

from django.contrib.auth.models import AnonymousUser
from wagtail.models import GroupPagePermission, Locale, Page

_CACHE_ATTRIBUTE = "_translations_locale_ids"


def user_locale_ids(user) -> frozenset[int]:
    """Primary keys of the locales `user` works in (see the module docstring).

    Cached on the user object for the request; two SQL queries at most.
    """
    if user is None or isinstance(user, AnonymousUser) or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    if user.is_superuser:
        locale_ids = frozenset(Locale.objects.values_list("pk", flat=True))
    else:
        rooted_at = set(
            GroupPagePermission.objects.filter(group__user=user).values_list("page__depth", "page__locale_id")
        )
        if any(depth == 1 for depth, _locale_id in rooted_at):
            locale_ids = frozenset(Locale.objects.values_list("pk", flat=True))
        else:
            locale_ids = frozenset(locale_id for _depth, locale_id in rooted_at)
    setattr(user, _CACHE_ATTRIBUTE, locale_ids)
    return locale_ids


def user_locales(user) -> list[Locale]:
    """The locales `user` works in, ordered by language code."""
    return list(Locale.objects.filter(pk__in=user_locale_ids(user)).order_by("language_code"))


def user_works_in(user, locale_ids) -> bool:
    """True when every locale in `locale_ids` (primary keys) is one of `user`'s languages."""
    return set(locale_ids) <= user_locale_ids(user)


def works_in_every_language(user) -> bool:
    """Editors and superusers; translators (one language each) and users without page permissions do not."""
    return user_locale_ids(user) >= frozenset(Locale.objects.values_list("pk", flat=True))


def user_home_pages(user) -> list[Page]:
    """The home page (a child of the tree's root) of each language `user` works in, by language code."""
    return list(
        Page.objects.filter(depth=2, locale_id__in=user_locale_ids(user))
        .select_related("locale")
        .order_by("locale__language_code", "path")
    )
