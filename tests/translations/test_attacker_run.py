"""The attacker run: a French translator tries to reach Portuguese, Croatian and English content through every
admin route (issue 15, "Done when").

Every admin URL pattern (`django.urls.get_resolver()`, as in test_url_surface) is requested with GET and POST,
its arguments pointing at a page, snippet, translation, editing session and workflow state of the target
language, plus routes whose language is in the query string (admin API listings and searches, choosers,
listings, wagtail-localize's snippet API, search, reports). Each answer is recorded and a summary table is
printed. The test fails on:
- any change to an object of another language (pages, revisions, snippets, translations, strings, sessions);
- any answer that shows the Portuguese or Croatian page's or snippet's title, marked for the run (English,
  the source language, may be read: translators translate from it);
- any server error that an editor does not get too (those are the library's, listed in the table's
  findings, not confinement matters).

Run it alone to see the table: `.venv/bin/pytest -n0 -s tests/translations/test_attacker_run.py`.
"""

from collections import Counter, defaultdict
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from wagtail.admin.models import EditingSession
from wagtail.models import GroupApprovalTask, Page, Revision, TaskState, TranslatableMixin, Workflow, WorkflowTask
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringTranslation, Translation

from home.models import Partner
from tests.translations.test_confinement import arguments_for, session_on
from tests.translations.test_url_surface import admin_patterns
from translations.surface import classify

pytestmark = pytest.mark.django_db

TARGETS = ["pt", "hr", "en"]
MARKER = "ZZ-SECRET-{lang}"
# Wagtail's deliberate server error, and the views that end the session the run is made in.
SKIPPED = {"wagtailadmin_error_test", "wagtailadmin_logout"}


def mark(about, lllp, lang: str) -> list[bytes]:
    """Mark the titles of the page and snippet of `lang`; the marked titles, as an answer would show them.

    A search for the marker echoes the marker alone: only a whole title is a reveal.
    """
    marker = MARKER.format(lang=lang)
    page, partner = about.by_language[lang], lllp.by_language[lang]
    titles = [f"{marker} {page.title}", f"{marker} {partner.name}"]
    Page.objects.filter(pk=page.pk).update(title=titles[0], draft_title=titles[0])
    Partner.objects.filter(pk=partner.pk).update(name=titles[1])
    return [escape(title).encode() for title in titles]


def in_moderation(page, user) -> TaskState:
    task = GroupApprovalTask.objects.create(name=f"Review {page.pk}")
    task.groups.add(Group.objects.get(name="Moderators"))
    workflow = Workflow.objects.create(name=f"Review {page.pk}")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page.save_revision(user=user)
    workflow.start(page, user)
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)


def foreign_state(locale_ids: set[int]) -> dict:
    """Everything of these languages that an admin request could change."""
    pages = Page.objects.filter(locale_id__in=locale_ids)
    page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    state = {
        "pages": list(
            pages.order_by("pk").values_list(
                "pk", "title", "draft_title", "slug", "live", "path", "latest_revision_id", "locked", "alias_of_id"
            )
        ),
        "page_revisions": Revision.page_revisions.filter(object_id__in=page_ids).count(),
        "translations": list(
            Translation.objects.filter(target_locale_id__in=locale_ids).order_by("pk").values_list("pk", "enabled")
        ),
        "strings": list(
            StringTranslation.objects.filter(locale_id__in=locale_ids).order_by("pk").values_list("pk", "data")
        ),
        "workflow_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
    }
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            objects = model.objects.filter(locale_id__in=locale_ids).order_by("pk")
            state[model._meta.label] = [str(values) for values in objects.values()]
            state[f"{model._meta.label} revisions"] = Revision.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id__in=[str(o.pk) for o in objects]
            ).count()
    state["sessions"] = EditingSession.objects.count()
    return state


