"""`manage.py fetch_recording_embeds`: fetch the players of recordings that have none stored yet.

Event pages never call the video provider while a visitor waits (see
`events.recordings`). When the provider could not be reached as an editor
saved the recording's address, the page shows a plain link; run this command
(by hand or from cron) once the provider can be reached to store the player.
"""

from django.core.management.base import BaseCommand

from events.models import EventPage
from events.recordings import fetch_embed, provider_knows, stored_embed


class Command(BaseCommand):
    help = "Fetch and store the embed (player) of every event recording address that has none yet."

    def handle(self, *args, **options):
        urls = set(EventPage.objects.exclude(recording_url="").values_list("recording_url", flat=True))
        fetched = failed = 0
        for url in sorted(urls):
            if stored_embed(url) is not None or not provider_knows(url):
                continue
            if fetch_embed(url) is not None:
                fetched += 1
                self.stdout.write(f"fetched: {url}")
            else:
                failed += 1
                self.stdout.write(self.style.WARNING(f"not reachable: {url}"))
        self.stdout.write(f"{fetched} fetched, {failed} not reachable, {len(urls) - fetched - failed} already stored")
