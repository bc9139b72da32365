"""A French translator, through every other route of the admin: page copies, bulk actions, editing
sessions, the admin API, the explorer, the choosers, and views nobody has classified.

Each refused request answers 403 (or JSON 403 for the admin's JavaScript), leaves the database
exactly as before, and is logged with the user, the action and the language; the same request
on French content works.
"""

import logging

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.models import GroupPagePermission, Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from home.models import Partner
from tests.translations.conftest import db_state
from tests.translations.test_url_surface import admin_patterns, url_kwargs
from translations.surface import Guarded, classify

pytestmark = pytest.mark.django_db

BULK_ACTIONS = ["publish", "unpublish", "delete", "move"]
WITHOUT_GUARD = [name for name in settings.MIDDLEWARE if name != "translations.guards.LanguageGuardMiddleware"]


def bulk_url(action, *pages, app="wagtailcore", model="page"):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return f"{reverse('wagtail_bulk_action', args=[app, model, action])}?{ids}&next=/admin/"


@pytest.fixture
def french_translator_may_add(french_translator, home_pages):
    """An administrator gave the French translators "add" in the French tree (roles.py keeps such additions)."""
    GroupPagePermission.objects.create(
        group=Group.objects.get(name="Translators: Français"),
        page=home_pages["fr"],
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page"),
    )


def copy_about(client, about, into_page):
    french_about = about.by_language["fr"]
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[french_about.pk]),
        {
            "new_title": "Copie",
            "new_slug": "about-copy",
            "new_parent_page": into_page.pk,
            "publish_copies": "on",
        },
    )


def test_copying_a_french_page_into_the_portuguese_tree_is_refused(
    french_client, french_translator_may_add, about, home_pages, caplog
):
    before = db_state()
    with caplog.at_level(logging.WARNING, logger="translations.guards"):
        response = copy_about(french_client, about, home_pages["pt"])
    assert response.status_code == 403
    assert db_state() == before
    assert not Page.objects.filter(slug="about-copy").exists()
    logged = [record.getMessage() for record in caplog.records]
    assert any("francoise" in line and "languages pt" in line and "pages:copy" in line for line in logged)


def test_copying_into_the_tree_root_is_refused(french_client, french_translator_may_add, about):
    before = db_state()
    response = copy_about(french_client, about, Page.get_first_root_node())
    assert response.status_code == 403
    assert db_state() == before


def test_copying_within_french_still_works(french_client, french_translator_may_add, about, home_pages):
    response = copy_about(french_client, about, home_pages["fr"])
    assert response.status_code == 302
    copy = Page.objects.get(slug="about-copy")
    assert copy.get_parent().pk == home_pages["fr"].pk


def test_bulk_moving_a_french_page_into_the_portuguese_tree_is_refused(french_client, about, home_pages):
    before = db_state()
    response = french_client.post(bulk_url("move", about.by_language["fr"]), {"chooser": home_pages["pt"].pk})
    assert response.status_code == 403
    assert db_state() == before
    assert "Portuguese" in response.content.decode() or "Português" in response.content.decode()


@pytest.mark.parametrize("action", BULK_ACTIONS)
def test_bulk_actions_on_portuguese_pages_are_refused(french_client, about, home_pages, action):
    portuguese_about = about.by_language["pt"]
    before = db_state()
    assert french_client.get(bulk_url(action, portuguese_about)).status_code == 403
    data = {"chooser": home_pages["pt"].pk} if action == "move" else {}
    assert french_client.post(bulk_url(action, portuguese_about), data).status_code == 403
    assert db_state() == before


def test_bulk_select_all_in_the_french_explorer_is_french(french_client, home_pages):
    url = f"{reverse('wagtail_bulk_action', args=['wagtailcore', 'page', 'unpublish'])}?id=all&childOf="
    assert french_client.get(url + str(home_pages["fr"].pk)).status_code == 200
    assert french_client.get(url + str(home_pages["pt"].pk)).status_code == 403


