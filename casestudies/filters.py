"""The case-study library's filters: reading the query string, filtering, counting.

A filtered view is a plain GET query string, so it can be shared, bookmarked
and used without JavaScript. Filter values do not depend on translated text,
so a link gives the same case studies in every language:

- `country`: ISO 3166-1 alpha-2 code (`PT`, case-insensitive), as stored by django-countries;
- `competence`: the competence's `number` in the framework (`3`), synchronised across languages;
- `partner`: the partner's `slug` (`cdm-porto`), synchronised across languages;
- `page`: the results page, from 1.

Filters of different kinds combine (AND). Input that cannot be used is never an
error: an unknown value, a second value for the same filter, or a page "number"
that is not a number is ignored and listed in `LibraryQuery.ignored` so the page
can say so. Only a page number beyond the last page is a 404 (the caller decides).
"""

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Exists, F, OuterRef, QuerySet
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from casestudies.models.case_study import CaseStudyCompetence

COUNTRY, COMPETENCE, PARTNER, PAGE = "country", "competence", "partner", "page"
FILTER_PARAMETERS = (COUNTRY, COMPETENCE, PARTNER)
FILTER_LABELS = {
    COUNTRY: gettext_lazy("Country"),
    COMPETENCE: gettext_lazy("Competence"),
    PARTNER: gettext_lazy("Written by"),
    PAGE: gettext_lazy("Page"),
}
ALL_LABELS = {
    COUNTRY: gettext_lazy("All countries"),
    COMPETENCE: gettext_lazy("All competences"),
    PARTNER: gettext_lazy("All partners"),
}
# Ignored values are shown back to the visitor (escaped); a hand-typed essay is cut short.
SHOWN_VALUE_LENGTH = 40


@dataclass(frozen=True)
class IgnoredValue:
    """A query-string value the library could not use: `parameter`, the value as typed (shortened), why."""

    parameter: str
    value: str
    reason: str

    @property
    def label(self) -> str:
        return str(FILTER_LABELS.get(self.parameter, self.parameter))


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


