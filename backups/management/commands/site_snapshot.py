"""`manage.py site_snapshot --write FILE` / `--compare FILE`: the check that a restore gave back the same site."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.snapshot import differences, snapshot


class Command(BaseCommand):
    help = (
        "Write (--write) or compare with (--compare) a snapshot of the site: counts of pages, revisions, "
        "locales, translations, images and documents, and a hash of every live page in every language as rendered."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--write", metavar="FILE")
        group.add_argument("--compare", metavar="FILE")

    def handle(self, *args, **options):
        current = snapshot()
        if options["write"]:
            Path(options["write"]).write_text(json.dumps(current, indent=1, sort_keys=True))
            self.stdout.write(f"{len(current['pages'])} pages, {current['counts']} written to {options['write']}")
            return
        before = json.loads(Path(options["compare"]).read_text())
        found = differences(before, current)
        if found:
            raise CommandError(f"{len(found)} differences:\n" + "\n".join(found[:50]))
        self.stdout.write(f"Same site: {len(current['pages'])} live pages render the same; counts {current['counts']}")
