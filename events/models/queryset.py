"""Finding events: upcoming, past, and the one the home page features."""

from django.utils import timezone
from wagtail.models import PageManager, PageQuerySet


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet (current ones included), soonest first."""
        return self.filter(end__gt=now or timezone.now()).order_by("start")

    def past(self, now=None):
        """Events that have ended, latest first."""
        return self.filter(end__lte=now or timezone.now()).order_by("-start")

    def featured(self, locale, now=None):
        """The next event in `locale`, else the latest past one, else None: what the home page shows. ≤ 2 queries."""
        live = self.live().public().filter(locale=locale)
        return live.upcoming(now).first() or live.past(now).first()


EventPageManager = PageManager.from_queryset(EventPageQuerySet)