def test_bulk_unpublish_within_french_still_works(french_client, about):
    french_about = about.by_language["fr"]
    assert french_about.live
    response = french_client.post(bulk_url("unpublish", french_about), {})
    assert response.status_code == 302
    french_about.refresh_from_db()
    assert not french_about.live


def test_bulk_delete_of_snippets_in_another_language_is_refused(french_client, lllp):
    before = db_state()
    url = bulk_url("delete", lllp.by_language["pt"], app="home", model="partner")
    assert french_client.get(url).status_code == 403
    assert french_client.post(url, {}).status_code == 403
    assert db_state() == before


def ping_url(obj, session_id=0):
    opts = obj._meta
    return reverse("wagtailadmin_editing_sessions:ping", args=[opts.app_label, opts.model_name, obj.pk, session_id])


@pytest.mark.parametrize("lang", ["en", "pt"])
@pytest.mark.parametrize("item", ["about", "lllp"])
def test_editing_session_ping_in_another_language_is_403(french_client, about, lllp, item, lang):
    obj = {"about": about, "lllp": lllp}[item].by_language[lang]
    response = french_client.post(ping_url(obj), {"is_editing": "1"})
    assert response.status_code == 403
    assert "error" in response.json()
    assert not EditingSession.objects.exists()


@pytest.mark.parametrize("item", ["about", "lllp"])
def test_editing_session_ping_in_french_still_works(french_client, french_translator, about, lllp, item):
    obj = {"about": about, "lllp": lllp}[item].by_language["fr"]
    response = french_client.post(ping_url(obj), {"is_editing": "1"})
    assert response.status_code == 200
    assert EditingSession.objects.filter(user=french_translator, object_id=str(obj.pk)).exists()


def session_on(user, obj) -> EditingSession:
    return EditingSession.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        last_seen_at=timezone.now(),
    )


def test_releasing_an_editing_session_follows_the_object_language(french_client, french_translator, lllp, about):
    # Sessions left from before the confinement (the ping used to answer 200).
    english = session_on(french_translator, lllp.by_language["en"])
    portuguese = session_on(french_translator, about.by_language["pt"])
    french = session_on(french_translator, lllp.by_language["fr"])
    for session in (english, portuguese):
        response = french_client.post(reverse("wagtailadmin_editing_sessions:release", args=[session.pk]))
        assert response.status_code == 403
        assert EditingSession.objects.filter(pk=session.pk).exists()
    response = french_client.post(reverse("wagtailadmin_editing_sessions:release", args=[french.pk]))
    assert response.status_code == 200
    assert not EditingSession.objects.filter(pk=french.pk).exists()


@override_settings(MIDDLEWARE=WITHOUT_GUARD)
def test_snippet_permission_policy_confines_wagtail_without_the_guard(french_client, french_translator, lllp):
    """Wagtail's own per-object checks ask the project's policy: even without the guard, no English ping."""
    policy = policy_registry.get_by_type(Partner)
    assert policy.user_has_permission_for_instance(french_translator, "change", lllp.by_language["fr"])
    assert not policy.user_has_permission_for_instance(french_translator, "change", lllp.by_language["en"])
    response = french_client.post(ping_url(lllp.by_language["en"]), {"is_editing": "1"})
    assert response.status_code == 404  # Wagtail's answer when the user may not edit the object.
    assert not EditingSession.objects.exists()


def test_superuser_keeps_every_snippet_permission(lllp, django_user_model):
    boss = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    policy = policy_registry.get_by_type(Partner)
    assert all(policy.user_has_permission_for_instance(boss, "change", p) for p in lllp.by_language.values())


