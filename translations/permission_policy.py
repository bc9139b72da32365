"""A snippet's permissions hold in the languages the user works in only.

Why: Wagtail has no per-language permission for snippets; its
`ModelPermissionPolicy` answers `change_partner` for every partner of every
language. Wagtail 8 lets a project register a permission policy per model
(`wagtail.permissions.register_permission_policy`), and every per-object
check of the library asks it: the editing-session ping, the snippet copy
view, preview, bulk delete's `check_perm`, the history and revision views'
object checks, choosers that list "instances the user may change". This
policy keeps Wagtail's model permissions and adds the language rule of
`translations.languages`.

Views that check only the model-level permission (the snippet edit and delete
views dispatch on `user_has_permission("change")`, without the object) are
still confined by the language guard (`translations.guards`).
"""

import logging

from wagtail.permission_policies import ModelPermissionPolicy

from translations.languages import user_locale_ids

logger = logging.getLogger(__name__)


class LocaleConfinedPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, on the instances in the user's languages only."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if instance.locale_id in user_locale_ids(user):
            return True
        logger.info(
            "Refused %s on %s %s to %s: in %s, not one of their languages",
            action,
            self.model._meta.label,
            instance.pk,
            user,
            instance.locale.language_code,
        )
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, actions).filter(locale_id__in=user_locale_ids(user))
