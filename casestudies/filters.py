"""The case-study library's filters: a django-filter FilterSet, its facet counts and its links.

A filtered view is a plain GET query string, so it can be shared, bookmarked
and used without JavaScript. Filter values do not depend on translated text,
so a link gives the same case studies in every language:

- `country`: ISO 3166-1 alpha-2 code (`PT`, case-insensitive), as stored by django-countries;
- `competence`: the competence's `number` in the framework (`3`), synchronised across languages;
- `partner`: the partner's `slug` (`cdm-porto`), synchronised across languages;
- `page`: the results page, from 1.

Filters of different kinds combine (AND). Input that cannot be used is never an
error: an unknown value, a second value for the same filter, or a page "number"
that is not a number is ignored and listed in `CaseStudyFilterSet.ignored` so the
page can say so. Only a page number beyond the last page is a 404 (the caller decides).
"""

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import CharField, Count, Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from casestudies.models.case_study import CaseStudyCompetence

COUNTRY, COMPETENCE, PARTNER, PAGE = "country", "competence", "partner", "page"
FILTER_PARAMETERS = (COUNTRY, COMPETENCE, PARTNER)
# facet_counts() keys besides the filters: every country of the library, and the number of results.
LIBRARY_COUNTRIES, RESULTS = "library_countries", "results"
# Ignored values are shown back to the visitor (escaped); a hand-typed essay is cut short.
SHOWN_VALUE_LENGTH = 40


@dataclass(frozen=True)
class IgnoredValue:
    """A query-string value the library could not use: the filter's `label`, the value as typed (shortened), why."""

    parameter: str
    label: str
    value: str
    reason: str


@dataclass(frozen=True)
class Option:
    """One choice of a filter's <select>: stable `value`, `label` in the page's language, matching `count`."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    """One filter of the form: its parameter name, labels and options."""

    parameter: str
    label: str
    all_label: str
    options: list[Option]


@dataclass(frozen=True)
class ActiveFilter:
    """A filter in use: "Country: Portugal", and the query string of the same view without it."""

    parameter: str
    label: str
    value: str
    value_label: str
    remove_query: str


@dataclass(frozen=True)
class FirstValue:
    """What a `FirstUsableValueMixin` field cleans to: the value used (None if none) and the values ignored."""

    value: object
    ignored: list[tuple[str, str]]  # (value as typed, reason)


def _sort_key(text: str) -> str:
    """Accent- and case-insensitive sort key ("Émilie" sorts with "emilie"); no database collation involved."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _shown(value: str) -> str:
    return Truncator(value).chars(SHOWN_VALUE_LENGTH)


# --- Form fields: every value of a parameter, the first usable one wins ---------------


class FirstUsableValueMixin:
    """A form field fed every value of its GET parameter; cleans to a `FirstValue`.

    Django's fields read the last value of a repeated parameter and refuse the
    whole form on a bad one; the library instead uses the first usable value and
    reports the others. Empty values (the form's "All ..." choice) are no filter;
    repeating the same value is harmless. `normalise(text)` runs before validation.
    """

    widget = forms.SelectMultiple  # its value_from_datadict reads QueryDict.getlist

    def __init__(self, *args, normalise=str, **kwargs):
        self.normalise = normalise
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return self.normalise(value) if value not in self.empty_values else value

    def clean(self, values):
        chosen, chosen_raw, ignored = None, None, []
        if isinstance(values, str):  # data given as a plain dict rather than a QueryDict
            values = [values]
        for raw in values or []:
            text = raw.strip()
            if not text:
                continue
            try:
                value = super().clean(text)
            except ValidationError as error:
                ignored.append((raw, error.messages[0]))
                continue
            if chosen is None:
                chosen, chosen_raw = value, raw
            elif value != chosen:
                ignored.append(
                    (
                        raw,
                        _("only one value can be chosen at a time; the first one, “%(first)s”, is used")
                        % {"first": _shown(chosen_raw)},
                    )
                )
        return FirstValue(chosen, ignored)


class FirstChoiceField(FirstUsableValueMixin, django_filters.fields.ChoiceField):
    pass


class PageNumberField(FirstUsableValueMixin, forms.RegexField):
    """A page number: ASCII digits only (not "-1", "1.5" or "٣"), cleaned to an int. Page 0 is the caller's 404."""

    def __init__(self, **kwargs):
        super().__init__(
            regex=r"\A[0-9]+\Z",
            error_messages={"invalid": gettext_lazy("not a page number; the first page is shown")},
            **kwargs,
        )

    def clean(self, values):
        result = super().clean(values)
        return FirstValue(None if result.value is None else int(result.value), result.ignored)


