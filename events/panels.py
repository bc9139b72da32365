"""Admin panels of the events app."""

from wagtail.admin.panels import Panel

from events.recordings import stored_embed


class RecordingStatusPanel(Panel):
    """Tells editors whether the recording's player was fetched from the provider, or a plain link is shown."""

    @property
    def clean_name(self):
        return super().clean_name or "recording_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/recording_status_panel.html"

        def is_shown(self):
            return bool(getattr(self.instance, "recording_url", "")) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            url = getattr(self.instance, "recording_url", "")
            context["recording_url"] = url
            context["embed"] = stored_embed(url) if url else None
            return context
