"""EventIndexPage: the events of one language, upcoming first, then past ones by year; an iCalendar feed."""

from itertools import groupby

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from events.ical import build_calendar
from events.models.event_page import EventPage
from home.models import BasePage


class EventIndexPage(RoutablePageMixin, BasePage):
    """The list of events under a home page, with a calendar feed (`calendar.ics`) of all of them."""

    introduction = RichTextField(_("introduction"), blank=True, editor="inline", help_text=_("Shown above the list."))

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def events(self):
        """The live, public events under this page. One SQL query when evaluated."""
        return EventPage.objects.child_of(self).live().public().select_related("locale")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = list(self.events().order_by("start"))
        upcoming = [event for event in events if event.is_upcoming(now)]
        past = sorted((event for event in events if not event.is_upcoming(now)), key=lambda e: e.start, reverse=True)
        context["upcoming_events"] = upcoming
        # Grouped by the year of their first day, in their own time zone.
        context["past_events_by_year"] = [
            (year, list(group)) for year, group in groupby(past, key=lambda event: event.start_date.year)
        ]
        context["calendar_url"] = self.calendar_url(request)
        full_url = self.get_full_url(request)
        if full_url:
            # webcal:// opens the subscription dialogue of most calendar apps.
            context["webcal_url"] = "webcal://" + full_url.split("://", 1)[1] + self.reverse_subpage("calendar")
        return context

    def calendar_url(self, request=None) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage("calendar")

    @path("ical/", name="calendar")
    def calendar(self, request):
        """All events of this language as an iCalendar feed (text/calendar), for calendar subscriptions."""
        # "Keep in Pact: Events": a subscribed calendar sits among the reader's own.
        name = f"{settings.WAGTAIL_SITE_NAME}: {self.title}"
        body = build_calendar(list(self.events().order_by("start")), request, name=name, feed=True)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.ics"'
        return response
