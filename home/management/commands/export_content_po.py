"""`manage.py export_content_po`: write the PO files of the shipped content from the English source.

For the people who maintain the shipped content: after changing English text
in an app's `content` module, run `load_content` on a fresh database, then
this command. Each `<app>/content/locale/<lang>/<key>.po` gets the current
source strings; translations already in the file are kept, those of strings
that no longer exist are kept as obsolete entries for reference.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from home.loading import ContentError, ContentLoader
from home.management.commands.load_content import content_modules


class Command(BaseCommand):
    help = "Write the shipped content's PO files (one per object and language) from the English source."

    @no_translations
    def handle(self, *args, **options):
        loader = ContentLoader(mode="export")
        try:
            for module in content_modules():
                module.load(loader)
        except ContentError as error:
            raise CommandError(str(error)) from error
        for path in loader.exported:
            self.stdout.write(str(Path(path)))
        self.stdout.write(self.style.SUCCESS(f"{len(loader.exported)} PO files written"))
