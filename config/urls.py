"""URL configuration.

Outside the language prefix: the Wagtail admin, document serving, Django's
language-setting view, and the sitemap and robots.txt (one file for every
language, see translations.sitemap). Inside it (`/en/`, `/fr/`, ...): the search
page and every public page.
`/` is redirected to the visitor's preferred language by `home.middleware`.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.views import serve as wagtail_serve

from mediastore.store import uses_local_disk
from mediastore.views import serve_media
from operations import views as operations_views
from operations.security import ThrottledPasswordResetView
from search import views as search_views
from static_archive.api import api_router
from translations.sitemap import MultilingualSitemap
from translations.views.robots import robots_txt

urlpatterns = [
    # Wagtail's password-reset form, throttled per address and e-mail address (operations.security).
    path("admin/password_reset/", ThrottledPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("csp-report/", operations_views.csp_report, name="csp_report"),
    path("documents/", include(wagtaildocs_urls)),
    # Open data: Wagtail's read-only API v2, reachable public pages only (static_archive/api.py).
    path("api/v2/", api_router.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if uses_local_disk():
    # Media on the local disk: documents and original images always go through the check that
    # refuses restricted ones (mediastore.views); the rest only with SERVE_MEDIA (`make run`), in
    # production the web server serves it. With a bucket, media URLs point to the bucket.
    _media = settings.MEDIA_URL.lstrip("/")
    _served = "" if settings.SERVE_MEDIA else "(?:documents|original_images)/"
    urlpatterns += [re_path(rf"^{_media}(?P<path>{_served}.*)$", serve_media)]

urlpatterns += i18n_patterns(
    # Before Wagtail's pages: a page with the slug "search" under a home page is hidden by it.
    path("search/", search_views.search, name="search"),
    # Files served as routes of a page (the open-data downloads, static_archive.models.OpenDataPage,
    # e.g. /fr/open-data/events.ics): Wagtail's own pattern takes only addresses ending in "/".
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.[a-z]+)$", wagtail_serve, name="wagtail_serve_file"),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
handler400 = "operations.views.bad_request"
# A 503 with Retry-After when the database is unavailable, home.views.server_error otherwise.
handler500 = "operations.views.server_error"
