"""Every admin URL is classified: confined to the user's languages, or reviewed as touching none.

Walks every URL pattern under /admin/ (Wagtail's, the admin API's,
wagtail-localize's, the snippet viewsets', the project's) with
`django.urls.get_resolver()`. A Wagtail or wagtail-localize upgrade that adds
a view makes `test_every_admin_url_is_classified` fail (and the guard refuses
the view to translators until someone classifies it in translations.surface).
"""

import re

import pytest
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from translations import surface
from translations.surface import Delegated, Guarded, NotLocaleSpecific, classify, classify_match

# The views reviewed as touching no language's objects; a new entry needs a reason and a review.
MAX_NOT_LOCALE_SPECIFIC_ENTRIES = 30


def _join(route: str, pattern: str) -> str:
    # As Django's ResolverMatch.route joins routes (without the ^ of an inner regex).
    return pattern if not route else route + pattern.removeprefix("^")


def walk(patterns, route="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, _join(route, str(pattern.pattern)), inner)
        else:
            assert isinstance(pattern, URLPattern)
            name = f"{namespace}{pattern.name}" if pattern.name else ""
            yield _join(route, str(pattern.pattern)), name, pattern


def admin_patterns() -> list[tuple[str, str, URLPattern]]:
    return [row for row in walk(get_resolver().url_patterns) if row[0].startswith("admin/")]


def url_kwargs(route: str) -> list[str]:
    """The named arguments of a route: `<int:page_id>` or `(?P<pk>...)`."""
    return re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)


def test_every_admin_url_is_classified():
    patterns = admin_patterns()
    assert len(patterns) > 200  # Wagtail's admin, the API, wagtail-localize, the snippets: the walk saw them.
    unclassified = sorted(f"{route} ({name or 'unnamed'})" for route, name, _ in patterns if not classify(name, route))
    assert unclassified == [], "classify these admin URLs in translations/surface.py"


def test_the_surface_summary(capsys):
    """Not an assertion on numbers: prints how the admin surface is split (see the PR note)."""
    counts = {"Guarded": 0, "Delegated": 0, "NotLocaleSpecific": 0}
    for route, name, _ in admin_patterns():
        counts[type(classify(name, route)).__name__] += 1
    with capsys.disabled():
        print(f"\nadmin URL patterns: {sum(counts.values())} {counts}")
    assert counts["Guarded"] > counts["NotLocaleSpecific"]


def test_every_explicitly_classified_url_still_exists():
    """A library upgrade that renames a view leaves a stale entry: the new name is then unclassified (refused)."""
    known = {name or route for route, name, _ in admin_patterns()}
    explicit = {**surface.PAGE_VIEWS, **surface.LOCALIZE_VIEWS, **surface.NOT_LOCALE_SPECIFIC}
    assert sorted(set(explicit) - known) == []


def test_the_reviewed_list_of_views_without_language_stays_short():
    assert len(surface.NOT_LOCALE_SPECIFIC) <= MAX_NOT_LOCALE_SPECIFIC_ENTRIES
    assert all(entry.reason for entry in surface.NOT_LOCALE_SPECIFIC.values())


@pytest.mark.django_db
def test_every_guard_rule_reads_only_arguments_its_url_has():
    """A rule that reads an argument the URL lacks would refuse every request (the guard fails closed on it)."""
    factory = RequestFactory()
    broken = []
    for route, name, _ in admin_patterns():
        classification = classify(name, route)
        if not isinstance(classification, Guarded):
            assert isinstance(classification, Delegated | NotLocaleSpecific)
            assert (classification.how if isinstance(classification, Delegated) else classification.reason).strip()
            continue
        kwargs = {arg: "999999" for arg in url_kwargs(route)}
        kwargs |= {"app_label": "home", "model_name": "partner"} if "app_label" in kwargs else {}
        try:
            classification.rule(factory.get("/"), kwargs)
        except KeyError as error:
            broken.append(f"{name}: {error}")
        assert classification.how, name
    assert broken == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/admin/no-such-admin-page/", NotLocaleSpecific),  # Wagtail's catch-all 404: unnamed, known by its route.
        ("/admin/test404/", NotLocaleSpecific),
        ("/admin/pages/1/edit/", Guarded),
        ("/admin/api/main/pages/", Delegated),
    ],
)
def test_a_resolved_request_gets_the_classification_of_its_pattern(path, expected):
    assert isinstance(classify_match(resolve(path)), expected)
