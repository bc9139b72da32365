"""OpenDataPage: the "Open data" page of a language, at /<lang>/open-data/, and its downloads as routes."""

from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage
from static_archive import opendata


class OpenDataPage(RoutablePageMixin, BasePage):
    """The project's outputs as files to reuse (static_archive.opendata), with their licence and fields.

    The files are routes of the page (`<page>/competences.csv`...), so they live in the page's
    language and the static archive crawls them from its links. The slug is the same in every
    language (`open-data`): the addresses are the ones published since the project's end.
    """

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        editor="basic",
        help_text=_("Shown above the list of downloads: what the files are and how to reuse them."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("slug", overridable=False),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open data page")
        verbose_name_plural = _("open data pages")

    def download_url(self, name: str, request=None) -> str:
        """The address of the download `name`: the page's address and the file name, no trailing slash."""
        return (self.get_url(request) or "") + name

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["licence"] = opendata.LICENCE
        context["licence_url"] = opendata.LICENCE_URL
        context["datasets"] = [
            (dataset, [(download, self.download_url(download.name, request)) for download in dataset.downloads])
            for dataset in opendata.DATASETS
        ]
        return context

    # Wagtail routes `<page>/<name>` as `<name>/`; config/urls.py sends file names (with a dot) to Wagtail.
    @re_path(r"^(?P<name>[\w-]+\.[a-z]+)/$", name="download")
    def download(self, request, name):
        response = opendata.download(request, self.locale.language_code, name)
        # Built from many pages: the page cache, purged by this page's changes only, must not keep it.
        patch_cache_control(response, no_cache=True)
        return response
