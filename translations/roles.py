"""Translator groups: one per language, "Translators: Français", "Translators: Português", ...

Each group may, in its own language only:
- open the Wagtail admin;
- edit and publish pages under that language's home page (page permissions
  rooted there: `change_page`, `publish_page`). Editing the translated page is
  how wagtail-localize's translation editor is reached;
- submit pages and snippets for translation (`wagtail_localize.submit_translation`);
  the project's guard (`translations.guards`) confines the target languages;
- change the translatable snippets (`change_<model>` for every registered
  snippet model with TranslatableMixin, whichever app defines it); no add or
  delete: translations are created by submitting, and the guard confines
  editing to the group's language;
- choose and upload images and documents (root collection), so a translation
  can override a synchronised document or image with one in its language.

`ensure_translator_groups` is idempotent: it creates what is missing and never
removes a permission an administrator added to a group.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from home.navigation import language_name_local

PAGE_PERMISSIONS = ["change_page", "publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "choose_document"]),
]


def translator_group_name(locale: Locale) -> str:
    """ "Translators: Français" for the French locale (the language's own name)."""
    return f"Translators: {language_name_local(locale.language_code)}"


def translatable_snippet_models() -> list[type]:
    """Registered snippet models that are translatable, in a stable order."""
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    return sorted(models, key=lambda model: model._meta.label)


def translator_model_permissions() -> list[Permission]:
    """Model-level permissions of every translator group."""
    permissions = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"),
    ]
    for model in translatable_snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        permissions.append(
            Permission.objects.get(content_type=content_type, codename=f"change_{model._meta.model_name}")
        )
    return permissions


def ensure_translator_groups(home: Page) -> list[str]:
    """Create or complete the translator group of every locale but the default one.

    `home` is the site's root page in any language; each group's page
    permissions are rooted at its translation in the group's locale (a locale
    without a home page yet gets no group). Returns a line per group or
    permission created, for the load_content report.
    """
    created: list[str] = []
    default = Locale.get_default()
    homes = {page.locale_id: page for page in home.get_translations(inclusive=True).select_related("locale")}
    model_permissions = translator_model_permissions()
    page_permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
    )
    root_collection = Collection.get_first_root_node()
    for locale in Locale.objects.exclude(pk=default.pk).order_by("language_code"):
        language_home = homes.get(locale.pk)
        if language_home is None:
            continue
        group, was_created = Group.objects.get_or_create(name=translator_group_name(locale))
        if was_created:
            created.append(f"group “{group.name}”")
        missing = [perm for perm in model_permissions if not group.permissions.filter(pk=perm.pk).exists()]
        group.permissions.add(*missing)
        created += [f"{group.name}: {perm.content_type.app_label}.{perm.codename}" for perm in missing]
        for permission in page_permissions:
            _perm, made = GroupPagePermission.objects.get_or_create(
                group=group, page=language_home, permission=permission
            )
            if made:
                created.append(f"{group.name}: {permission.codename} on “{language_home.title}”")
        for app_label, model_name, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, content_type__model=model_name, codename=codename
                )
                _perm, made = GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
                if made:
                    created.append(f"{group.name}: {codename} in collection “{root_collection}”")
    return created
