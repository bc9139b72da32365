"""The admin form of EventPage and its time-zone select."""

from functools import lru_cache

from django import forms
from django.utils import translation
from django_countries import countries
from wagtail.admin.forms import WagtailAdminPageForm

from events.recordings import fetch_embed, provider_knows, stored_embed
from events.timezones import zone_countries


class EventPageForm(WagtailAdminPageForm):
    """Fetches the recording's embed when an editor saves its address.

    This is the only place that calls the video provider (besides
    `manage.py fetch_recording_embeds`): public pages read the stored embed.
    A provider that cannot be reached does not stop the save; the page then
    shows a plain link, and the next save tries again. An address no
    provider knows is refused by `EventPage.clean`.
    """

    def clean(self):
        cleaned_data = super().clean()
        url = cleaned_data.get("recording_url")
        if url and provider_knows(url) and stored_embed(url) is None:
            fetch_embed(url)
        return cleaned_data


class TimeZoneSelect(forms.Select):
    """A select of time zones with a filter box, that keeps a saved value missing from its list ("CET").

    Searchable: a small Stimulus controller (events/admin/time_zone_filter.js) shows a labelled
    text box above the select that narrows its options to the zones whose name, or whose
    country's name (in the editor's language or in English), contains the words typed. Without
    JavaScript the box stays hidden and this is the plain select; the model field's validator
    refuses anything but an IANA zone either way.

    A saved value missing from the list is kept as its first option: without this, it would be
    replaced by the first zone, unnoticed, on the next save.
    """

    template_name = "events/widgets/time_zone_select.html"

    class Media:
        js = ["events/admin/time_zone_filter.js"]
        css = {"all": ["events/admin/time_zone_filter.css"]}

    def get_context(self, name, value, attrs):
        if value and value not in {choice for choice, _label in self.choices}:
            self.choices = [(value, value), *self.choices]
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-kip-option-filter-target"] = "select"
        return context

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if words := country_words(zone_countries().get(value)):
            option["attrs"]["data-search"] = words
        return option


@lru_cache(maxsize=300)
def _english_country_name(code: str) -> str:
    with translation.override("en"):
        return str(countries.name(code))


def country_words(code: str | None) -> str:
    """The country of `code` (ISO 3166) as the filter matches it: its name in the active language and in English."""
    if not code:
        return ""
    names = dict.fromkeys([str(countries.name(code)), _english_country_name(code)])
    return " ".join(name for name in names if name)