def test_admin_api_lists_only_french_pages(french_client, superuser_client, about, locales):
    """Decided: the admin API (the sidebar's explorer) lists what Wagtail lets the user explore, their tree."""
    url = reverse("wagtailadmin_api:pages:listing")
    ids = {item["id"] for item in french_client.get(url).json()["items"]}
    assert ids
    assert not Page.objects.filter(pk__in=ids).exclude(locale=locales["fr"]).exists()
    assert french_client.get(url, {"locale": "pt"}).json()["items"] == []
    assert superuser_client.get(url, {"locale": "pt"}).json()["items"]  # The translator's filter, not the API's.
    pt_detail = reverse("wagtailadmin_api:pages:detail", args=[about.by_language["pt"].pk])
    assert french_client.get(pt_detail).status_code == 404
    assert superuser_client.get(pt_detail).status_code == 200
    fr_detail = reverse("wagtailadmin_api:pages:detail", args=[about.by_language["fr"].pk])
    assert french_client.get(fr_detail).status_code == 200


def test_the_croatian_page_list_names_the_translators_languages(french_client, home_pages, caplog):
    with caplog.at_level(logging.WARNING, logger="translations.guards"):
        response = french_client.get(reverse("wagtailadmin_explore", args=[home_pages["hr"].pk]))
    assert response.status_code == 403  # Not a silent switch to the French list.
    html = response.content.decode()
    assert "Croatian" in html or "Hrvatski" in html
    assert "French" in html or "Français" in html
    assert reverse("wagtailadmin_explore", args=[home_pages["fr"].pk]) in html
    logged = [record.getMessage() for record in caplog.records]
    assert any("languages hr" in line and "francoise" in line for line in logged)
    assert french_client.get(reverse("wagtailadmin_explore", args=[home_pages["fr"].pk])).status_code == 200


def test_snippet_listings_in_another_language_are_refused(french_client):
    url = reverse("wagtailsnippets_home_partner:list")
    assert french_client.get(url, {"locale": "pt"}).status_code == 403
    assert french_client.get(url, {"locale": "fr"}).status_code == 200
    # The English (source) list: translators start their "Translate" from it.
    assert french_client.get(url).status_code == 200


def test_page_chooser_shows_a_translator_only_their_languages_and_the_source(
    french_client, superuser_client, home_pages
):
    url = reverse("wagtailadmin_choose_page")
    link = reverse("wagtailadmin_choose_page_child", args=[home_pages["pt"].pk])
    assert link in superuser_client.get(url, {"locale": "pt"}).content.decode()
    assert link not in french_client.get(url, {"locale": "pt"}).content.decode()
    french_link = reverse("wagtailadmin_choose_page_child", args=[home_pages["fr"].pk])
    assert french_link in french_client.get(url, {"locale": "fr"}).content.decode()


def test_admin_page_search_finds_only_the_translators_pages(french_client, superuser_client, about):
    """Delegated to Wagtail: its page search keeps to the pages the user may explore."""
    portuguese = about.by_language["pt"]
    edit_link = reverse("wagtailadmin_pages:edit", args=[portuguese.pk])
    url = reverse("wagtailadmin_pages:search")
    assert edit_link in superuser_client.get(url, {"q": portuguese.title}).content.decode()
    assert edit_link not in french_client.get(url, {"q": portuguese.title}).content.decode()


def test_an_unclassified_admin_view_is_refused_to_translators(french_client, superuser_client, monkeypatch):
    """Fail closed: what translations.surface does not know is not open to translators."""
    monkeypatch.setattr("translations.guards.classify_match", lambda match: None)
    response = french_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 403
    assert "not open to translators" in response.content.decode()
    assert superuser_client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_admin_address_that_does_not_exist_is_still_a_404(french_client):
    assert french_client.get("/admin/no-such-admin-page/").status_code == 404


def test_site_wide_settings_are_refused_to_translators(french_client):
    for name in ["wagtailusers_users:index", "wagtailsites:index", "wagtail_localize:translations_report"]:
        assert french_client.get(reverse(name)).status_code == 403, name