class FirstChoiceFilter(django_filters.ChoiceFilter):
    field_class = FirstChoiceField


class LibraryForm(forms.Form):
    """The FilterSet's form: the page number besides the filters, and the values it had to ignore."""

    page = PageNumberField(label=gettext_lazy("Page"), required=False)

    def clean(self):
        cleaned_data = super().clean()
        self.ignored: list[IgnoredValue] = []
        for name in (*FILTER_PARAMETERS, PAGE):
            result = cleaned_data.get(name)
            if not isinstance(result, FirstValue):
                continue
            cleaned_data[name] = result.value
            self.ignored += [
                IgnoredValue(name, str(self.fields[name].label), _shown(raw), reason) for raw, reason in result.ignored
            ]
        return cleaned_data


# --- The FilterSet ----------------------------------------------------------------------


class CaseStudyFilterSet(django_filters.FilterSet):
    """The library's filters over `queryset` (the library's CaseStudyPages), bound to the request's GET.

    `competences` and `partners` are the snippets in the page's language: their
    `number` and `slug` are the accepted values, their titles and names the labels.
    Countries are every ISO code django-countries knows, named in the active language.
    Builds no query of its own; `qs` and `facets()` do.
    """

    country = FirstChoiceFilter(
        field_name="country",
        label=gettext_lazy("Country"),
        empty_label=gettext_lazy("All countries"),
        choices=lambda: list(countries),
        normalise=str.upper,
        error_messages={
            "invalid_choice": gettext_lazy("not a country code we know; use a two-letter ISO code such as PT")
        },
    )
    competence = FirstChoiceFilter(
        method="filter_competence",
        label=gettext_lazy("Competence"),
        empty_label=gettext_lazy("All competences"),
        # Competences are numbered with ASCII digits: "03" is 3; anything else fails validation.
        normalise=lambda text: str(int(text)) if text.isascii() and text.isdigit() else text,
    )
    partner = FirstChoiceFilter(
        field_name="partner__slug",
        label=gettext_lazy("Written by"),
        empty_label=gettext_lazy("All partners"),
        normalise=str.lower,
        error_messages={"invalid_choice": gettext_lazy("no project partner has this identifier")},
    )

    class Meta:
        form = LibraryForm

    def __init__(self, data: QueryDict, queryset: QuerySet, *, competences: list, partners: list, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self._competence_labels = {str(c.number): str(c) for c in competences}
        self._partner_labels = {p.slug: p.name for p in partners}
        numbers = sorted(c.number for c in competences)
        competence = self.filters[COMPETENCE]
        competence.extra["choices"] = list(self._competence_labels.items())
        competence.extra["error_messages"] = {
            "invalid_choice": _(
                "there is no competence with this number; the framework has competences %(first)s to %(last)s"
            )
            % {"first": numbers[0], "last": numbers[-1]}
            if numbers
            else _("there is no competence with this number")
        }
        self.filters[PARTNER].extra["choices"] = list(self._partner_labels.items())

    def filter_competence(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # EXISTS rather than a join: a page is listed once, whatever its number of competences.
        return queryset.filter(
            Exists(CaseStudyCompetence.objects.filter(page_id=OuterRef("pk"), competence__number=value))
        )

    def filter_queryset(self, queryset: QuerySet, *, without: str | None = None) -> QuerySet:
        """`queryset` narrowed by every filter in use except `without` (the page number is no filter)."""
        for name, filter_ in self.filters.items():
            if name != without:
                queryset = filter_.filter(queryset, self.form.cleaned_data.get(name))
        return queryset

    # --- State ----------------------------------------------------------------------
    @property
    def values(self) -> dict[str, str]:
        """The filters in use as query-string values, in parameter order: {"country": "PT", "competence": "3"}."""
        self.form.is_valid()
        return {name: self.form.cleaned_data[name] for name in FILTER_PARAMETERS if self.form.cleaned_data.get(name)}

    @property
    def is_filtered(self) -> bool:
        return bool(self.values)

    @property
    def ignored(self) -> list[IgnoredValue]:
        self.form.is_valid()
        return self.form.ignored

    @property
    def page_number(self) -> int:
        """The results page asked for, 1 by default (0 is a number, but out of range: the caller's 404)."""
        self.form.is_valid()
        number = self.form.cleaned_data.get(PAGE)
        return 1 if number is None else number

    def query_string(self, *, without: str | None = None, page: int = 1) -> str:
        """The canonical query string ("?country=PT&competence=3", "" for none) of these filters.

        `without` drops one filter; `page` > 1 adds the page number. Ignored values are never carried over.
        """
        values = {name: value for name, value in self.values.items() if name != without}
        if page > 1:
            values[PAGE] = str(page)
        return f"?{urlencode(values)}" if values else ""

    def value_label(self, parameter: str) -> str:
        """The label of the value in use for `parameter`, in the active language ("Portugal")."""
        value = self.values.get(parameter, "")
        if parameter == COUNTRY:
            return str(countries.name(value))
        if parameter == COMPETENCE:
            return self._competence_labels.get(value, "")
        return self._partner_labels.get(value, "")

    @property
    def active_filters(self) -> list[ActiveFilter]:
        return [
            ActiveFilter(
                parameter=name,
                label=str(self.filters[name].label),
                value=value,
                value_label=self.value_label(name),
                remove_query=self.query_string(without=name),
            )
            for name, value in self.values.items()
        ]

    # --- Facets -----------------------------------------------------------------------
    def facets(self, counts: dict | None = None) -> list[Facet]:
        """The filter form's facets for the case studies of the library, from `counts` (`facet_counts()`).

        Each option's count is the number of results choosing it would give,
        keeping the other filters: the usual faceted-search count. Countries
        are those of the library (plus the one in use), sorted by their name in
        the active language; competences and partners are all of them.
        """
        self.form.is_valid()
        chosen = {name: self.values.get(name, "") for name in FILTER_PARAMETERS}
        counts = self.facet_counts() if counts is None else counts
        library_countries, country_counts = set(counts[LIBRARY_COUNTRIES]), counts[COUNTRY]
        competence_counts, partner_counts = counts[COMPETENCE], counts[PARTNER]
        codes = library_countries | ({chosen[COUNTRY]} if chosen[COUNTRY] else set())
        options = {
            COUNTRY: sorted(
                (
                    Option(code, str(countries.name(code)), country_counts.get(code, 0), code == chosen[COUNTRY])
                    for code in codes
                ),
                key=lambda option: _sort_key(option.label),
            ),
            COMPETENCE: [
                Option(number, label, competence_counts.get(number, 0), number == chosen[COMPETENCE])
                for number, label in sorted(self._competence_labels.items(), key=lambda item: int(item[0]))
            ],
            PARTNER: [
                Option(slug, name, partner_counts.get(slug, 0), slug == chosen[PARTNER])
                for slug, name in self._partner_labels.items()
            ],
        }
        return [
            Facet(name, str(self.filters[name].label), str(self.filters[name].extra["empty_label"]), options[name])
            for name in FILTER_PARAMETERS
        ]

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """Every count the page shows, in one SQL query (a UNION ALL of grouped counts).

        {"country" / "competence" / "partner": {value as a string: number of results choosing
        it would give}, LIBRARY_COUNTRIES: {country: pages}, RESULTS: {"": number of results}};
        NULL values are left out. The filters are the FilterSet's own (`filter_queryset`).
        """
        self.form.is_valid()
        library = self.queryset.order_by()
        parts = [
            (LIBRARY_COUNTRIES, library, "country"),
            (COUNTRY, self.filter_queryset(library, without=COUNTRY), "country"),
            (COMPETENCE, self.filter_queryset(library, without=COMPETENCE), "competence_links__competence__number"),
            (PARTNER, self.filter_queryset(library, without=PARTNER), "partner__slug"),
            (RESULTS, self.filter_queryset(library), None),
        ]
        grouped = [
            queryset.annotate(facet=Value(name, output_field=CharField()))
            .values("facet", key=Cast(F(lookup), CharField()) if lookup else Value("", output_field=CharField()))
            .annotate(n=Count("pk", distinct=True))
            .values_list("facet", "key", "n")
            for name, queryset, lookup in parts
        ]
        counts = {name: {} for name, _queryset, _lookup in parts}
        for name, key, n in grouped[0].union(*grouped[1:], all=True):
            if key is not None:
                counts[name][key] = n
        counts[RESULTS].setdefault("", 0)
        return counts
