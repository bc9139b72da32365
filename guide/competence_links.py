"""Links to competences, in the reader's language: the competence's translation and its page in the framework.

Apart from guide.links because it needs the framework page's model, and
guide.models needs guide.links.
"""

from django.utils import translation

from guide.links import active_locale, per_request
from guide.models import CompetenceFrameworkPage
from home.models import Competence


def framework_page(request=None):
    """The live, public CompetenceFrameworkPage in the active language, or None. One SQL query per request."""

    def find():
        return (
            CompetenceFrameworkPage.objects.live()
            .public()
            .filter(locale=active_locale(request))
            .order_by("path")
            .first()
        )

    return per_request(request, f"framework_{translation.get_language()}", find)


def localized_competences(request=None) -> dict:
    """The competences in the active language (English where not yet translated), by translation key.

    Two SQL queries per request (the default locale, the competences).
    """
    return per_request(
        request,
        f"competences_{translation.get_language()}",
        lambda: {
            competence.translation_key: competence
            for competence in Competence.objects.localized(active_locale(request))
        },
    )


def competence_url(competence, request=None) -> str | None:
    """Address of `competence`'s page in the framework, in the active language; None without a framework page."""
    framework = framework_page(request)
    if framework is None or competence is None:
        return None
    return framework.competence_url(competence.number, request)
