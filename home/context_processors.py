"""Template context shared by every page of the site."""

from django.conf import settings


def site_name(request):
    """`site_name`: the site's name (`WAGTAIL_SITE_NAME`), a proper name the same in every language."""
    return {"site_name": settings.WAGTAIL_SITE_NAME}
