"""Open data: Wagtail's API v2, read-only, at /api/v2/pages/.

Only pages a visitor can reach (`home.reachable`: live, public, every ancestor live, in their own
language) are listed or shown; `?locale=fr` narrows the listing to one language (Wagtail's
LocaleFilter), `?translation_of=<id>` gives a page's translations. No images or documents
endpoint: Wagtail's would list documents of private collections too.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from home.reachable import reachable


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return reachable(super().get_base_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
