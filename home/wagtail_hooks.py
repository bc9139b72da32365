"""Admin registration of the site-wide snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from editing.viewsets import NoLostEditsSnippetViewSet
from home.models import Competence, Partner, Person


class PartnerViewSet(NoLostEditsSnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "short_name", "role", "city", "country", "locale"]
    list_filter = ["role"]
    search_fields = ["name", "short_name"]


class PersonViewSet(NoLostEditsSnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "job_title", "organisation", "locale"]
    search_fields = ["name"]


class CompetenceViewSet(NoLostEditsSnippetViewSet):
    model = Competence
    icon = "success"
    list_display = ["number", "title", "locale"]
    search_fields = ["title"]


class SiteContentGroup(SnippetViewSetGroup):
    menu_label = _("Site content")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (PartnerViewSet, PersonViewSet, CompetenceViewSet)


register_snippet(SiteContentGroup)