def _sort_key(text: str) -> str:
    """Accent- and case-insensitive sort key ("Émilie" sorts with "emilie"); no database collation involved."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _shown(value: str) -> str:
    return Truncator(value).chars(SHOWN_VALUE_LENGTH)


class LibraryQuery:
    """What a library query string asks for, checked against the values that exist.

    `query` is the request's GET QueryDict; `competences` and `partners` are the
    snippets in the page's language (their `number` and `slug` are the accepted
    values, their titles and names the labels). After construction, `country`
    (code or ""), `competence` (number or None), `partner` (slug or ""),
    `page_number` (int, 1 by default) and `ignored` (list of IgnoredValue) are set.
    Builds no query of its own.
    """

    def __init__(self, query: QueryDict, competences: list, partners: list):
        self.query = query
        self.ignored: list[IgnoredValue] = []
        self._competence_labels = {c.number: str(c) for c in competences}
        self._partner_labels = {p.slug: p.name for p in partners}
        self.country: str = self._first_valid(COUNTRY, self._parse_country) or ""
        self.competence: int | None = self._first_valid(COMPETENCE, self._parse_competence)
        self.partner: str = self._first_valid(PARTNER, self._parse_partner) or ""
        page_number = self._first_valid(PAGE, self._parse_page)
        # Page 0 is a number, but out of range: the caller answers 404, as for a page past the last.
        self.page_number: int = 1 if page_number is None else page_number

    # --- Parsing ----------------------------------------------------------------
    def _first_valid(self, parameter: str, parse):
        """The first usable value of `parameter`; every other non-empty value is recorded as ignored.

        `parse(raw)` returns (value, None) or (None, reason). Empty values (the
        form's "All ..." choice) are no filter; repeating the same value is harmless.
        """
        chosen, chosen_raw = None, None
        for raw in self.query.getlist(parameter):
            text = raw.strip()
            if not text:
                continue
            value, reason = parse(text)
            if reason is not None:
                self.ignored.append(IgnoredValue(parameter, _shown(raw), reason))
            elif chosen is None:
                chosen, chosen_raw = value, raw
            elif value != chosen:
                self.ignored.append(
                    IgnoredValue(
                        parameter,
                        _shown(raw),
                        _("only one value can be chosen at a time; the first one, “%(first)s”, is used")
                        % {"first": _shown(chosen_raw)},
                    )
                )
        return chosen

    def _parse_country(self, text: str):
        code = text.upper()
        if len(code) == 2 and code in countries:
            return code, None
        return None, _("not a country code we know; use a two-letter ISO code such as PT")

    def _parse_competence(self, text: str):
        numbers = sorted(self._competence_labels)
        if text.isascii() and text.isdigit() and int(text) in self._competence_labels:
            return int(text), None
        if numbers:
            return None, _(
                "there is no competence with this number; the framework has competences %(first)s to %(last)s"
            ) % {"first": numbers[0], "last": numbers[-1]}
        return None, _("there is no competence with this number")

    def _parse_partner(self, text: str):
        slug = text.lower()
        if slug in self._partner_labels:
            return slug, None
        return None, _("no project partner has this identifier")

    def _parse_page(self, text: str):
        if text.isascii() and text.isdigit():
            return int(text), None
        return None, _("not a page number; the first page is shown")

    # --- State ----------------------------------------------------------------------
    @property
    def values(self) -> dict[str, str]:
        """The filters in use as query-string values, in parameter order: {"country": "PT", "competence": "3"}."""
        values = {COUNTRY: self.country, COMPETENCE: str(self.competence or ""), PARTNER: self.partner}
        return {name: value for name, value in values.items() if value}

    @property
    def is_filtered(self) -> bool:
        return bool(self.values)

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
        if parameter == COUNTRY:
            return str(countries.name(self.country))
        if parameter == COMPETENCE:
            return self._competence_labels.get(self.competence, "")
        return self._partner_labels.get(self.partner, "")

    @property
    def active_filters(self) -> list[ActiveFilter]:
        return [
            ActiveFilter(
                parameter=name,
                label=str(FILTER_LABELS[name]),
                value=value,
                value_label=self.value_label(name),
                remove_query=self.query_string(without=name),
            )
            for name, value in self.values.items()
        ]

    # --- Querying ------------------------------------------------------------------
    def apply(self, queryset: QuerySet, *, without: str | None = None) -> QuerySet:
        """`queryset` (of CaseStudyPage) narrowed by every filter in use except `without`. Adds no query."""
        if self.country and without != COUNTRY:
            queryset = queryset.filter(country=self.country)
        if self.competence is not None and without != COMPETENCE:
            # EXISTS rather than a join: a page is listed once, whatever its number of competences.
            queryset = queryset.filter(
                Exists(CaseStudyCompetence.objects.filter(page_id=OuterRef("pk"), competence__number=self.competence))
            )
        if self.partner and without != PARTNER:
            queryset = queryset.filter(partner__slug=self.partner)
        return queryset

    def facets(self, library: QuerySet) -> list[Facet]:
        """The filter form's facets for the case studies in `library`. Four SQL queries.

        Each option's count is the number of results choosing it would give,
        keeping the other filters: the usual faceted-search count. Countries
        are those of the library (plus the one in use), sorted by their name in
        the active language; competences and partners are all of them.
        """
        library = library.order_by()
        library_countries = set(library.values_list("country", flat=True).distinct())
        country_counts = self._counts(self.apply(library, without=COUNTRY), "country")
        competence_counts = self._counts(
            self.apply(library, without=COMPETENCE), "competence_links__competence__number"
        )
        partner_counts = self._counts(self.apply(library, without=PARTNER), "partner__slug")
        codes = library_countries | ({self.country} if self.country else set())
        country_options = sorted(
            (
                Option(code, str(countries.name(code)), country_counts.get(code, 0), code == self.country)
                for code in codes
            ),
            key=lambda option: _sort_key(option.label),
        )
        competence_options = [
            Option(str(number), label, competence_counts.get(number, 0), number == self.competence)
            for number, label in sorted(self._competence_labels.items())
        ]
        partner_options = [
            Option(slug, name, partner_counts.get(slug, 0), slug == self.partner)
            for slug, name in self._partner_labels.items()
        ]
        return [
            Facet(COUNTRY, str(FILTER_LABELS[COUNTRY]), str(ALL_LABELS[COUNTRY]), country_options),
            Facet(COMPETENCE, str(FILTER_LABELS[COMPETENCE]), str(ALL_LABELS[COMPETENCE]), competence_options),
            Facet(PARTNER, str(FILTER_LABELS[PARTNER]), str(ALL_LABELS[PARTNER]), partner_options),
        ]

    @staticmethod
    def _counts(queryset: QuerySet, lookup: str) -> dict:
        """{value of `lookup`: number of distinct pages} for `queryset`, leaving out NULL. One SQL query."""
        rows = queryset.values(key=F(lookup)).annotate(n=Count("pk", distinct=True)).values_list("key", "n")
        return {key: n for key, n in rows if key is not None}
