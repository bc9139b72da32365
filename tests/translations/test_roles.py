"""Translator groups: one per language, rooted at that language's home page, created idempotently."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from home.models import Competence, Partner, Person
from translations.languages import user_locale_ids, user_locales

pytestmark = pytest.mark.django_db

GROUPS = {
    "fr": "Translators: Français",
    "pt": "Translators: Português",
    "it": "Translators: Italiano",
    "hr": "Translators: Hrvatski",
}


@pytest.mark.parametrize(("language", "name"), GROUPS.items())
def test_each_language_has_a_translator_group_rooted_at_its_home_page(home_pages, language, name):
    group = Group.objects.get(name=name)
    page_permissions = GroupPagePermission.objects.filter(group=group)
    assert {p.page_id for p in page_permissions} == {home_pages[language].pk}
    assert {p.permission.codename for p in page_permissions} == {"change_page", "publish_page"}
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert codenames == {
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("home", "change_partner"),
        ("home", "change_person"),
        ("home", "change_competence"),
    }
    collection_codenames = set(
        GroupCollectionPermission.objects.filter(group=group).values_list("permission__codename", flat=True)
    )
    assert collection_codenames == {"add_image", "choose_image", "add_document", "choose_document"}


def test_no_group_for_the_source_language():
    assert not Group.objects.filter(name="Translators: English").exists()


def test_translators_may_not_add_or_delete_snippets(django_user_model):
    user = django_user_model.objects.create_user("t", "t@example.com", "pw")
    user.groups.add(Group.objects.get(name=GROUPS["pt"]))
    for model in (Partner, Person, Competence):
        name = model._meta.model_name
        assert user.has_perm(f"home.change_{name}")
        assert not user.has_perm(f"home.add_{name}")
        assert not user.has_perm(f"home.delete_{name}")


def test_load_content_again_creates_no_group_or_permission_and_keeps_an_admins_addition():
    group = Group.objects.get(name=GROUPS["fr"])
    group.permissions.add(*Group.objects.get(name="Editors").permissions.all())
    before = (Group.objects.count(), GroupPagePermission.objects.count(), group.permissions.count())
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert "Translators" not in out.getvalue()
    after = (Group.objects.count(), GroupPagePermission.objects.count(), group.permissions.count())
    assert after == before


def test_a_translators_languages_are_their_groups_languages(django_user_model, locales):
    user = django_user_model.objects.create_user("t", "t@example.com", "pw")
    assert user_locale_ids(user) == frozenset()
    user.groups.add(Group.objects.get(name=GROUPS["fr"]), Group.objects.get(name=GROUPS["hr"]))
    user = django_user_model.objects.get(pk=user.pk)
    assert [locale.language_code for locale in user_locales(user)] == ["fr", "hr"]


def test_editors_rooted_at_the_tree_root_work_in_every_language(django_user_model, locales):
    user = django_user_model.objects.create_user("e", "e@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    assert user_locale_ids(user) == frozenset(locale.pk for locale in locales.values())