def query_routes(world) -> list[tuple[str, str]]:
    """Routes whose language is chosen by the query string (the pattern walk sends `?locale=` only)."""
    lang, page, snippet = world["locale"].language_code, world["page"], world["snippet"]
    home = page.get_parent()
    return [
        ("admin API pages in a locale", f"{reverse('wagtailadmin_api:pages:listing')}?locale={lang}"),
        ("admin API children", f"{reverse('wagtailadmin_api:pages:listing')}?child_of={home.pk}"),
        ("admin API descendants", f"{reverse('wagtailadmin_api:pages:listing')}?descendant_of={home.pk}"),
        ("admin API search", f"{reverse('wagtailadmin_api:pages:listing')}?search={MARKER.format(lang=lang)}"),
        ("admin API translation of", f"{reverse('wagtailadmin_api:pages:listing')}?translation_of={page.pk}"),
        ("admin API detail", reverse("wagtailadmin_api:pages:detail", args=[page.pk])),
        ("admin API find", f"{reverse('wagtailadmin_api:pages:find')}?html_path={page.url_path}"),
        ("page search", f"{reverse('wagtailadmin_pages:search')}?q={MARKER.format(lang=lang)}"),
        ("page search results", f"{reverse('wagtailadmin_pages:search_results')}?q={MARKER.format(lang=lang)}"),
        ("page chooser", f"{reverse('wagtailadmin_choose_page')}?locale={lang}"),
        ("page chooser search", f"{reverse('wagtailadmin_choose_page_search')}?q={MARKER.format(lang=lang)}"),
        ("page chooser child", reverse("wagtailadmin_choose_page_child", args=[home.pk])),
        ("snippet list", f"{reverse('wagtailsnippets_home_partner:list')}?locale={lang}"),
        ("snippet list search", f"{reverse('wagtailsnippets_home_partner:list')}?q={MARKER.format(lang=lang)}"),
        ("snippet chooser", f"{reverse('wagtailsnippetchoosers_home_partner:choose')}?locale={lang}"),
        (
            "snippet chooser search",
            f"{reverse('wagtailsnippetchoosers_home_partner:choose_results')}?q={MARKER.format(lang=lang)}",
        ),
        ("localize snippet API", reverse("wagtail_localize:snippets_api_listing", args=["home", "partner"])),
        (
            "localize snippet API detail",
            reverse("wagtail_localize:snippets_api_detail", args=["home", "partner", snippet.pk]),
        ),
        ("explorer", reverse("wagtailadmin_explore", args=[home.pk])),
        ("explorer root", reverse("wagtailadmin_explore_root")),
        ("dashboard", reverse("wagtailadmin_home")),
        ("coverage", f"{reverse('translations:coverage')}?language={lang}"),
        ("reports: locked pages", reverse("wagtailadmin_reports:locked_pages")),
        ("reports: workflow", reverse("wagtailadmin_reports:workflow")),
        ("reports: site history", reverse("wagtailadmin_reports:site_history")),
        ("reports: aging pages", reverse("wagtailadmin_reports:aging_pages")),
        ("images", reverse("wagtailimages:index")),
        ("documents", reverse("wagtaildocs:index")),
        (
            "bulk: select all under its home",
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"]) + f"?id=all&childOf={home.pk}",
        ),
        (
            "bulk: snippets of every language",
            reverse("wagtail_bulk_action", args=["home", "partner", "delete"]) + "?id=all",
        ),
    ]


def outcome(response, own_home_pk: int) -> str:
    status = response.status_code
    if status in {301, 302}:
        location = urlsplit(response["Location"])
        own = {reverse("wagtailadmin_explore", args=[own_home_pk]), reverse("translations:coverage")}
        if "locale=fr" in location.query or location.path in own:
            return "302 to own language"
        if location.path == reverse("wagtailadmin_home"):
            return "302 to dashboard"
        if location.path.startswith(reverse("wagtailadmin_login")):
            return "302 to login"
        return "302 elsewhere"
    if status == 200:
        return "200 allowed"
    return str(status)


@pytest.fixture
def worlds(about, lllp, locales, french_translator, django_user_model):
    boss = django_user_model.objects.create_superuser("attack-boss", "b@example.com", "pw")
    snippet_models = {
        namespace: model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
        for namespace in (model.snippet_viewset.url_namespace, model.snippet_viewset.chooser_viewset.url_namespace)
    }
    result = {}
    for lang in TARGETS:
        titles = mark(about, lllp, lang) if lang != "en" else []
        page = Page.objects.get(pk=about.by_language[lang].pk).specific
        task_state = in_moderation(page, boss)
        result[lang] = {
            "locale": locales[lang],
            "titles": titles,
            "page": page,
            "snippet": Partner.objects.get(pk=lllp.by_language[lang].pk),
            # English is the source: nothing is translated into it; its route is tried with the Portuguese one.
            "translation": about.translations.get(lang, about.translations["pt"]),
            "source": about.source,
            "segment": about.segment(),
            "session": session_on(french_translator, lllp.by_language[lang]),
            "task_state": task_state,
            "snippet_models": snippet_models,
        }
    return result


