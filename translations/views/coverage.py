"""The translation coverage dashboard (admin menu "Translation coverage")."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from translations import coverage
from translations.languages import user_locale_ids

ROWS_PER_PAGE = 50


class CoverageFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    family = forms.ChoiceField(label=_("Page family"), required=False)
    review = forms.ChoiceField(
        label=_("Review"),
        required=False,
        choices=[("", _("All")), ("machine", _("Unreviewed machine translation"))],
    )

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["language"].choices = everything + [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]
        self.fields["state"].choices = everything + coverage.STATES
        self.fields["family"].choices = everything + coverage.families()


class CoverageView(WagtailAdminTemplateMixin, TemplateView):
    """Every translatable page and snippet × each language the user works in, filterable, 50 rows a page.

    Editors (page permissions at the tree's root) see every language;
    translators only theirs. The number of SQL queries does not depend on the
    number of pages (see translations.coverage).
    """

    template_name = "translations/coverage.html"
    page_title = _("Translation coverage")
    header_icon = "wagtail-localize-language"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mine = user_locale_ids(self.request.user)
        default = Locale.get_default()
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        locales = sorted(
            Locale.objects.filter(pk__in=mine).exclude(pk=default.pk),
            key=lambda locale: order.get(locale.language_code, len(order)),
        )
        form = CoverageFilterForm(self.request.GET or None, locales=locales)
        filters = form.cleaned_data if form.is_valid() else {}
        rows = coverage.coverage_rows(locales, mine)
        summary = coverage.summary(rows, locales)
        if filters.get("language"):
            rows = [row for row in rows if row.locale.language_code == filters["language"]]
        if filters.get("state"):
            rows = [row for row in rows if row.state == filters["state"]]
        if filters.get("family"):
            rows = [row for row in rows if row.family == filters["family"]]
        if filters.get("review") == "machine":
            rows = [row for row in rows if row.machine]
        paginator = Paginator(rows, ROWS_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            {
                "form": form,
                "locales": locales,
                "summary": summary,
                "states": coverage.STATES,
                "page_obj": page,
                "rows": page.object_list,
                "row_count": paginator.count,
                "query_string": query.urlencode(),
                "next_url": self.request.get_full_path(),
                # Translators do not edit the English source: its title is not a link for them.
                "can_edit_source": default.pk in mine,
            }
        )
        return context
