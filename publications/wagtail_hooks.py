"""The admin: a "Generated PDFs" listing (state, pages, size, last error) and failed builds on the dashboard."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from publications.models import GeneratedPDF


class GeneratedPDFViewSet(ModelViewSet):
    model = GeneratedPDF
    icon = "doc-full"
    menu_label = _("Generated PDFs")
    menu_order = 850
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_filter = ["kind"]
    form_fields = []
    list_display = [
        "__str__",
        Column("language_code", label=_("Language")),
        Column("page_count", label=_("Pages")),
        Column("file_size", label=_("Size (bytes)")),
        DateColumn("built_at", label=_("Built")),
        Column("error", label=_("Error of the last build")),
    ]
    inspect_view_fields = ["page", "kind", "document", "page_count", "built_at", "build_seconds", "error", "failed_at"]

    def get_queryset(self, request):
        return GeneratedPDF.objects.select_related("page__locale", "document")


class FailedBuildsPanel(Component):
    """On the dashboard: each PDF whose last build failed, with the error (the previous file is still served)."""

    name = "publications_failed_builds"
    order = 90
    template_name = "publications/admin/failed_builds_panel.html"

    def __init__(self, failures):
        self.failures = failures

    def get_context_data(self, parent_context=None):
        return {"failures": self.failures}


@hooks.register("register_admin_viewset")
def register_viewset():
    return GeneratedPDFViewSet("generated_pdfs")


@hooks.register("construct_homepage_panels")
def failed_builds_panel(request, panels):
    failures = list(GeneratedPDF.objects.exclude(error="").select_related("page__locale", "document"))
    if failures:
        panels.append(FailedBuildsPanel(failures))
