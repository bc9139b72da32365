from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from operations import admin_views


@hooks.register("register_admin_urls")
def register_lockout_urls():
    urls = [
        path("", admin_views.lockouts, name="lockouts"),
        path("<int:pk>/unlock/", admin_views.unlock, name="unlock"),
    ]
    return [path("locked-out/", include((urls, "operations"), namespace="operations"))]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return SuperuserMenuItem(_("Locked-out sign-ins"), reverse("operations:lockouts"), icon_name="lock", order=900)
