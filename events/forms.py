"""The admin form of EventPage and its time-zone select."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from events.recordings import fetch_embed, provider_knows, stored_embed


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
    """A select of time zones that keeps a saved value missing from its list (a legacy alias such as "CET").

    Without this, such a value would show as the first option and be
    replaced by it, unnoticed, on the next save.
    """

    def get_context(self, name, value, attrs):
        if value and value not in {choice for choice, _label in self.choices}:
            self.choices = [(value, value), *self.choices]
        return super().get_context(name, value, attrs)
