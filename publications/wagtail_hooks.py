"""The admin: a "Generated PDFs" listing (state, pages, size, last error), failed builds on the dashboard,
and the Publications snippets (one output, a file per language).
"""

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView

from editing.viewsets import NoLostEditsSnippetViewSet
from publications.forms import QuickPublicationForm
from publications.models import GeneratedPDF, Publication


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Builds make and change the rows, nobody edits them by hand. The listing (every language) is for
    superusers and users given "Can view generated PDF"; every editor sees failed builds on the dashboard."""

    def user_has_permission(self, user, action):
        if action in {"view", "inspect"}:
            return user.is_active and user.has_perm("publications.view_generatedpdf")
        return False


register_permission_policy(GeneratedPDF, ReadOnlyPolicy(GeneratedPDF))


class GeneratedPDFIndexView(IndexView):
    # Failed builds first, the latest failure on top (NULLs last on every database); then in tree order.
    default_ordering = (F("failed_at").desc(nulls_last=True), "page__path")


class GeneratedPDFViewSet(ModelViewSet):
    model = GeneratedPDF
    index_view_class = GeneratedPDFIndexView
    copy_view_enabled = False
    list_per_page = 50
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


class PublicationCreateView(SnippetCreateView):
    def get_creation_form_kwargs(self):
        return {**super().get_creation_form_kwargs(), "user": self.request.user}


class PublicationChooserViewSet(SnippetChooserViewSet):
    # A "Create" tab in the chooser: a publication with its first file (publications.forms).
    creation_form_class = QuickPublicationForm
    create_view_class = PublicationCreateView


class PublicationViewSet(NoLostEditsSnippetViewSet):
    model = Publication
    icon = "doc-full-inverse"
    menu_label = _("Publications")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "kind", Column("language_codes", label=_("Languages"))]
    list_filter = ["kind"]
    search_fields = ["title"]
    chooser_viewset_class = PublicationChooserViewSet

    def get_queryset(self, request):
        return Publication.objects.prefetch_related("files")


register_snippet(PublicationViewSet)