def test_reports_menu_hides_the_translations_report_from_translators(french_client, superuser_client):
    report = reverse("wagtail_localize:translations_report")
    assert report in superuser_client.get(reverse("wagtailadmin_home")).content.decode()
    assert report not in french_client.get(reverse("wagtailadmin_home")).content.decode()


# Walking every guarded admin URL as the French translator, with objects of another language.


def arguments_for(name: str, route: str, world: dict) -> tuple[dict, str]:
    """URL arguments and a query string that point `name` at `world`'s objects (another language's)."""
    namespace = name.partition(":")[0]
    model = world["snippet_models"].get(namespace)
    page, snippet = world["page"], world["snippet"]
    if model is not None:
        snippet = model.objects.filter(locale=world["locale"]).first()
        if snippet is None:
            raise LookupError(f"no {model._meta.label} in {world['locale']}")
    values = {
        "page_id": page.pk,
        "parent_page_id": page.pk,
        "page_to_move_id": page.pk,
        "destination_id": page.pk,
        "page_pk": page.pk,
        "pk": snippet.pk if model is not None or "snippet" in name else page.pk,
        "object_id": snippet.pk,
        "app_label": "wagtailcore" if name == "wagtail_bulk_action" else "home",
        "model_name": "page" if name == "wagtail_bulk_action" else "partner",
        "action": "delete",
        "action_name": "copy" if name.startswith("wagtailadmin_api") else "approve",
        "session_id": world["session"].pk,
        "translation_id": world["translation"].pk,
        "translation_source_id": world["source"].pk,
        "string_segment_id": world["segment"].pk,
        "overridable_segment_id": world["segment"].pk,
        "revision_id": page.latest_revision_id or 1,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "mode": "default",
        "content_type_app_name": "home",
        "content_type_model_name": "standardpage",
        "app_name": "home",
    }
    kwargs = {arg: values.get(arg, 1) for arg in url_kwargs(route)}
    ids = snippet.pk if model is not None or "partner" in str(kwargs.get("model_name")) else page.pk
    return kwargs, f"?locale={world['locale'].language_code}&id={ids}"


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("lang", ["pt", "hr"])
def test_every_guarded_admin_url_refuses_the_french_translator_another_language(
    french_client, french_translator, about, lllp, locales, lang, method
):
    """The note's "every route tried": each guarded URL, pointed at Portuguese or Croatian objects."""
    locale = locales[lang]
    world = {
        "locale": locale,
        "page": about.by_language[lang],
        "snippet": lllp.by_language[lang],
        "translation": about.translations[lang],
        "source": about.source,
        "segment": about.segment(),
        "session": session_on(french_translator, lllp.by_language[lang]),
        "snippet_models": {
            namespace: model
            for model in get_snippet_models()
            if issubclass(model, TranslatableMixin)  # the glossary has no language: refused as site-wide
            for namespace in (model.snippet_viewset.url_namespace, model.snippet_viewset.chooser_viewset.url_namespace)
        },
    }
    answers: dict[int, list[str]] = {}
    before = db_state()
    for route, name, _ in admin_patterns():
        if not isinstance(classify(name, route), Guarded):
            continue
        try:
            kwargs, query = arguments_for(name, route, world)
            url = reverse(name, kwargs=kwargs) + query
        except (LookupError, NoReverseMatch):
            answers.setdefault(0, []).append(name)
            continue
        # A POST carries the other language as the "Translate" form's locale and a bulk move's destination.
        data = {"locales": [locale.pk], "chooser": world["page"].pk} if method == "post" else {}
        answers.setdefault(getattr(french_client, method)(url, data).status_code, []).append(name)
    assert db_state() == before
    print(
        f"\n{method.upper()} of {sum(map(len, answers.values()))} guarded admin URLs on {lang} content:",
        {status: len(names) for status, names in answers.items()},
    )
    assert set(answers) == {403}, {status: names for status, names in answers.items() if status != 403}
