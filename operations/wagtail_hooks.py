from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from operations import admin_views


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [
        path("locked-out/", admin_views.lockouts, name="operations_lockouts"),
        path("locked-out/<int:pk>/unlock/", admin_views.unlock, name="operations_unlock"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return SuperuserMenuItem(_("Locked-out sign-ins"), reverse("operations_lockouts"), icon_name="lock", order=900)
