from events.models.event_index_page import EventIndexPage
from events.models.event_page import EventPage

__all__ = ["EventIndexPage", "EventPage"]