def url_for(name: str, route: str, world: dict) -> str:
    kwargs, query = arguments_for(name, route, world)
    task_state = world["task_state"]
    extra = {
        "task_state_id": task_state.pk,
        "workflow_state_id": task_state.workflow_state_id,
        "task_id": task_state.task_id,
        "revision_id": task_state.revision_id,
    }
    kwargs |= {key: value for key, value in extra.items() if key in kwargs}
    return reverse(name, kwargs=kwargs) + query


def fails_for_editors(client, method: str, url: str, data: dict) -> bool:
    """True when a superuser's same request is a server error too: the library's bug, not the confinement."""
    try:
        return getattr(client, method)(url, data).status_code >= 500
    except Exception:  # noqa: BLE001 - that is the answer
        return True


def test_the_french_translator_reaches_no_other_language(
    client, french_translator, worlds, home_pages, django_user_model, capsys
):
    foreign = {worlds[lang]["locale"].pk for lang in TARGETS}
    before = foreign_state(foreign)
    table: dict[str, Counter] = defaultdict(Counter)
    revealed, errors, library_errors, unreachable = [], [], [], []
    boss_client = Client(raise_request_exception=True)
    boss_client.force_login(django_user_model.objects.get(username="attack-boss"))
    tried = 0
    for lang in TARGETS:
        world = worlds[lang]
        requests = []
        for route, name, _ in admin_patterns():
            if name in SKIPPED or not classify(name, route):
                continue
            try:
                url = url_for(name, route, world)
            except (LookupError, NoReverseMatch):
                unreachable.append(name)
                continue
            requests += [(name, "get", url), (name, "post", url)]
        requests += [(label, "get", url) for label, url in query_routes(world)]
        for name, method, url in requests:
            client.force_login(french_translator)
            data = {"locales": [world["locale"].pk], "chooser": world["page"].pk} if method == "post" else {}
            try:
                response = getattr(client, method)(url, data)
            except Exception as error:  # noqa: BLE001 - recorded: a server error is a finding
                tried += 1
                table[lang]["500"] += 1
                finding = f"{method.upper()} {url} ({name}): {error!r}"
                (library_errors if fails_for_editors(boss_client, method, url, data) else errors).append(finding)
                continue
            tried += 1
            table[lang][outcome(response, home_pages["fr"].pk)] += 1
            body = b"" if response.streaming else response.content
            if any(title in body for title in world["titles"]):
                revealed.append(f"{method.upper()} {url} ({name}): {response.status_code}")

    columns = ["403", "404", "302 to own language", "302 to dashboard", "200 allowed"]
    others = sorted({key for counter in table.values() for key in counter} - set(columns))
    with capsys.disabled():
        print(f"\nAttacker run as a French translator: {tried} requests ({len(set(unreachable))} patterns unreachable)")
        print(f"{'target':8}" + "".join(f"{column:>22}" for column in [*columns, *others]) + f"{'total':>8}")
        for lang in TARGETS:
            counter = table[lang]
            cells = "".join(f"{counter.get(column, 0):>22}" for column in [*columns, *others])
            print(f"{lang:8}{cells}{sum(counter.values()):>8}")
        for line in revealed + errors:
            print("  finding:", line)
        for line in library_errors:
            print("  server error for editors too (not a confinement matter):", line)
    assert foreign_state(foreign) == before
    assert revealed == []
    assert errors == []


def test_the_page_chooser_opens_no_page_of_another_language(french_client, about, home_pages):
    chooser = "wagtailadmin_choose_page_child"
    assert french_client.get(reverse(chooser, args=[about.by_language["pt"].pk])).status_code == 403
    assert french_client.get(reverse(chooser, args=[home_pages["fr"].pk])).status_code == 200
    assert french_client.get(reverse(chooser, args=[home_pages["en"].pk])).status_code == 200  # the source


def test_translating_from_another_languages_page_is_refused(french_client, about, lllp, locales):
    portuguese = about.by_language["pt"]
    for url in (
        reverse("wagtail_localize:submit_page_translation", args=[portuguese.pk]),
        reverse("wagtail_localize:submit_snippet_translation", args=["home", "partner", lllp.by_language["pt"].pk]),
    ):
        before = foreign_state({locales["pt"].pk})
        response = french_client.get(url)
        assert response.status_code == 403
        assert portuguese.title not in response.content.decode()
        assert french_client.post(url, {"locales": [locales["fr"].pk]}).status_code == 403
        assert foreign_state({locales["pt"].pk}) == before
